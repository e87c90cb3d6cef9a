/**
 * Unicode classes of characters as bit flags, for hand-written scanners that replace `\p{..}`
 * regexes in hot loops. Each class is decided by the very regex it replaces, once per distinct
 * character (lazily: text uses a few hundred of the 65,536 BMP characters), so the scanners match
 * exactly what the regexes matched.
 */
export const LETTER = 1;
export const MARK = 2;
export const NUMBER = 4;
export const DECIMAL_DIGIT = 8;
/** JavaScript's `\s`. */
export const SPACE = 16;
export const UNDERSCORE = 32;
/** Zero-width characters and the soft hyphen, which cleanText drops. */
export const INVISIBLE = 64;

const CLASS_TESTS: readonly (readonly [number, RegExp])[] = [
  [LETTER, /^\p{L}$/u],
  [MARK, /^\p{M}$/u],
  [NUMBER, /^\p{N}$/u],
  [DECIMAL_DIGIT, /^\p{Nd}$/u],
  [SPACE, /^\s$/u],
  [UNDERSCORE, /^_$/u],
  [INVISIBLE, /^[\u00ad\u200b-\u200d\u2060\ufeff]$/u],
];
const UNKNOWN = 0x80;
const bmpClasses = new Uint8Array(0x10000).fill(UNKNOWN);
const astralClasses = new Map<number, number>();

function classify(character: string): number {
  let flags = 0;
  for (const [flag, test] of CLASS_TESTS) if (test.test(character)) flags |= flag;
  return flags;
}

/** Flags of the code point at `index`, which must be < text.length (a lone surrogate has none). */
export function classAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff) {
    const flags = bmpClasses[code]!;
    return flags !== UNKNOWN ? flags : (bmpClasses[code] = classify(String.fromCharCode(code)));
  }
  const codePoint = text.codePointAt(index)!;
  if (codePoint === code) return 0;
  let flags = astralClasses.get(codePoint);
  if (flags === undefined) astralClasses.set(codePoint, (flags = classify(String.fromCodePoint(codePoint))));
  return flags;
}

/** UTF-16 length of the code point at `index`: 2 for a surrogate pair, else 1. */
export function widthAt(text: string, index: number): 1 | 2 {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** End of the run of code points from `index` whose flags share a bit with `mask`. */
export function runEnd(text: string, index: number, mask: number): number {
  let end = index;
  while (end < text.length && (classAt(text, end) & mask) !== 0) end += widthAt(text, end);
  return end;
}
