import { cleanText } from './clean.ts';
import { canonicalSyllable } from './syllable.ts';

/** Runs of letters and combining marks, the only places where tone placement and spelling can vary. */
const LETTER_RUN = /[\p{L}\p{M}]+/gu;
const HAS_NON_ASCII = /[^\x00-\x7f]/;
const HAS_IY_VARIANT = /(?<![\p{L}\p{M}])(?:[hklmst]|qu)i(?![\p{L}\p{M}])/iu;
const CACHE_LIMIT = 200_000;

// Memo of canonicalSyllable: words repeat heavily in running text, so this keeps normalization fast.
const canonicalWords = new Map<string, string>();

function canonicalWord(word: string): string {
  let canonical = canonicalWords.get(word);
  if (canonical === undefined) {
    canonical = canonicalSyllable(word);
    if (canonicalWords.size >= CACHE_LIMIT) canonicalWords.clear();
    canonicalWords.set(word, canonical);
  }
  return canonical;
}

/**
 * The form used for matching, never for display: cleanText, then one tone placement per syllable
 * (the classic one: 'hoà' → 'hòa', 'thuỷ' → 'thủy', 'khoẻ' → 'khỏe', 'Uỷ' → 'Ủy') and y for the
 * i/y spelling variants ('kĩ' → 'kỹ', 'lí' → 'lý', 'Mĩ' → 'Mỹ', 'qui' → 'quy'). Case is kept.
 */
export function normalizeForMatching(text: string): string {
  const cleaned = cleanText(text);
  if (!HAS_NON_ASCII.test(cleaned) && !HAS_IY_VARIANT.test(cleaned)) return cleaned;
  return cleaned.replace(LETTER_RUN, canonicalWord);
}
