import { classAt, DECIMAL_DIGIT, LETTER, NUMBER, runEnd, SPACE, UNDERSCORE, widthAt } from './char-class.ts';

/**
 * Syllables as the segmentation model was trained on them (pyvi's sylabelize), plus, as Vietnamese
 * treebanks write them, hyphenated transliterations ('Ô-ga-ta') and dotted initials ('J.Mitchell')
 * as one token. A hand-written scanner for the alternation below (first alternative that matches
 * wins), about ten times faster than the regex in the segmenter's hot loop:
 *
 *   [A-ZĐ]+\.  |  Tp\. Mr\. Mrs\. Ms\. Dr\. ThS\. ==> -> \.\.\. >>  |  [\p{L}\p{N}_]+://\S+  |
 *   [a-zA-Z0-9_.+-]+@(?:[a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+  |
 *   \p{Nd}{1,4}(?:[/-]\p{Nd}{1,2}){1,2}(?:[/-]\p{Nd}{1,4})?(?![\p{L}\p{N}])  |
 *   \p{Nd}{1,2}(?::\p{Nd}{2}){1,2}  |  \p{Nd}+(?:[.,_]\p{Nd}+)+  |  [\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)+  |
 *   [^\p{L}\p{N}_\s]  |  [\p{L}\p{N}_]+
 */
const LITERALS = ['Tp.', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'ThS.', '==>', '->', '...', '>>'] as const;
const LITERAL_STARTS = new Set(LITERALS.map((literal) => literal.charCodeAt(0)));
const WORD = LETTER | NUMBER | UNDERSCORE;
const LETTER_OR_NUMBER = LETTER | NUMBER;
const D_STROKE = 0x110;
const DOT = 0x2e;

