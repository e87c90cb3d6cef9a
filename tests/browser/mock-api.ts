/**
 * A throwaway stand-in for the search API, for widget behaviour the real server cannot be made to show on
 * demand (slow and out-of-order answers, 503, readings of a query). Its bodies are typed by the API's
 * zod schemas, so it follows the HTTP contract; the search is naive.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DocumentBody, ErrorBody, FacetsBody, SearchResponseBody, SuggestResponseBody } from '../../src/api/schemas.ts';
import { PROJECT_ROOT, startHttpServer, type RunningServer } from './helpers.ts';

type MockDocument = DocumentBody;

export const MOCK_DOCUMENTS: MockDocument[] = [
  {
    id: 'chile',
    title: 'Hội thảo giữa Đảng Cộng sản Việt Nam và Đảng Cộng sản Chile',
    body: 'Đảng Cộng sản Chile và Việt Nam trao đổi kinh nghiệm.',
    date: '2021-08-06',
    year: 2021,
    date_source: 'explicit',
    source: 'VOV',
    url: null,
    parties: ['Đảng Cộng sản Việt Nam', 'Đảng Cộng sản Chile'],
    countries: ['Việt Nam', 'Chile'],
  },
  {
    id: 'japan',
    title: 'Quan hệ hữu nghị với Đảng Cộng sản Nhật Bản',
    body: 'Đảng Cộng sản Nhật Bản coi trọng quan hệ truyền thống.',
    date: '2021-04-26',
    year: 2021,
    date_source: 'explicit',
    source: 'ĐCSVN',
    url: 'https://example.org/japan',
    parties: ['Đảng Cộng sản Việt Nam', 'Đảng Cộng sản Nhật Bản'],
    countries: ['Việt Nam', 'Nhật Bản'],
  },
  {
    id: 'china',
    title: 'Hội đàm trực tuyến hai Đảng Cộng sản Việt Nam - Trung Quốc',
    body: 'Đảng Cộng sản Trung Quốc <script>alert(1)</script> hội đàm.',
    date: '2020-04-19',
    year: 2020,
    date_source: 'explicit',
    source: 'Nhân Dân',
    url: null,
    parties: ['Đảng Cộng sản Việt Nam', 'Đảng Cộng sản Trung Quốc'],
    countries: ['Việt Nam', 'Trung Quốc'],
  },
];

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface MockControls {
  /** Milliseconds to wait before answering a search for this exact q. */
  delays: Map<string, number>;
  /** When set, /api/search answers 503 with this Retry-After. */
  unavailable: number | null;
  searches: string[];
}

export async function startMockApi(allowedOrigin: string): Promise<RunningServer & { controls: MockControls }> {
  const widget = await readFile(join(PROJECT_ROOT, 'dist', 'widget', 'widget.js'));
  const controls: MockControls = { delays: new Map(), unavailable: null, searches: [] };
  const json = (response: ServerResponse, status: number, body: SearchResponseBody | SuggestResponseBody | DocumentBody | ErrorBody): void => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://mock');
    if (request.headers.origin === allowedOrigin) {
      response.setHeader('access-control-allow-origin', allowedOrigin);
      response.setHeader('access-control-expose-headers', 'Retry-After');
    }
    if (url.pathname === '/widget.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(widget);
      return;
    }
    const q = url.searchParams.get('q') ?? '';
    // Telex typed without an input method, read as the API's query readings would, unless asked to search it as typed.
    const interpreted = q === 'ddangr coongj sanr chile' && url.searchParams.get('verbatim') !== 'true' ? 'Đảng Cộng sản Chile' : null;
    const words = fold(interpreted ?? q)
      .split(/\s+/)
      .filter(Boolean);
    const matches = (doc: MockDocument): boolean => words.every((word) => fold(`${doc.title} ${doc.body}`).includes(word));
    if (url.pathname === '/api/suggest') {
      json(response, 200, { query: q, suggestions: q ? [{ text: `${q} viet nam`, count: 2 }] : [] });
      return;
    }
    if (url.pathname.startsWith('/api/documents/')) {
      const doc = MOCK_DOCUMENTS.find((d) => d.id === decodeURIComponent(url.pathname.slice('/api/documents/'.length)));
      if (doc) json(response, 200, doc);
      else json(response, 404, { error: { code: 'not_found', message: 'No such document', details: null } });
      return;
    }
    if (url.pathname !== '/api/search') {
      json(response, 404, { error: { code: 'not_found', message: 'Not found', details: null } });
      return;
    }
    controls.searches.push(url.search);
    await new Promise((resolve) => setTimeout(resolve, controls.delays.get(q) ?? 0));
    if (controls.unavailable !== null) {
      response.setHeader('retry-after', String(controls.unavailable));
      json(response, 503, { error: { code: 'engine_unavailable', message: 'Engine down', details: null } });
      return;
    }
    const filters = { party: url.searchParams.getAll('party'), country: url.searchParams.getAll('country'), year: url.searchParams.getAll('year') };
    const passes = (doc: MockDocument, except?: string): boolean =>
      (except === 'party' || filters.party.length === 0 || doc.parties.some((p) => filters.party.includes(p))) &&
      (except === 'country' || filters.country.length === 0 || doc.countries.some((c) => filters.country.includes(c))) &&
      (except === 'year' || filters.year.length === 0 || filters.year.includes(String(doc.year)));
    const found = MOCK_DOCUMENTS.filter((doc) => matches(doc) && passes(doc));
    const count = (facet: keyof FacetsBody, values: (doc: MockDocument) => string[]): Record<string, number> => {
      const counts: Record<string, number> = {};
      for (const doc of MOCK_DOCUMENTS.filter((d) => matches(d) && passes(d, facet))) {
        for (const value of values(doc)) counts[value] = (counts[value] ?? 0) + 1;
      }
      return counts;
    };
    const limit = Number(url.searchParams.get('limit') ?? 10);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const highlight = (text: string): string => escapeHtml(text).replace(/\S+/g, (word) => (words.includes(fold(word)) ? `<mark>${word}</mark>` : word));
    json(response, 200, {
      query: q,
      total: found.length,
      limit,
      offset,
      took_ms: 1,
      hits: found.slice(offset, offset + limit).map(({ body, date_source: _, ...doc }) => ({ ...doc, snippet: highlight(body), title_html: highlight(doc.title) })),
      facets: { party: count('party', (d) => d.parties), country: count('country', (d) => d.countries), year: count('year', (d) => (d.year ? [String(d.year)] : [])) },
      ...(found.length === 0 && q === 'dang cong sna' ? { did_you_mean: 'dang cong san' } : {}),
      ...(interpreted ? { interpreted, did_you_mean: interpreted } : {}),
    });
  };
  const server = await startHttpServer((request, response) => void handle(request, response));
  return { ...server, controls };
}
