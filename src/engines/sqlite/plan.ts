import type { AnalyzedQuery, QueryReading } from '../../search/query.ts';
import { Field, wordPairs } from './index-terms.ts';

/**
 * Ranking tiers, strongest first. A document's tier is the sum of the weights of the tiers it is
 * in, so each tier outranks every combination of the tiers below it.
 */
export const TIER_WEIGHTS = {
  /** Matched as typed (or as one of its readings), without any typo correction. */
  uncorrected: 64,
  /** The diacritized words, exactly, next to each other. */
  exactPhrase: 32,
  /**
   * The query's words of several syllables are words of the document (`hàng_không`), not
   * syllables that only touch across a word boundary (`khách_hàng không`).
   */
  wholeWords: 16,
  /** The words next to each other, diacritics aside. */
  phrase: 8,
  /** Every word in the title. */
  titleAll: 4,
  /** Every diacritized word exactly, anywhere. */
  exactAll: 2,
} as const;

/** Documents holding every term in `field`; a term holds when any of its alternatives does. */
export interface Clause {
  field: Field;
  terms: readonly (readonly string[])[];
  /** Clauses the documents must match too: the phrases a reading requires. */
  also?: readonly Clause[];
}

/** Documents matching any of the clauses. */
export type Disjunction = readonly Clause[];

export interface QueryPlan {
  /** Every document that matches at all: any reading, typos corrected. */
  match: Disjunction;
  /** Documents holding an excluded word: no match, whatever else they hold. */
  exclude: Disjunction;
  tiers: { weight: number; match: Disjunction }[];
  /** Within a tier: title words (weighted by rarity) and adjacent word pairs found rank higher. */
  titleTerms: readonly string[];
  pairs: readonly string[];
  /** The typed query with each mistyped word replaced by its likeliest correction. */
  correctedText: string | null;
}

const folded = (reading: QueryReading) => reading.terms.map((term) => term.folded);
const exact = (reading: QueryReading) => reading.terms.map((term) => term.exact ?? term.folded);
const each = (words: readonly string[]) => words.map((word) => [word]);
/** The syllable pairs inside a reading's confident multi-syllable words, as the compounds field holds them: `hang_khong`. */
const wholeWordPairs = (reading: QueryReading) => reading.words.flatMap(({ start, end }) => wordPairs(folded(reading).slice(start, end)));

/** Adjacent words as pair tokens; a single word stands for itself in `singleField`. */
function phrase(singleField: Field, words: readonly string[]): Clause {
  return words.length === 1 ? { field: singleField, terms: [words] } : { field: Field.pairs, terms: each(wordPairs(words)) };
}

/**
 * The phrases a reading requires, as clauses: adjacent words as pairs, exact ones by their exact
 * keys; a single exact word by its exact key.
 */
function phraseClauses(reading: QueryReading): Clause[] {
  return (reading.phrases ?? []).flatMap(({ start, end, exact: marked }): Clause[] => {
    const words = (marked ? exact(reading) : folded(reading)).slice(start, end);
    if (words.length > 1) return [phrase(Field.pairs, words)];
    return marked ? [{ field: Field.exact, terms: [words] }] : [];
  });
}

/** A reading's words, each in `field`, and the phrases it requires. */
function readingClause(reading: QueryReading, terms: Clause['terms']): Clause {
  const also = phraseClauses(reading);
  return { field: Field.words, terms, ...(also.length > 0 ? { also } : {}) };
}

/** Words inside a reading's phrases, which are never corrected: a phrase is asked for as written. */
function inPhrase(reading: QueryReading, index: number): boolean {
  return (reading.phrases ?? []).some(({ start, end }) => index >= start && index < end);
}

/**
 * Turns the readings of a query into clauses over index terms; null when there is nothing to
 * search for. `corrections` gives the likely corrections of a folded word (see `typos.ts`).
 */
export function planQuery(query: AnalyzedQuery, corrections: (word: string) => readonly string[]): QueryPlan | null {
  const [typed] = query.readings;
  if (!typed) return null;
  const typedCorrections = typed.terms.map((term, i) => (inPhrase(typed, i) ? [] : corrections(term.folded)));
  const corrected = typedCorrections.some((found) => found.length > 0) ? typed.terms.map((term, i) => typedCorrections[i]![0] ?? term.folded) : null;
  const readings = [...query.readings.map(folded), ...(corrected ? [corrected] : [])];
  const uncorrected = query.readings.map((reading) => readingClause(reading, each(folded(reading))));
  const diacritized = query.readings.filter((reading) => reading.diacritized);

  const tiers: QueryPlan['tiers'] = [
    { weight: TIER_WEIGHTS.uncorrected, match: uncorrected },
    { weight: TIER_WEIGHTS.phrase, match: readings.map((words) => phrase(Field.words, words)) },
    { weight: TIER_WEIGHTS.titleAll, match: readings.map((words) => ({ field: Field.title, terms: each(words) })) },
  ];
  const segmented = query.readings.filter((reading) => reading.words.length > 0);
  if (segmented.length > 0) tiers.push({ weight: TIER_WEIGHTS.wholeWords, match: segmented.map((reading) => ({ field: Field.compounds, terms: each(wholeWordPairs(reading)) })) });
  if (diacritized.length > 0) {
    tiers.push(
      { weight: TIER_WEIGHTS.exactPhrase, match: diacritized.map((reading) => phrase(Field.exact, exact(reading))) },
      { weight: TIER_WEIGHTS.exactAll, match: diacritized.map((reading) => ({ field: Field.exact, terms: each(exact(reading)) })) },
    );
  }
  return {
    match: [readingClause(typed, typed.terms.map((term, i) => [term.folded, ...typedCorrections[i]!])), ...uncorrected.slice(1)],
    exclude: (query.excluded ?? []).map((term) => (term.exact === null ? { field: Field.words, terms: [[term.folded]] } : { field: Field.exact, terms: [[term.exact]] })),
    tiers,
    titleTerms: [...new Set(readings.flat())],
    pairs: [...new Set(readings.flatMap((words) => wordPairs(words)))],
    correctedText: corrected ? corrected.join(' ') : null,
  };
}
