import type { AnalyzedQuery, QueryReading } from '../../search/query.ts';
import { adjacentPairs } from '../../analysis/tokens.ts';
import { Field } from './index-terms.ts';

/**
 * Ranking tiers, strongest first. A document's tier is the sum of the weights of the tiers it is
 * in, so each tier outranks every combination of the tiers below it.
 */
export const TIER_WEIGHTS = {
  /** Matched as typed (or as one of its readings), without any typo correction, and the typed words not likely typos. */
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
  /**
   * Every word in the title: in its exact form for a diacritized reading, so that a title with
   * other diacritics (`đáng` for `đảng`) does not rank as a title match.
   */
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

/** A word looked for in the title: a folded word, or the exact key of a diacritized one with its folded form (`dangr`, `dang`). */
export interface TitleTerm {
  term: string;
  folded: string | null;
}

/** Documents matching any of the clauses. */
export type Disjunction = readonly Clause[];

export interface QueryPlan {
  /** Every document that matches at all: any reading, typos corrected. */
  match: Disjunction;
  /** Documents holding an excluded word: no match, whatever else they hold. */
  exclude: Disjunction;
  tiers: { weight: number; match: Disjunction }[];
  /**
   * Within a tier: title words (weighted by rarity) and adjacent word pairs found rank higher. A
   * diacritized reading's title words count in their exact form only, and a title holding a twin
   * instead (`đáng` for `đảng`) ranks lower than one holding neither: it looks like the wrong word.
   */
  titleTerms: readonly TitleTerm[];
  pairs: readonly string[];
  /** The typed query (or its Telex decoding) with each mistyped word replaced by its likeliest correction. */
  correctedText: string | null;
  /** The folded typed words taken for typos: those with corrections. */
  mistyped: ReadonlySet<string>;
}

const folded = (reading: QueryReading) => reading.terms.map((term) => term.folded);
const exact = (reading: QueryReading) => reading.terms.map((term) => term.exact ?? term.folded);
const each = (words: readonly string[]) => words.map((word) => [word]);
/** The syllable pairs inside a reading's confident multi-syllable words, as the compounds field holds them: `hang_khong`. */
const wholeWordPairs = (reading: QueryReading) => reading.words.flatMap(({ start, end }) => adjacentPairs(folded(reading).slice(start, end)));

/** Adjacent words as pair tokens; a single word stands for itself in `singleField`. */
function phrase(singleField: Field, words: readonly string[]): Clause {
  return words.length === 1 ? { field: singleField, terms: [words] } : { field: Field.pairs, terms: each(adjacentPairs(words)) };
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
  // The words as typed are corrected, and those of a Telex decoding too (`vieetj namm` → `việt nam`);
  // never the words of a phrase, which is asked for as written.
  const correctable = (reading: QueryReading) => reading === typed || reading.kind === 'telex';
  const readingCorrections = query.readings.map((reading) => (correctable(reading) ? reading.terms.map((term, i) => (inPhrase(reading, i) ? [] : corrections(term.folded))) : null));
  const correctedReadings = query.readings.flatMap((reading, r) => {
    const found = readingCorrections[r];
    return found?.some((words) => words.length > 0) ? [reading.terms.map((term, i) => found[i]![0] ?? term.folded)] : [];
  });
  const typedCorrections = readingCorrections[0]!;
  const corrected = correctedReadings[0] ?? null;
  const readings = [...query.readings.map(folded), ...correctedReadings];
  const uncorrected = query.readings.map((reading) => readingClause(reading, each(folded(reading))));
  // A typed word with corrections is rare in the index and close to a common word: matching it
  // as typed is no sign of relevance, since documents hold the same typo (`Donald Trunp`).
  const doubtful = typedCorrections.some((found) => found.length > 0);
  const asTyped = doubtful ? uncorrected.slice(1) : uncorrected;
  const diacritized = query.readings.filter((reading) => reading.diacritized);

  // A diacritized reading is in the title in its exact forms; a reading without diacritics (and
  // the typo-corrected one, unless the user typed diacritics) in any form.
  const titleReadings = [...query.readings.map(titleTermsOf), ...(corrected && !typed.diacritized ? [foldedTitleTerms(corrected)] : [])];
  const tiers: QueryPlan['tiers'] = [
    { weight: TIER_WEIGHTS.uncorrected, match: asTyped },
    { weight: TIER_WEIGHTS.phrase, match: readings.map((words) => phrase(Field.words, words)) },
    { weight: TIER_WEIGHTS.titleAll, match: titleReadings.map(titleClause) },
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
    match: query.readings.map((reading, r) =>
      readingClause(
        reading,
        reading.terms.map((term, i) => [term.folded, ...(readingCorrections[r]?.[i] ?? [])]),
      ),
    ),
    exclude: (query.excluded ?? []).map((term) => (term.exact === null ? { field: Field.words, terms: [[term.folded]] } : { field: Field.exact, terms: [[term.exact]] })),
    tiers,
    titleTerms: uniqueTitleTerms([...titleReadings, ...(corrected && typed.diacritized ? [foldedTitleTerms(corrected)] : [])]),
    pairs: [...new Set(readings.flatMap((words) => adjacentPairs(words)))],
    correctedText: corrected ? corrected.join(' ') : null,
    mistyped: new Set(typed.terms.filter((_, i) => typedCorrections[i]!.length > 0).map((term) => term.folded)),
  };
}

/** A reading's words as the title must hold them: the exact keys of a diacritized reading, the folded words of another. */
const titleTermsOf = (reading: QueryReading): TitleTerm[] =>
  reading.terms.map((term) => (reading.diacritized ? { term: term.exact ?? term.folded, folded: term.folded } : { term: term.folded, folded: null }));
const foldedTitleTerms = (words: readonly string[]): TitleTerm[] => words.map((term) => ({ term, folded: null }));
const titleClause = (terms: readonly TitleTerm[]): Clause => ({ field: terms.some(({ folded }) => folded !== null) ? Field.titleExact : Field.title, terms: terms.map(({ term }) => [term]) });

/** Each title term of the readings once. */
function uniqueTitleTerms(readings: readonly TitleTerm[][]): TitleTerm[] {
  return [...new Map(readings.flat().map((term) => [`${term.term} ${term.folded ?? ''}`, term])).values()];
}
