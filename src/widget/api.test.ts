import { describe, expect, it } from 'vitest';
import { ApiError, documentUrl, getJson, normalizeEndpoint, searchUrl, suggestUrl } from './api.ts';

describe('request URLs', () => {
  it('repeats facet parameters and keeps an empty endpoint relative (same origin)', () => {
    const url = searchUrl(normalizeEndpoint(''), {
      q: 'đảng cộng sản',
      filters: { party: ['Đảng Cộng sản Chile', 'Đảng Cộng sản Việt Nam'], country: [], year: ['2021'] },
      sort: 'date_desc',
      limit: 10,
      offset: 20,
    });
    const parsed = new URL(url, 'http://host.example');
    expect(url.startsWith('/api/search?')).toBe(true);
    expect(parsed.searchParams.get('q')).toBe('đảng cộng sản');
    expect(parsed.searchParams.getAll('party')).toEqual(['Đảng Cộng sản Chile', 'Đảng Cộng sản Việt Nam']);
    expect(parsed.searchParams.getAll('year')).toEqual(['2021']);
    expect(parsed.searchParams.get('sort')).toBe('date_desc');
    expect(parsed.searchParams.get('offset')).toBe('20');
  });

  it('joins a configured endpoint without doubling slashes', () => {
    expect(suggestUrl(normalizeEndpoint('https://search.example.org/'), 'ha noi')).toBe('https://search.example.org/api/suggest?q=ha+noi');
    expect(documentUrl('https://search.example.org', 'a/b c')).toBe('https://search.example.org/api/documents/a%2Fb%20c');
  });
});

describe('getJson', () => {
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}): typeof fetch => (async () => new Response(JSON.stringify(body), { status, headers })) as typeof fetch;

  it('reads the API error shape and Retry-After of a 503', async () => {
    const error = await getJson(
      '/api/search',
      new AbortController().signal,
      answer(503, { error: { code: 'engine_unavailable', message: 'Engine down', details: null } }, { 'retry-after': '7' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'unavailable', status: 503, retryAfter: 7, message: 'Engine down' });
  });

  it('classifies 4xx as a request error and a failed fetch as a network error', async () => {
    const badRequest = await getJson('/x', new AbortController().signal, answer(400, { error: { code: 'bad_request', message: 'limit must be ≤ 50', details: {} } })).catch((e: unknown) => e);
    expect(badRequest).toMatchObject({ kind: 'request', status: 400, message: 'limit must be ≤ 50' });
    const refused = await getJson('/x', new AbortController().signal, (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch).catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'network' });
  });
});
