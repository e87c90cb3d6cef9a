import { FACET_NAMES, type FacetName, type Filters } from './api.ts';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;

export function emptyFilters(): Filters {
  return { party: [], country: [], year: [] };
}

export function toggleFilter(filters: Filters, facet: FacetName, value: string): Filters {
  const values = filters[facet];
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  return { ...filters, [facet]: next };
}

export function hasFilters(filters: Filters): boolean {
  return FACET_NAMES.some((facet) => filters[facet].length > 0);
}

/** `facets="party, year"` → ['party', 'year'] in canonical order; absent or empty → all facets. */
export function parseFacetsAttribute(value: string | null): FacetName[] {
  if (value === null || value.trim() === '') return [...FACET_NAMES];
  const wanted = new Set(value.toLowerCase().split(/[\s,]+/));
  if (wanted.has('none')) return [];
  return FACET_NAMES.filter((facet) => wanted.has(facet));
}

/** `popular="đảng cộng sản, Chile"` → searches to offer when nothing is found. */
export function parsePopularAttribute(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function parseLimit(value: string | null): number {
  const limit = Number.parseInt(value ?? '', 10);
  return Number.isFinite(limit) && limit > 0 ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT;
}

/** Moves a listbox highlight by `delta`, wrapping; -1 (nothing highlighted) enters from either end. */
export function moveIndex(current: number, count: number, delta: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return delta > 0 ? 0 : count - 1;
  return (current + delta + count) % count;
}

/** Facet values for display: selected ones always shown (count 0 if the API no longer lists them). */
export function facetEntries(counts: Record<string, number> | undefined, selected: string[], facet: FacetName): [string, number][] {
  const entries = new Map(Object.entries(counts ?? {}));
  for (const value of selected) if (!entries.has(value)) entries.set(value, 0);
  const list = [...entries];
  return facet === 'year' ? list.sort(([a], [b]) => Number(a) - Number(b)) : list.sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b, 'vi'));
}

/**
 * Keeps only the newest of a series of requests: starting one aborts the previous, and `isCurrent`
 * lets a response that raced past the abort check whether it may still render.
 */
export class LatestRequest {
  #controller: AbortController | null = null;
  #generation = 0;

  start(): { signal: AbortSignal; isCurrent: () => boolean } {
    this.cancel();
    const controller = new AbortController();
    this.#controller = controller;
    const generation = this.#generation;
    return { signal: controller.signal, isCurrent: () => generation === this.#generation && !controller.signal.aborted };
  }

  cancel(): void {
    this.#generation++;
    this.#controller?.abort();
    this.#controller = null;
  }
}

/** Only http(s) links from API data become hrefs; anything else (javascript:, data:) is refused. */
export function safeHttpUrl(url: string | null, base: string): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
