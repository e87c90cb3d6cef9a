import { foldText, normalizeForMatching } from '../../src/vietnamese/index.ts';

/** Normalized (one tone placement, one i/y spelling), lowercase, words separated by single spaces, padded: containment is whole-word. */
function comparable(text: string): string {
  return ` ${normalizeForMatching(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * Whether a title holds a twin of the query (the same letters once diacritics are folded, other
 * marks) but not the query itself: `đáng` in a title found for `đảng`. Only a query typed with
 * diacritics has twins; a folded query matches every form alike.
 */
export function titleClashes(query: string, title: string): boolean {
  const wanted = comparable(query);
  const folded = foldText(wanted);
  if (folded === wanted) return false;
  const written = comparable(title);
  return !written.includes(wanted) && foldText(written).includes(folded);
}

/** The share of a query's hits whose titles clash with it (0 when there are none). */
export function titleClashShare(query: string, titles: readonly string[]): number {
  if (titles.length === 0) return 0;
  return titles.filter((title) => titleClashes(query, title)).length / titles.length;
}
