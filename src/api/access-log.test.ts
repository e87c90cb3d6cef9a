import type { Server } from 'node:http';
import { pino, type Level } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchEngine } from '../engines/engine.ts';
import type { SearchResponse } from '../types/search.ts';
import { createApp } from './app.ts';

const answer: SearchResponse = { total: 0, hits: [], facets: { party: {}, country: {}, year: {} } };

/** Only what the search route calls; `search` is replaced per test. */
function engineSearching(search: SearchEngine['search']): SearchEngine {
  return { name: 'sqlite', search } as SearchEngine;
}

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  req?: { method: string; url: string; remoteAddress: string; userAgent?: string };
  res?: { statusCode: number };
  responseTime?: number;
  err?: { message: string };
}

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

async function serve(engine: SearchEngine, level: Level | 'silent' = 'info'): Promise<{ base: string; lines: LogLine[] }> {
  const lines: LogLine[] = [];
  const logger = pino({ level }, { write: (line: string) => lines.push(JSON.parse(line) as LogLine) });
  server = createApp({ engine, logger, rateLimitPerMinute: 0 }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, lines };
}

describe('access log', () => {
  it('writes one line per request with its id, and no request headers beyond the user agent', async () => {
    const { base, lines } = await serve(engineSearching(async () => answer));
    const response = await fetch(`${base}/api/search?q=chile`, {
      headers: { 'X-Request-Id': 'abc-123', Authorization: 'Bearer a-long-admin-token-0123456789', 'User-Agent': 'probe/1' },
    });
    expect(response.headers.get('x-request-id')).toBe('abc-123');
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      reqId: 'abc-123',
      req: { method: 'GET', url: '/api/search?q=chile', userAgent: 'probe/1' },
      res: { statusCode: 200 },
    });
    expect(lines[0]!.responseTime).toBeGreaterThan(0);
    expect(JSON.stringify(lines[0])).not.toContain('a-long-admin-token');
  });

  it('replaces a malformed request id with a UUID', async () => {
    const { base, lines } = await serve(engineSearching(async () => answer));
    const response = await fetch(`${base}/healthz`, { headers: { 'X-Request-Id': 'no spaces allowed' } });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await vi.waitFor(() => expect(lines[0]?.reqId).toBe(id));
  });

  it('logs the error of a 500 with the request id, then the request as errored', async () => {
    const { base, lines } = await serve(
      engineSearching(async () => {
        throw new Error('disk on fire');
      }),
    );
    const response = await fetch(`${base}/api/search?q=chile`);
    expect(response.status).toBe(500);
    const id = response.headers.get('x-request-id');
    await vi.waitFor(() => expect(lines).toHaveLength(2));
    expect(lines[0]).toMatchObject({ level: 50, msg: 'unhandled error', reqId: id, err: { message: 'disk on fire' } });
    expect(lines[1]).toMatchObject({ msg: 'request errored', reqId: id, res: { statusCode: 500 } });
  });

  it('logs a request the client gave up on as aborted', async () => {
    const { base, lines } = await serve(engineSearching(() => new Promise((resolve) => setTimeout(() => resolve(answer), 300))));
    const controller = new AbortController();
    const request = fetch(`${base}/api/search?q=chile`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(request).rejects.toThrow();
    await vi.waitFor(() => expect(lines[0]).toMatchObject({ msg: 'request aborted', req: { url: '/api/search?q=chile' } }));
  });

  it('writes nothing when logging is off, and still sends request ids', async () => {
    const { base, lines } = await serve(
      engineSearching(async () => answer),
      'silent',
    );
    const response = await fetch(`${base}/api/search?q=chile`);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toEqual([]);
  });
});
