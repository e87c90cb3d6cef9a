import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../tests/lib/temporary-directory.ts';
import { SqliteEngine } from '../engines/sqlite/engine.ts';
import { EngineUnavailableError, IndexLockedError } from '../errors.ts';
import type { RunStatus } from '../indexing/run-status.ts';
import type { ReindexRuns } from './routes/admin.ts';
import { prepareDocument } from '../analysis/fields.ts';
import { chile, japan, listen, recordingLogger } from './test-server.ts';

const METRICS_TOKEN = 'a-long-metrics-token-0123456789';

describe('HTTP API', () => {
  let dataDir: string;
  let engine: SqliteEngine;
  let base: string;
  let server: Server;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vnsearch-api-'));
    engine = new SqliteEngine({ dataDir });
    await engine.configure();
    await engine.upsert([chile, japan].map(prepareDocument));
    ({ base, server } = await listen({ engine, allowedOrigins: ['https://news.example'], rateLimitPerMinute: 0, metricsToken: METRICS_TOKEN }));
  });

  afterAll(async () => {
    server.close();
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${base}${path}`, init);
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: responses are checked field by field below; `any` keeps those checks short.
    const body: any = text.startsWith('{') ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body };
  };

  it('searches with and without diacritics, with facets and highlighted snippets', async () => {
    for (const q of ['dang cong san chile', 'Đảng Cộng sản Chile']) {
      const { status, body } = await get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ query: q, total: 1, limit: 10, offset: 0 });
      expect(body.hits[0].id).toBe('chile');
      expect(body.hits[0].snippet).toContain('<mark>Chile</mark>');
      expect(body.facets).toEqual({ party: { 'Đảng Cộng sản Việt Nam': 1, 'Đảng Cộng sản Chile': 1 }, country: { 'Việt Nam': 1, Chile: 1 }, year: { '2021': 1 } });
      expect(typeof body.took_ms).toBe('number');
    }
  });

  it('says how it read the query, and searches exactly what was typed with verbatim=true', async () => {
    const read = await get(`/api/search?q=${encodeURIComponent('ddangr coongj sanr chile')}`);
    expect(read.body).toMatchObject({ total: 1, interpreted: 'Đảng Cộng sản Chile', did_you_mean: 'Đảng Cộng sản Chile' });
    const typed = await get(`/api/search?q=${encodeURIComponent('ddangr coongj sanr chile')}&verbatim=true`);
    expect(typed.body.total).toBe(0);
    expect(typed.body).not.toHaveProperty('interpreted');
    expect((await get('/api/search?q=dang+cong+san+chile')).body.interpreted).toBe('Đảng Cộng sản Chile');
  });

  it('filters with repeated parameters and browses with an empty query', async () => {
    const { body } = await get(`/api/search?party=${encodeURIComponent('Đảng Cộng sản Nhật Bản')}&year=2021`);
    expect(body.hits.map((hit: { id: string }) => hit.id)).toEqual(['japan']);
    const both = await get(`/api/search?country=Chile&country=${encodeURIComponent('Nhật Bản')}`);
    expect(both.body.total).toBe(2);
  });

  it.each([
    ['/api/search?limit=51', 'limit'],
    ['/api/search?limit=0', 'limit'],
    ['/api/search?offset=-1', 'offset'],
    ['/api/search?sort=random', 'sort'],
    ['/api/search?year=abc', 'year'],
    ['/api/search?limit=0x0A', 'limit'],
    ['/api/search?limit=1e1', 'limit'],
    ['/api/search?limit=%20%205', 'limit'],
    ['/api/search?limit=5.0', 'limit'],
    ['/api/search?offset=', 'offset'],
    ['/api/search?party=0&offset=', 'offset'],
    ['/api/search?party=', 'party'],
    ['/api/search?year=0', 'year'],
    ['/api/search?year_to=2201', 'year_to'],
    [`/api/search?${'country=x&'.repeat(21)}`, 'country'],
    [`/api/search?party=${'đ'.repeat(101)}`, 'party'],
    ['/api/suggest?q=x&limit=9', 'limit'],
    [`/api/search?q=${'a'.repeat(201)}`, 'q'],
    ['/api/search?q=x&unknown=1', 'unknown'],
    ['/api/search?q=x&verbatim=1', 'verbatim'],
    ['/api/suggest', 'q'],
    ['/api/facets?x=1', 'x'],
  ])('answers 400 naming the parameter for %s', async (path, parameter) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_parameter');
    expect(body.error.message).toContain(parameter);
    expect(body.error.details).toBeInstanceOf(Array);
  });

  it('counts lengths in characters as JSON Schema does, and answers an inverted year range with nothing', async () => {
    // 200 astral characters are 400 UTF-16 units: within the documented maxLength of 200.
    expect((await get(`/api/search?q=${encodeURIComponent('𝐀'.repeat(200))}`)).status).toBe(200);
    expect((await get(`/api/search?q=${encodeURIComponent('𝐀'.repeat(201))}`)).status).toBe(400);
    const inverted = await get('/api/search?year_from=2022&year_to=2020');
    expect(inverted.status).toBe(200);
    expect(inverted.body.total).toBe(0);
  });

  it('answers 405 with Allow for methods a path does not support, and Allow to a plain OPTIONS', async () => {
    for (const [method, path] of [
      ['DELETE', '/api/search'],
      ['POST', '/api/documents/chile'],
      ['PUT', '/healthz'],
      ['POST', '/widget.js'],
    ] as const) {
      const { status, headers, body } = await get(path, { method });
      expect(status, `${method} ${path}`).toBe(405);
      expect(headers.get('allow')).toBe('GET, HEAD');
      expect(body.error.code).toBe('method_not_allowed');
    }
    const options = await get('/api/suggest', { method: 'OPTIONS' });
    expect(options.status).toBeLessThan(300);
    expect(options.headers.get('allow')).toBe('GET, HEAD');
    expect((await get('/api/admin/reindex')).status).toBe(405);
  });

  it('returns documents, and 404 for unknown ids and routes', async () => {
    expect((await get('/api/documents/chile')).body).toEqual(chile);
    const missing = await get('/api/documents/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect((await get('/api/nothing')).status).toBe(404);
  });

  it('suggests completions and lists facets', async () => {
    const { body } = await get('/api/suggest?q=dang%20cong%20san%20ch');
    expect(body.suggestions[0].text).toBe('Đảng Cộng sản Chile');
    const facets = await get('/api/facets');
    expect(facets.body.facets.country).toEqual({ 'Việt Nam': 2, Chile: 1, 'Nhật Bản': 1 });
  });

  it('reports health, readiness, metrics and an OpenAPI description', async () => {
    expect((await get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await get('/readyz')).body).toEqual({ status: 'ready', documents: 2 });
    const metrics = await get('/metrics', { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(metrics.body).toContain('vnsearch_http_requests_total{method="GET",route="/api/search",status="200"}');
    expect(metrics.body).toContain('vnsearch_index_documents 2');
    const openapi = await get('/openapi.json');
    expect(openapi.body.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.body.paths)).toContain('/api/search');
  });

  it('serves metrics only for the metrics token', async () => {
    expect((await get('/metrics')).status).toBe(401);
    expect((await get('/metrics', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    const off = await listen({ engine });
    expect((await fetch(`${off.base}/metrics`)).status).toBe(404);
    off.server.close();
  });

  it('compresses with brotli or gzip as the client accepts, varying on Accept-Encoding', async () => {
    for (const path of ['/widget.js', '/api/search?q=dang', '/openapi.json']) {
      for (const encoding of ['br', 'gzip']) {
        const { status, headers } = await get(path, { headers: { 'Accept-Encoding': encoding } });
        expect(status).toBe(200);
        expect(headers.get('content-encoding'), `${path} ${encoding}`).toBe(encoding);
        expect(headers.get('vary')).toMatch(/Accept-Encoding/);
      }
      expect((await get(path, { headers: { 'Accept-Encoding': 'identity' } })).headers.get('content-encoding')).toBeNull();
    }
    const widget = await get('/widget.js', { headers: { 'Accept-Encoding': 'br' } });
    expect(widget.headers.get('cache-control')).toBe('public, max-age=300');
    expect(widget.body).toContain('vn-search');
  });

  it('answers CORS for allowed origins only', async () => {
    const allowed = await get('/api/search?q=chile', { headers: { Origin: 'https://news.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://news.example');
    const refused = await get('/api/search?q=chile', { headers: { Origin: 'https://evil.example' } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await get('/api/search', { method: 'OPTIONS', headers: { Origin: 'https://news.example', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD');
    const refusedPreflight = await get('/api/search', { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' } });
    expect(refusedPreflight.status).toBe(403);
  });

  it('sends security headers and request ids', async () => {
    const { headers } = await get('/healthz', { headers: { 'X-Request-Id': 'abc-123' } });
    expect(headers.get('x-request-id')).toBe('abc-123');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-powered-by')).toBeNull();
  });

  it('sends no ETag with search answers, and Last-Modified with the widget for revalidation', async () => {
    expect((await get('/api/search?q=chile')).headers.get('etag')).toBeNull();
    const widget = await get('/widget.js');
    expect(widget.status).toBe(200);
    expect(widget.headers.get('last-modified')).not.toBeNull();
    // An explicit Cache-Control, or fetch adds `no-cache`, which forbids a 304.
    const revalidated = await get('/widget.js', { headers: { 'If-Modified-Since': widget.headers.get('last-modified')!, 'Cache-Control': 'max-age=0' } });
    expect(revalidated.status).toBe(304);
  });
});

describe('HTTP API at its edges', () => {
  it.each(['%FF', '%', '%zz', '%C3%28'])('answers 400 to the undecodable path /api/documents/%s, logging no error', async (id) => {
    const { logger, lines } = recordingLogger();
    const engine = new SqliteEngine({ dataDir: temporaryDirectory('vnsearch-edge-') });
    const { base, server } = await listen({ engine, logger });
    const response = await fetch(`${base}/api/documents/${id}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_path');
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    server.close();
    await engine.close();
  });

  it('tells clients of an unavailable engine a generic message, and the log the details', async () => {
    const { logger, lines } = recordingLogger();
    const engine = new SqliteEngine({ dataDir: temporaryDirectory('vnsearch-paths-') });
    const failing = new Proxy(engine, {
      get: (target, property, receiver) =>
        property === 'search'
          ? async () => Promise.reject(new EngineUnavailableError('Cannot open the index /srv/vnsearch/data/index-1.db: SQLITE_CANTOPEN'))
          : Reflect.get(target, property, receiver),
    });
    const { base, server } = await listen({ engine: failing, logger });
    const response = await fetch(`${base}/api/search?q=chile`);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).not.toContain('/srv');
    expect(JSON.parse(text).error).toMatchObject({ code: 'engine_unavailable', message: expect.stringContaining('Retry-After') });
    expect(lines.some((line) => JSON.stringify(line).includes('/srv/vnsearch/data/index-1.db'))).toBe(true);
    server.close();
    await engine.close();
  });
});

