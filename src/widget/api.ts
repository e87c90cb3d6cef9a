/**
 * The HTTP contract of the vnsearch API, as the widget consumes it. The response types come from
 * the API's zod schemas; `import type` keeps zod itself out of widget.js.
 */
import type { DocumentBody, SearchHitBody, SearchQuery, SearchResponseBody, SuggestResponseBody, SuggestionBody } from '../api/schemas.ts';

export const FACET_NAMES = ['party', 'country', 'year'] as const;
export type FacetName = (typeof FACET_NAMES)[number];
export type SortOrder = SearchQuery['sort'];
export type Filters = Record<FacetName, string[]>;

export type Hit = SearchHitBody;
export type SearchResult = SearchResponseBody;
export type Suggestion = SuggestionBody;
export type SuggestResult = SuggestResponseBody;
export type DocumentDetail = DocumentBody;

export interface SearchParams {
  q: string;
  filters: Filters;
  sort: SortOrder;
  limit: number;
  offset: number;
  /** Search the words exactly as typed (`verbatim=true`). */
  verbatim?: boolean;
}

/** network: no answer at all (offline, DNS, CORS refusal); unavailable: 503; server: other 5xx; request: 4xx. */
export type ApiErrorKind = 'network' | 'unavailable' | 'server' | 'request';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | null = null,
    /** Seconds, from Retry-After, when the server said when to come back. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Strips trailing slashes; an empty endpoint keeps URLs relative, i.e. same origin as the host page. */
export function normalizeEndpoint(endpoint: string | null): string {
  return (endpoint ?? '').trim().replace(/\/+$/, '');
}

export function searchUrl(endpoint: string, params: SearchParams): string {
  const query = new URLSearchParams({ q: params.q });
  for (const facet of FACET_NAMES) {
    for (const value of params.filters[facet]) query.append(facet, value);
  }
  if (params.sort !== 'relevance') query.set('sort', params.sort);
  query.set('limit', String(params.limit));
  if (params.offset > 0) query.set('offset', String(params.offset));
  if (params.verbatim) query.set('verbatim', 'true');
  return `${endpoint}/api/search?${query}`;
}

export function suggestUrl(endpoint: string, q: string): string {
  return `${endpoint}/api/suggest?${new URLSearchParams({ q })}`;
}

export function documentUrl(endpoint: string, id: string): string {
  return `${endpoint}/api/documents/${encodeURIComponent(id)}`;
}

function retryAfterSeconds(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return body.error.message;
  } catch {
    // Not the documented error shape (a proxy page, say): fall back to the status line.
  }
  return `${response.status} ${response.statusText}`.trim();
}

/** Fetches JSON; rejects with ApiError, or with the AbortError when `signal` aborts. */
export async function getJson<T>(url: string, signal: AbortSignal, fetcher: typeof fetch = fetch): Promise<T> {
  let response: Response;
  try {
    response = await fetcher(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError('network', error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return (await response.json()) as T;
  const message = await errorMessage(response);
  if (response.status === 503) {
    throw new ApiError('unavailable', message, 503, retryAfterSeconds(response.headers.get('retry-after')));
  }
  throw new ApiError(response.status >= 500 ? 'server' : 'request', message, response.status);
}
