import type { PreparedDocument } from '../../analysis/fields.ts';
import { NOT_TOKEN_CHARACTER, PAIR_JOINER } from '../../analysis/tokens.ts';
import { foldText } from '../../vietnamese/index.ts';
import { Field } from './index-terms.ts';
import type { PostingsBuffer } from './postings-buffer.ts';

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
  if (fields.words_folded) buffer.addInnerPairs(fields.words_folded.split(' '), PAIR_JOINER, rowid);
}