function isAsciiUpperOrDStroke(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || code === D_STROKE;
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isEmailLocalChar(code: number): boolean {
  return isAsciiAlphanumeric(code) || code === 0x5f || code === DOT || code === 0x2b || code === 0x2d;
}

function isDomainChar(code: number): boolean {
  return isAsciiAlphanumeric(code) || code === 0x2d;
}

function has(text: string, index: number, mask: number): boolean {
  return index < text.length && (classAt(text, index) & mask) !== 0;
}

/** Ends after 1, 2, … up to `max` decimal digits from `index`, longest first (the order a greedy regex tries them). */
function digitEnds(text: string, index: number, max: number): number[] {
  const ends: number[] = [];
  for (let end = index; ends.length < max && has(text, end, DECIMAL_DIGIT); ) {
    end += widthAt(text, end);
    ends.push(end);
  }
  return ends.reverse();
}

function isDateSeparator(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 0x2f || code === 0x2d;
}

/** `[/-]\p{Nd}{1,max}` at `index`: its possible ends, longest first. */
function separatedDigitEnds(text: string, index: number, max: number): number[] {
  return index < text.length && isDateSeparator(text, index) ? digitEnds(text, index + 1, max) : [];
}

/** The date pattern's negative look-ahead `(?![\p{L}\p{N}])`. */
function endsDate(text: string, end: number): boolean {
  return !has(text, end, LETTER_OR_NUMBER);
}

/** `(?:[/-]\p{Nd}{1,4})?(?![\p{L}\p{N}])` after `end`: the end of the date, or -1. */
function dateTailEnd(text: string, end: number): number {
  for (const tailEnd of separatedDigitEnds(text, end, 4)) if (endsDate(text, tailEnd)) return tailEnd;
  return endsDate(text, end) ? end : -1;
}

/** `\p{Nd}{1,4}(?:[/-]\p{Nd}{1,2}){1,2}(?:[/-]\p{Nd}{1,4})?(?![\p{L}\p{N}])`, with the regex's backtracking order. */
function dateEnd(text: string, index: number): number {
  for (const yearEnd of digitEnds(text, index, 4)) {
    for (const firstEnd of separatedDigitEnds(text, yearEnd, 2)) {
      for (const secondEnd of separatedDigitEnds(text, firstEnd, 2)) {
        const end = dateTailEnd(text, secondEnd);
        if (end !== -1) return end;
      }
      const end = dateTailEnd(text, firstEnd);
      if (end !== -1) return end;
    }
  }
  return -1;
}

/** `:\p{Nd}{2}` at `index`: its end, or -1. */
function minutesEnd(text: string, index: number): number {
  if (text.charCodeAt(index) !== 0x3a) return -1;
  const ends = digitEnds(text, index + 1, 2);
  return ends.length === 2 ? ends[0]! : -1;
}

/** `\p{Nd}{1,2}(?::\p{Nd}{2}){1,2}` */
function timeEnd(text: string, index: number): number {
  for (const hourEnd of digitEnds(text, index, 2)) {
    const first = minutesEnd(text, hourEnd);
    if (first === -1) continue;
    const second = minutesEnd(text, first);
    return second === -1 ? first : second;
  }
  return -1;
}

/** `X+(?:[separators]X+)+` where X is the class `mask`: the end, or -1 without a separated part. */
function separatedRunEnd(text: string, index: number, mask: number, isSeparator: (code: number) => boolean): number {
  let end = runEnd(text, index, mask);
  let parts = 0;
  while (end + 1 < text.length && isSeparator(text.charCodeAt(end)) && has(text, end + 1, mask)) {
    end = runEnd(text, end + 1, mask);
    parts++;
  }
  return parts > 0 ? end : -1;
}

function isNumberSeparator(code: number): boolean {
  return code === DOT || code === 0x2c || code === 0x5f;
}

function isWordSeparator(code: number): boolean {
  return code === DOT || code === 0x2d;
}

/** `[a-zA-Z0-9_.+-]+@(?:[a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+` */
function emailEnd(text: string, index: number): number {
  let at = index;
  while (at < text.length && isEmailLocalChar(text.charCodeAt(at))) at++;
  if (at === index || text.charCodeAt(at) !== 0x40) return -1;
  let labels = 0;
  let end = -1;
  for (let position = at + 1; ; position++) {
    const labelStart = position;
    while (position < text.length && isDomainChar(text.charCodeAt(position))) position++;
    if (position === labelStart) break;
    if (++labels >= 2) end = position;
    if (text.charCodeAt(position) !== DOT) break;
  }
  return end;
}

/** `[\p{L}\p{N}_]+://\S+`, given the end of the word run at `index`. */
function urlEnd(text: string, wordEnd: number): number {
  if (!text.startsWith('://', wordEnd) || wordEnd + 3 >= text.length || (classAt(text, wordEnd + 3) & SPACE) !== 0) return -1;
  let end = wordEnd + 3;
  while (end < text.length && (classAt(text, end) & SPACE) === 0) end++;
  return end;
}

/** End of the syllable that starts at `index`, which must not be whitespace. */
export function syllableEnd(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (isAsciiUpperOrDStroke(code)) {
    let end = index + 1;
    while (end < text.length && isAsciiUpperOrDStroke(text.charCodeAt(end))) end++;
    if (text.charCodeAt(end) === DOT) return end + 1;
  }
  if (LITERAL_STARTS.has(code)) for (const literal of LITERALS) if (text.startsWith(literal, index)) return index + literal.length;
  const flags = classAt(text, index);
  const wordEnd = (flags & WORD) !== 0 ? runEnd(text, index, WORD) : index;
  if (wordEnd > index) {
    const url = urlEnd(text, wordEnd);
    if (url !== -1) return url;
  }
  if (isEmailLocalChar(code)) {
    const email = emailEnd(text, index);
    if (email !== -1) return email;
  }
  if ((flags & DECIMAL_DIGIT) !== 0) {
    const date = dateEnd(text, index);
    if (date !== -1) return date;
    const time = timeEnd(text, index);
    if (time !== -1) return time;
    const grouped = separatedRunEnd(text, index, DECIMAL_DIGIT, isNumberSeparator);
    if (grouped !== -1) return grouped;
  }
  if ((flags & LETTER_OR_NUMBER) !== 0) {
    const compound = separatedRunEnd(text, index, LETTER_OR_NUMBER, isWordSeparator);
    if (compound !== -1) return compound;
  }
  return wordEnd > index ? wordEnd : index + widthAt(text, index);
}
