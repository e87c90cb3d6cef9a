import { WORD_JOINER, type PreparedDocument } from '../../indexing/fields.ts';
import { foldText } from '../../vietnamese/index.ts';
import type { PostingsBuffer } from './postings-buffer.ts';

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

const PAIR_JOINER = '_';
const NOT_TOKEN_CHARACTER = /[^a-z0-9]+/;

/** Adjacent words joined into one token each: `tu do la` → `tu_do`, `do_la`. */
export function wordPairs(words: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < words.length; i++) pairs.push(`${words[i - 1]}${PAIR_JOINER}${words[i]}`);
  return pairs;
}

/** Posts one document's terms in every field. */
export function postDocument(buffer: PostingsBuffer, { document, fields }: PreparedDocument, rowid: number): void {
  // The folded and exact fields hold single-space-separated tokens already.
  const ids = (text: string) => buffer.wordIdsOf(text.split(' '));
  const titleFolded = ids(fields.title_folded);
  const titleExact = ids(fields.title_exact);
  const bodyFolded = ids(fields.body_folded);
  const bodyExact = ids(fields.body_exact);
  const otherWords = [fields.joined, ...[...document.parties, ...document.countries].map(foldText)].flatMap((text) => text.split(NOT_TOKEN_CHARACTER));
  for (const words of [titleFolded, bodyFolded, buffer.wordIdsOf(otherWords)]) buffer.add(Field.words, words, rowid);
  buffer.add(Field.title, titleFolded, rowid);
  buffer.add(Field.titleExact, titleExact, rowid);
  for (const words of [titleExact, bodyExact]) buffer.add(Field.exact, words, rowid);
  for (const words of [titleFolded, titleExact, bodyFolded, bodyExact]) buffer.addPairs(words, rowid);
  if (fields.words_folded) buffer.addInnerPairs(fields.words_folded.split(' '), WORD_JOINER, rowid);
}