describe('HTTP API with the engine down', () => {
  it('answers 503 with Retry-After, then recovers without a restart', async () => {
    let up = false;
    const engine = new SqliteEngine({ dataDir: temporaryDirectory('vnsearch-down-') });
    const flaky = new Proxy(engine, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || up) return typeof value === 'function' ? value.bind(target) : value;
        return async () => {
          throw new EngineUnavailableError('engine unreachable');
        };
      },
    });
    const { base, server } = await listen({ engine: flaky });
    const down = await fetch(`${base}/api/search?q=chile`);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(((await down.json()) as { error: { code: string } }).error.code).toBe('engine_unavailable');
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    up = true;
    await engine.configure();
    await engine.upsert([chile].map(prepareDocument));
    expect((await fetch(`${base}/api/search?q=chile`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    server.close();
    await engine.close();
  });

  it('answers 503 instead of hanging when the engine does not answer in time', async () => {
    const engine = new SqliteEngine({ dataDir: temporaryDirectory('vnsearch-slow-') });
    const hung = new Proxy(engine, {
      get: (target, property, receiver) => (property === 'search' ? () => new Promise(() => {}) : Reflect.get(target, property, receiver)),
    });
    const { base, server } = await listen({ engine: hung, engineTimeoutMs: 200 });
    const started = Date.now();
    const response = await fetch(`${base}/api/search?q=chile`);
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2000);
    server.close();
  });
});

