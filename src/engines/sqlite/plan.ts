import type { AnalyzedQuery, QueryReading } from '../../search/query.ts';
import { allTermsExpression, anyOf, EXACT_COLUMNS, FOLDED_COLUMNS, PHRASE_FOLDED_COLUMNS, phraseExpression } from './match.ts';
import { corrections, type TypoOptions } from './typos.ts';

/**
 * Ranking tiers, strongest first. A document's tier is the sum of the weights of the tiers it is
 * in, so each tier outranks every combination of the tiers below it; bm25 orders within a tier.
 */
export const TIER_WEIGHTS = {
  /** Matched as typed (or as one of its readings), without any typo correction. */
  uncorrected: 32,
  /** The diacritized words, exactly, next to each other. */
  exactPhrase: 16,
  /** The words next to each other, diacritics aside. */
  phrase: 8,
  /** Every word in the title. */
  titleAll: 4,
  /** Every diacritized word exactly, anywhere. */
  exactAll: 2,
} as const;

export interface QueryPlan {
  /** Every document that matches at all: any reading, typos corrected. */
  match: string;
  tiers: { weight: number; expression: string }[];
  /** The typed query with each mistyped word replaced by its likeliest correction. */
  correctedText: string | null;
}

function folded(reading: QueryReading): string[] {
  return reading.terms.map((term) => term.folded);
}

function exact(reading: QueryReading): string[] {
  return reading.terms.map((term) => term.exact ?? term.folded);
}

/** Turns the readings of a query into FTS5 expressions; null when there is nothing to search for. */
export function planQuery(query: AnalyzedQuery, documentCount: (word: string) => number, typos: TypoOptions): QueryPlan | null {
  const [typed, ...alternatives] = query.readings;
  if (!typed) return null;
  const typedCorrections = typed.terms.map((term) => corrections(term.folded, documentCount, typos));
  const corrected = typed.terms.some((_, i) => typedCorrections[i]!.length > 0)
    ? typed.terms.map((term, i) => typedCorrections[i]![0] ?? term.folded)
    : null;

  const typedWithTypos = allTermsExpression(FOLDED_COLUMNS, typed.terms.map((term, i) => [term.folded, ...typedCorrections[i]!]));
  const uncorrected = query.readings.map((reading) => allTermsExpression(FOLDED_COLUMNS, folded(reading).map((word) => [word])));
  const phrases = [...query.readings.map(folded), ...(corrected ? [corrected] : [])];
  const diacritized = query.readings.filter((reading) => reading.diacritized);

  const tiers: QueryPlan['tiers'] = [
    { weight: TIER_WEIGHTS.uncorrected, expression: anyOf(uncorrected) },
    { weight: TIER_WEIGHTS.phrase, expression: anyOf(phrases.map((words) => phraseExpression(PHRASE_FOLDED_COLUMNS, words))) },
    { weight: TIER_WEIGHTS.titleAll, expression: anyOf(phrases.map((words) => allTermsExpression(['title_folded'], words.map((word) => [word])))) },
  ];
  if (diacritized.length > 0) {
    tiers.push(
      { weight: TIER_WEIGHTS.exactPhrase, expression: anyOf(diacritized.map((reading) => phraseExpression(EXACT_COLUMNS, exact(reading)))) },
      { weight: TIER_WEIGHTS.exactAll, expression: anyOf(diacritized.map((reading) => allTermsExpression(EXACT_COLUMNS, exact(reading).map((word) => [word])))) },
    );
  }
  return {
    match: anyOf([typedWithTypos, ...uncorrected.slice(1)]),
    tiers,
    correctedText: corrected ? corrected.join(' ') : null,
  };
}
