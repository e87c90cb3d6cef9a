/**
 * What the FTS5 index holds and the expressions that read it. Every word becomes a quoted FTS5
 * string (quotes doubled), so no query text is ever read as FTS5 syntax (`OR`, `NEAR`, `*`, `:`).
 *
 * The index keeps no word positions (`detail=column`: smaller, and several times faster on common
 * syllables); phrases are found through word pairs instead: `tự do` is indexed as the tokens
 * `tu_do` (folded) and `tuwj_do` (exact), so a phrase is all of its pairs.
 */

export const FOLDED_COLUMNS = ['title_folded', 'body_folded', 'joined', 'entities'] as const;
export const EXACT_COLUMNS = ['title_exact', 'body_exact'] as const;
export const PHRASE_FOLDED_COLUMNS = ['title_folded', 'body_folded'] as const;
export const PAIR_COLUMNS = ['title_pairs', 'body_pairs'] as const;

const PAIR_JOINER = '_';

/** Adjacent words joined into one token each: `tu do la` → `tu_do`, `do_la`. */
export function wordPairs(words: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < words.length; i++) pairs.push(`${words[i - 1]}${PAIR_JOINER}${words[i]}`);
  return pairs;
}

/** The pair tokens of a field's folded and exact forms, each once. */
export function pairsOf(folded: string, exact: string): string {
  const pairs = new Set(wordPairs(folded.split(' ')));
  for (const pair of wordPairs(exact.split(' '))) pairs.add(pair);
  return [...pairs].join(' ');
}

export function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** Documents holding `term` in any of `columns`. */
export function termExpression(columns: readonly string[], term: string): string {
  return `{${columns.join(' ')}} : ${quote(term)}`;
}