describe('admin re-index', () => {
  it('starts a run for the admin token only, answers 202 with where to follow it, and 409 while one holds the data directory', async () => {
    const dataDir = temporaryDirectory('vnsearch-admin-');
    const engine = new SqliteEngine({ dataDir });
    // Runs as the route sees them: the first start takes the data directory's lock, the next ones meet it.
    const statuses = new Map<string, RunStatus>();
    const runs: ReindexRuns = {
      start: async () => {
        if (statuses.size > 0) throw new IndexLockedError(dataDir, 4242);
        const run: RunStatus = { id: '0b7c6a52-64a8-4f73-9d34-3f5a4b0c9e11', status: 'running', started_at: '2024-05-01T10:00:00.000Z', pid: 4242 };
        statuses.set(run.id, run);
        return run;
      },
      status: (id) => statuses.get(id) ?? null,
    };
    const token = 'a-long-admin-token-0123456789';
    const { base, server } = await listen({ engine, admin: { token, runs } });
    const post = (given?: string) => fetch(`${base}/api/admin/reindex`, { method: 'POST', headers: given ? { Authorization: `Bearer ${given}` } : {} });
    expect((await post()).status).toBe(401);
    expect((await post('wrong')).status).toBe(401);
    const [first, second] = await Promise.all([post(token), post(token)]);
    expect([first.status, second.status].sort()).toEqual([202, 409]);
    const [accepted, refused] = first.status === 202 ? [first, second] : [second, first];
    expect(await accepted.json()).toEqual({ run: { id: '0b7c6a52-64a8-4f73-9d34-3f5a4b0c9e11', status: 'running', started_at: '2024-05-01T10:00:00.000Z' } });
    expect(accepted.headers.get('location')).toBe('/api/admin/reindex/0b7c6a52-64a8-4f73-9d34-3f5a4b0c9e11');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('reindex_running');

    statuses.set('0b7c6a52-64a8-4f73-9d34-3f5a4b0c9e11', {
      ...statuses.get('0b7c6a52-64a8-4f73-9d34-3f5a4b0c9e11')!,
      status: 'succeeded',
      finished_at: '2024-05-01T10:01:00.000Z',
      summary: { files: 5, indexed: 5, unchanged: 0, deleted: 0, failed: 0, skipped: { '.png': 1 } },
    });
    const get = (id: string, given = token) => fetch(`${base}/api/admin/reindex/${id}`, { headers: { Authorization: `Bearer ${given}` } });
    const followed = await get('0b7c6a52-64a8-4f73-9d34-3f5a4b0c9e11');
    expect(followed.status).toBe(200);
    expect(await followed.json(), 'the pid stays inside').toEqual({
      run: {
        id: '0b7c6a52-64a8-4f73-9d34-3f5a4b0c9e11',
        status: 'succeeded',
        started_at: '2024-05-01T10:00:00.000Z',
        finished_at: '2024-05-01T10:01:00.000Z',
        summary: { files: 5, indexed: 5, unchanged: 0, deleted: 0, failed: 0, skipped: { '.png': 1 } },
      },
    });
    expect((await get('0b7c6a52-64a8-4f73-9d34-3f5a4b0c9e11', 'wrong')).status).toBe(401);
    expect((await get('1b7c6a52-64a8-4f73-9d34-3f5a4b0c9e11')).status).toBe(404);
    expect((await get('..%2F..%2Fetc')).status).toBe(404);
    server.close();

    const without = await listen({ engine });
    expect((await fetch(`${without.base}/api/admin/reindex`, { method: 'POST' })).status).toBe(404);
    without.server.close();
  });
});
