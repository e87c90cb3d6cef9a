import unidecode from 'unidecode';
import { normalizeForMatching } from './normalize.ts';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The folding of characters that decompose (NFD) into an ASCII letter and combining marks of
 * U+0300–U+036F, plus đ and Đ: all Vietnamese letters, indexed by UTF-16 code (0 = not in the table).
 * Derived from Unicode at load time, so it agrees with foldRun by construction.
 */
const LETTER_FOLDS = new Uint8Array(0x1f00);
for (let code = 0xc0; code < LETTER_FOLDS.length; code++) {
  const decomposed = String.fromCharCode(code).normalize('NFD');
  if (/^[A-Za-z][\u0300-\u036f]+$/.test(decomposed)) LETTER_FOLDS[code] = decomposed.toLowerCase().charCodeAt(0);
}
LETTER_FOLDS['đ'.charCodeAt(0)] = LETTER_FOLDS['Đ'.charCodeAt(0)] = 'd'.charCodeAt(0);

/** Folds a run of characters outside the table: marks dropped after NFD, then unidecode. */
function foldRun(run: string): string {
  const stripped = run.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
  return NON_ASCII.test(stripped) ? unidecode(stripped).toLowerCase() : stripped;
}

/** The folded UTF-16 code of an ASCII character or a letter of the table, else -1. */
function foldedCode(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code | 0x20 : code;
  return code < LETTER_FOLDS.length && LETTER_FOLDS[code] !== 0 ? LETTER_FOLDS[code]! : -1;
}

let buffer = new Uint16Array(1024);

/**
 * Folds text to lowercase ASCII for diacritic-free matching: `Đảng Cộng sản` → `dang cong san`.
 * Vietnamese letters fold exactly (`đ` → `d`, every tone and vowel mark dropped) after
 * normalizeForMatching, so the i/y spelling variants fold alike (`kĩ`, `kỹ` → `ky`); letters of
 * other scripts that remain go through unidecode.
 */
export function foldText(text: string): string {
  return foldNormalized(normalizeForMatching(text));
}

/**
 * foldText of text that normalizeForMatching has normalized already, for callers that need both
 * forms and would otherwise normalize twice. ASCII and Vietnamese letters fold one by one through
 * a table; each run of other characters folds as a whole, the way the whole text would.
 */
export function foldNormalized(normalized: string): string {
  if (buffer.length < normalized.length) buffer = new Uint16Array(normalized.length * 2);
  let folded = '';
  let length = 0;
  for (let index = 0; index < normalized.length; ) {
    const code = foldedCode(normalized.charCodeAt(index));
    if (code !== -1) {
      buffer[length++] = code;
      index++;
      continue;
    }
    let end = index + 1;
    while (end < normalized.length && foldedCode(normalized.charCodeAt(end)) === -1) end++;
    folded += decodeUtf16(buffer, length) + foldRun(normalized.slice(index, end));
    length = 0;
    index = end;
  }
  return folded + decodeUtf16(buffer, length);
}

const DECODE_CHUNK = 0x2000;

function decodeUtf16(codes: Uint16Array, length: number): string {
  let text = '';
  for (let start = 0; start < length; start += DECODE_CHUNK) {
    text += String.fromCharCode.apply(null, codes.subarray(start, Math.min(length, start + DECODE_CHUNK)) as unknown as number[]);
  }
  return text;
}

/** Each UTF-16 code unit below U+1F00 folded for locating words: lowercase ASCII, or a space. */
const LOCATING_FOLDS = Uint8Array.from({ length: LETTER_FOLDS.length }, (_, code) => {
  const folded = foldedCode(code);
  return folded === -1 || folded >= 0x80 ? 0x20 : folded;
});
const latin1 = new TextDecoder('latin1');
let locatingBuffer = new Uint8Array(4096);

/**
 * Folds each UTF-16 code unit on its own, so that an offset in the result is an offset in `text`;
 * a character outside the table becomes a space. For finding where words may be (snippets),
 * not for matching them: it neither normalizes nor folds other scripts.
 */
export function foldCodeUnits(text: string): string {
  if (locatingBuffer.length < text.length) locatingBuffer = new Uint8Array(text.length * 2);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    locatingBuffer[index] = code < LOCATING_FOLDS.length ? LOCATING_FOLDS[code]! : 0x20;
  }
  return latin1.decode(locatingBuffer.subarray(0, text.length));
}
