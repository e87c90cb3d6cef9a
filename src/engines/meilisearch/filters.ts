import type { Filter } from 'meilisearch';
import type { FacetName } from '../../types/document.ts';
import type { SearchFilters } from '../../types/search.ts';
import { FACET_ATTRIBUTES } from './settings.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A string as a double-quoted Meilisearch filter value that reads back as exactly that string.
 * Meilisearch's filter parser ends a quoted value at the first quote not preceded by a backslash,
 * turns `\"` into `"`, then unescapes the usual backslash sequences (`\\` → `\`). Escaping every
 * backslash and quote therefore keeps the value inside its quotes whatever it holds (`OR`, `=`,
 * brackets, newlines); lone UTF-16 surrogates, which JSON cannot carry to Meilisearch, become U+FFFD.
 */
export function quoteFilterValue(value: string): string {
  const wellFormed = value.replace(LONE_SURROGATE, '\uFFFD');
  return `"${wellFormed.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}

function yearValue(year: number): string {
  if (!Number.isSafeInteger(year)) throw new RangeError(`A year filter must be an integer, got ${year}`);
  return String(year);
}

/**
 * The filter for a search: OR within a facet, AND across facets and the year range, in
 * Meilisearch's array form (outer array AND, inner arrays OR). `without` leaves one facet's own
 * filter out, for its disjunctive counts. Undefined when nothing filters.
 */
export function buildFilter(filters: SearchFilters, without?: FacetName): Filter | undefined {
  const clauses: (string | string[])[] = [];
  const anyOf = (facet: FacetName, values: readonly string[] | undefined): void => {
    if (facet === without || !values || values.length === 0) return;
    clauses.push(values.map((value) => `${FACET_ATTRIBUTES[facet]} = ${value}`));
  };
  anyOf('party', filters.party?.map(quoteFilterValue));
  anyOf('country', filters.country?.map(quoteFilterValue));
  anyOf('year', filters.year?.map(yearValue));
  if (without !== 'year') {
    if (filters.yearFrom !== undefined) clauses.push(`${FACET_ATTRIBUTES.year} >= ${yearValue(filters.yearFrom)}`);
    if (filters.yearTo !== undefined) clauses.push(`${FACET_ATTRIBUTES.year} <= ${yearValue(filters.yearTo)}`);
  }
  return clauses.length > 0 ? clauses : undefined;
}

/** The facets a request filters on, each of which needs its own disjunctive count. */
export function filteredFacets(filters: SearchFilters): FacetName[] {
  const facets: FacetName[] = [];
  if (filters.party?.length) facets.push('party');
  if (filters.country?.length) facets.push('country');
  if (filters.year?.length || filters.yearFrom !== undefined || filters.yearTo !== undefined) facets.push('year');
  return facets;
}
