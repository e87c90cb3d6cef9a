import { normalizeForMatching, tokenize } from '../vietnamese/index.ts';
import { termForms } from '../analysis/fields.ts';

/** A run of query words, `start` inclusive, `end` exclusive, as indexes into the query's words. */
export interface WordRange {
  start: number;
  end: number;
}

/** What a query says besides its words. */
export interface QuerySyntax {
  /** The words to search for, in order: quoted ones included, excluded ones left out. */
  words: string[];
  /** Quoted runs of `words`, each to be found as a phrase. */
  phrases: WordRange[];
  /** Words written after a leading `-`: documents holding any of them are left out. */
  excluded: string[];
}

/** A quoted phrase (an unclosed quote runs to the end), or a word excluded by a `-` that starts it. */
const OPERATOR = /"([^"]*)(?:"|$)|(?<=^|\s)-(?=\p{L}|\p{N})(\S+)/gu;

/** The words of a text that leave a token once folded. */
export function queryWords(text: string): string[] {
  return tokenize(normalizeForMatching(text))
    .map((token) => token.text)
    .filter((word) => termForms(word).folded !== '');
}

/**
 * Reads the operators of a query: `"…"` asks for the words inside as a phrase, `-word` leaves out
 * documents holding the word. Everything else is words; a `-` inside a word (`Lê-nin`) or
 * followed by a space is no operator.
 */
export function parseQuerySyntax(text: string): QuerySyntax {
  const syntax: QuerySyntax = { words: [], phrases: [], excluded: [] };
  let position = 0;
  for (const match of text.matchAll(OPERATOR)) {
    syntax.words.push(...queryWords(text.slice(position, match.index)));
    position = match.index + match[0].length;
    const [, quoted, excluded] = match;
    if (excluded !== undefined) {
      syntax.excluded.push(...queryWords(excluded));
      continue;
    }
    const phrase = queryWords(quoted ?? '');
    if (phrase.length > 0) syntax.phrases.push({ start: syntax.words.length, end: syntax.words.length + phrase.length });
    syntax.words.push(...phrase);
  }
  syntax.words.push(...queryWords(text.slice(position)));
  return syntax;
}
