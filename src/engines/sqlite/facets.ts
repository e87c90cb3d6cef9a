import type { FacetCounts, SearchFilters } from '../../types/search.ts';

/** What filtering, facet counting and date sorting need of one document, kept in memory. */
export interface FacetEntry {
  parties: readonly string[];
  countries: readonly string[];
  year: number | null;
  date: string | null;
}

type FacetTest = (entry: FacetEntry) => boolean;

function anyIn(values: readonly string[], wanted: ReadonlySet<string>): boolean {
  return values.some((value) => wanted.has(value));
}

/** One test per facet that has a filter, so each facet's counts can ignore its own test. */
function facetTests(filters: SearchFilters): { party?: FacetTest; country?: FacetTest; year?: FacetTest } {
  const tests: { party?: FacetTest; country?: FacetTest; year?: FacetTest } = {};
  if (filters.party?.length) {
    const wanted = new Set(filters.party);
    tests.party = (entry) => anyIn(entry.parties, wanted);
  }
  if (filters.country?.length) {
    const wanted = new Set(filters.country);
    tests.country = (entry) => anyIn(entry.countries, wanted);
  }
  const years = filters.year?.length ? new Set(filters.year) : null;
  const { yearFrom, yearTo } = filters;
  if (years || yearFrom !== undefined || yearTo !== undefined) {
    tests.year = (entry) =>
      entry.year !== null &&
      (!years || years.has(entry.year)) &&
      (yearFrom === undefined || entry.year >= yearFrom) &&
      (yearTo === undefined || entry.year <= yearTo);
  }
  return tests;
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export interface FacetedMatches<T> {
  /** The candidates that pass every filter, in their original order. */
  kept: T[];
  /** Disjunctive counts: each facet's counts apply the other facets' filters, not its own. */
  facets: FacetCounts;
}

/**
 * Applies facet filters to candidates and counts facet values in one pass. A candidate that fails
 * exactly one facet's filter still counts towards that facet, which is what makes counts
 * disjunctive (picking a second party widens the results, so its count must show).
 */
export function filterAndCount<T>(candidates: readonly T[], entryOf: (candidate: T) => FacetEntry | undefined, filters: SearchFilters): FacetedMatches<T> {
  const tests = facetTests(filters);
  const facets: FacetCounts = { party: {}, country: {}, year: {} };
  const kept: T[] = [];
  for (const candidate of candidates) {
    const entry = entryOf(candidate);
    if (!entry) continue;
    const passParty = tests.party?.(entry) ?? true;
    const passCountry = tests.country?.(entry) ?? true;
    const passYear = tests.year?.(entry) ?? true;
    if (passCountry && passYear) for (const party of entry.parties) increment(facets.party, party);
    if (passParty && passYear) for (const country of entry.countries) increment(facets.country, country);
    if (passParty && passCountry && entry.year !== null) increment(facets.year, String(entry.year));
    if (passParty && passCountry && passYear) kept.push(candidate);
  }
  return { kept, facets };
}
