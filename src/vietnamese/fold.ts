import unidecode from 'unidecode';
import { normalizeForMatching } from './normalize.ts';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Folds text to lowercase ASCII for diacritic-free matching: `Đảng Cộng sản` → `dang cong san`.
 * Vietnamese letters fold exactly (`đ` → `d`, every tone and vowel mark dropped) after
 * normalizeForMatching, so the i/y spelling variants fold alike (`kĩ`, `kỹ` → `ky`); letters of
 * other scripts that remain go through unidecode.
 */
export function foldText(text: string): string {
  const normalized = normalizeForMatching(text);
  if (!NON_ASCII.test(normalized)) return normalized.toLowerCase();
  const stripped = normalized.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
  return NON_ASCII.test(stripped) ? unidecode(stripped).toLowerCase() : stripped;
}
