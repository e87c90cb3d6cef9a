import { FACET_NAMES, type Filters, type SortOrder } from './api.ts';
import { emptyFilters, hasFilters } from './state.ts';

/** A search as the page's URL keeps it: `?q=…&party=…&country=…&year=…&sort=…&page=…`. */
export interface UrlSearch {
  query: string;
  filters: Filters;
  sort: SortOrder;
  /** Pages of results shown ("load more" adds one). */
  page: number;
}

const SORTS: readonly SortOrder[] = ['relevance', 'date_desc', 'date_asc'];
const OWN_PARAMETERS = ['q', ...FACET_NAMES, 'sort', 'page'];

/** The search a URL's query string holds, or null when it holds none (no q and no filter). */
export function readUrlSearch(search: string): UrlSearch | null {
  const params = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const facet of FACET_NAMES) filters[facet] = params.getAll(facet).filter((value) => value !== '');
  const query = (params.get('q') ?? '').trim();
  if (query === '' && !hasFilters(filters)) return null;
  const sort = SORTS.find((s) => s === params.get('sort')) ?? 'relevance';
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return { query, filters, sort, page: Number.isInteger(page) && page > 1 ? Math.min(page, 100) : 1 };
}

/** `search` with the widget's parameters replaced by `state`'s; the host page's own parameters stay. */
export function writeUrlSearch(search: string, state: UrlSearch): string {
  const params = new URLSearchParams(search);
  for (const name of OWN_PARAMETERS) params.delete(name);
  if (state.query) params.set('q', state.query);
  for (const facet of FACET_NAMES) for (const value of state.filters[facet]) params.append(facet, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
