/**
 * The token alphabet both engines index: every term is a run of `[a-z0-9]`, one per word. Folding
 * can turn a letter into several characters (unidecode: `⅓` → `1/3`), so what is left outside
 * this alphabet is dropped or split on.
 */
export const NOT_TOKEN_CHARACTER = /[^a-z0-9]+/g;

/**
 * Joins two tokens into one term: adjacent words (`tu_do`) and adjacent syllables of one word
 * (`hang_khong`). No token holds it, and a query's pair must be the term the document's pair
 * was indexed as, so there is one joiner for every kind of pair.
 */
export const PAIR_JOINER = '_';

/** Adjacent tokens joined into one term each: `tu do la` → `tu_do`, `do_la`. */
export function adjacentPairs(tokens: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < tokens.length; i++) pairs.push(`${tokens[i - 1]}${PAIR_JOINER}${tokens[i]}`);
  return pairs;
}
