import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteEngine } from '../engines/sqlite/engine.ts';
import { createApp } from './app.ts';
import { prepareDocument } from '../analysis/fields.ts';

/** Strings built to break out of SQL, FTS5 and filter syntax, mixed with arbitrary Unicode. */
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '"',
    "'",
    '\\',
    'OR',
    'AND',
    'NOT',
    'NEAR(',
    '*',
    '^',
    ':',
    '{title}',
    '(',
    ')',
    '[',
    ']',
    '=',
    '\n',
    '\u0000',
    '%',
    '&',
    '#',
    'đ"; DROP TABLE documents; --',
    'party = "x" OR 1=1',
    '\u200b',
    '\ud800',
  ),
  fc.array(fc.constantFrom('"', 'OR', '(', ')', '*', ':', '-', '+', 'Đảng', 'NEAR', '\\', ' '), { maxLength: 12 }).map((parts) => parts.join('')),
);

describe('HTTP API under arbitrary input', () => {
  let dataDir: string;
  let engine: SqliteEngine;
  let base: string;
  let server: Server;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vnsearch-props-'));
    engine = new SqliteEngine({ dataDir });
    await engine.configure();
    await engine.upsert(
      [
        {
          id: 'a',
          title: 'Đảng Cộng sản Việt Nam',
          body: 'Hội thảo "quốc tế" (OR) với Đảng Cộng sản Chile.',
          date: '2021-08-06',
          year: 2021,
          date_source: 'explicit' as const,
          source: null,
          url: null,
          parties: ['Đảng Cộng sản Việt Nam'],
          countries: ['Việt Nam'],
        },
      ].map(prepareDocument),
    );
    server = createApp({ engine, logger: pino({ level: 'silent' }), rateLimitPerMinute: 0 }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    server.close();
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('never answers 5xx and always answers the JSON error shape, whatever the parameters', async () => {
    const parameter = fc.tuple(fc.constantFrom('q', 'party', 'country', 'year', 'year_from', 'year_to', 'sort', 'limit', 'offset', 'other'), hostile);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/search', '/api/suggest', '/api/facets', '/api/documents/x'), fc.array(parameter, { maxLength: 5 }), async (path, parameters) => {
        const query = parameters.map(([name, value]) => `${name}=${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ''))}`).join('&');
        const response = await fetch(`${base}${path}?${query}`);
        const body = (await response.json()) as { error?: { code: string; message: string } };
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) expect(body.error?.code).toMatch(/^[a-z_]+$/);
      }),
      { numRuns: 300 },
    );
  });

  it('treats hostile query text as words, never as FTS5 syntax', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (q) => {
        const response = await fetch(`${base}/api/search?q=${encodeURIComponent(q.replace(/[\ud800-\udfff]/g, '').slice(0, 200))}`);
        expect(response.status).toBe(200);
      }),
      { numRuns: 300 },
    );
    const injected = await fetch(`${base}/api/search?party=${encodeURIComponent('x" OR 1=1 --')}`);
    expect(((await injected.json()) as { total: number }).total).toBe(0);
    expect((await engine.stats()).documents).toBe(1);
  });
});
