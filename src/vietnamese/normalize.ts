import { classAt, LETTER, MARK, runEnd, widthAt } from './char-class.ts';
import { cleanText } from './clean.ts';
import { canonicalSyllable } from './syllable.ts';
import { memoizeBySubstring } from './memoize.ts';

const LETTER_OR_MARK = LETTER | MARK;

/** canonicalSyllable of text.slice(start, end), or null when that word is canonical already. */
const canonicalWord = memoizeBySubstring((word): string | null => {
  const syllable = canonicalSyllable(word);
  return syllable === word ? null : syllable;
});

function isAsciiLetter(code: number): boolean {
  return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
}

/**
 * canonicalSyllable of the letter run text.slice(start, end). A run of ASCII letters only changes
 * when it is an i/y variant, which ends in i ('ki' → 'ky', 'qui' → 'quy'): other ASCII runs skip
 * the memo. Null when the run is canonical already.
 */
function canonicalRun(text: string, start: number, end: number): string | null {
  let ascii = true;
  for (let i = start; i < end && ascii; i++) ascii = text.charCodeAt(i) < 0x80;
  return ascii && (text.charCodeAt(end - 1) | 0x20) !== 0x69 ? null : canonicalWord(text, start, end);
}

/**
 * The form used for matching, never for display: cleanText, then one tone placement per syllable
 * (the classic one: 'hoà' → 'hòa', 'thuỷ' → 'thủy', 'khoẻ' → 'khỏe', 'Uỷ' → 'Ủy') and y for the
 * i/y spelling variants ('kĩ' → 'kỹ', 'lí' → 'lý', 'Mĩ' → 'Mỹ', 'qui' → 'quy'). Case is kept.
 * Each run of letters and combining marks (`[\p{L}\p{M}]+`) is one word.
 */
export function normalizeForMatching(text: string): string {
  const cleaned = cleanText(text);
  let normalized = '';
  let copiedUpTo = 0;
  for (let index = 0; index < cleaned.length; ) {
    const code = cleaned.charCodeAt(index);
    if (code < 0x80 ? !isAsciiLetter(code) : (classAt(cleaned, index) & LETTER_OR_MARK) === 0) {
      index += code < 0x80 ? 1 : widthAt(cleaned, index);
      continue;
    }
    const end = runEnd(cleaned, index, LETTER_OR_MARK);
    const canonical = canonicalRun(cleaned, index, end);
    if (canonical !== null) {
      normalized += cleaned.slice(copiedUpTo, index) + canonical;
      copiedUpTo = end;
    }
    index = end;
  }
  return copiedUpTo === 0 ? cleaned : normalized + cleaned.slice(copiedUpTo);
}
