/**
 * What the postings index holds: for each field, the documents holding each term. The fields are
 * the groups queries ask about, so a query term costs one lookup whatever columns it spans.
 *
 * No word positions are kept; phrases are found through word pairs instead: `tự do` is indexed
 * as the tokens `tu_do` (folded) and `tuwj_do` (exact), so a phrase is all of its pairs.
 */
export const Field = {
  /** Folded words of the title, body, joined transliterations and entity names. */
  words: 0,
  /** Folded words of the title alone. */
  title: 1,
  /** Exact keys (`bans`, `banj`) of the title and body words. */
  exact: 2,
  /** Adjacent word pairs of the title and body, folded and exact alike. */
  pairs: 3,
  /**
   * Adjacent syllables inside the multi-syllable words of the title and body, folded
   * (`hang_khong`; `tong_bi_thu` → `tong_bi`, `bi_thu`): a query's word is a whole word of the
   * document when all its pairs are here, as a phrase is all of its pairs.
   */
  compounds: 4,
  /** Exact keys of the title alone: a diacritized query's words are in the title only in these forms (`đảng`, not `đáng`). */
  titleExact: 5,
} as const;
export type Field = (typeof Field)[keyof typeof Field];
export const FIELD_COUNT = 6;
