import type { PrefixReading } from '../../search/completion.ts';
import { termForms } from '../../analysis/fields.ts';
import { adjacentPairs } from '../../analysis/tokens.ts';
import { tokenize } from '../../vietnamese/index.ts';
import { Field } from './index-terms.ts';
import type { IndexView } from './index-view.ts';
import type { IndexWords } from './index-words.ts';
import { intersectAll, unionAll } from './postings.ts';
import { firstInOrder } from './ranking.ts';

const SUGGESTION_TITLES = 200;

/**
 * The newest titles (ties by id) holding a reading's words, the last one as a prefix: what
 * suggestions are drawn from (`completion.ts`). The titles come from the postings in memory (the
 * vocabulary is sorted in memory, so a one-letter prefix costs a binary search).
 */
export function suggestionTitles(view: IndexView, words: IndexWords, readings: readonly PrefixReading[]): string[] {
  const { postings } = view;
  const titled = (terms: readonly string[]) => unionAll(terms.map((term) => postings.get(Field.title, term)));
  const matching = unionAll(
    readings.map(({ words: typed, exact, typos }) =>
      intersectAll([
        ...typed.map((word, i) => {
          const alternatives = i === typed.length - 1 ? words.completions(word) : [word];
          return titled(typos ? [...alternatives, ...words.corrections(word)] : alternatives);
        }),
        // A decoded word in its exact form, in the document: `ddangr` finds titles of `Đảng`, not the many of `đang`.
        ...exact.flatMap((key) => (key === null ? [] : [postings.get(Field.exact, key)])),
      ]),
    ),
  );
  const { tieOrder } = view.facets;
  const newest = firstInOrder(Array.from(matching), SUGGESTION_TITLES, (a, b) => tieOrder[a]! - tieOrder[b]!);
  return view.file.documents.titlesByRowid(newest);
}

/** Documents holding the phrase's words in its spelling, next to each other (every adjacent pair of them). */
export function phraseCount(view: IndexView, phrase: string): number {
  const { postings } = view;
  const keys = tokenize(phrase).map((token) => termForms(token.text).exact);
  if (keys.length === 1) return postings.get(Field.exact, keys[0]!).length;
  return intersectAll(adjacentPairs(keys).map((pair) => postings.get(Field.pairs, pair))).length;
}
