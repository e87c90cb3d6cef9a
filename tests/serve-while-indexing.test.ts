import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteEngine } from '../src/engines/sqlite/engine.ts';
import { BIN, startServe } from '../scripts/lib/processes.ts';
import { corpusVersions, ROOT, SMALL_SEGMENTS, uniqueWord, vnsearch, writeCorpus } from './lib/corpus.ts';

/**
 * Serving while `vnsearch index` updates the index (issue 14): every document that stays in the
 * inputs is found at every moment, in its old or its new version; and a damaged index answers
 * 503 `index_damaged` until `vnsearch index --rebuild` repairs it.
 */
const RECORDS = 240;
const { first, second } = corpusVersions(RECORDS);
const numberOf = (id: string) => Number(id.slice('bai-'.length));

describe('serving while indexing', () => {
  let work: string;
  let corpus: string;
  let dataDir: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'vnsearch-live-'));
    corpus = join(work, 'corpus');
    dataDir = join(work, 'data');
    mkdirSync(corpus);
    writeCorpus(corpus, first);
    expect((await vnsearch(['index', corpus, '--data-dir', dataDir], SMALL_SEGMENTS)).code).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('finds every document that stays, at every moment of an update run', async () => {
    const kept = second.flat().filter((a) => first.flat().some((b) => b.id === a.id));
    writeCorpus(corpus, second);
    const reader = new SqliteEngine({ dataDir, generationCheckMs: 0 });
    const indexer = spawn(process.execPath, [BIN, 'index', corpus, '--data-dir', dataDir], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, ...SMALL_SEGMENTS } });
    let running = true;
    const exited = new Promise<number | null>((resolve) =>
      indexer.once('exit', (code) => {
        running = false;
        resolve(code);
      }),
    );
    let sweeps = 0;
    const absent = new Set<string>();
    while (running || sweeps === 0) {
      for (const { id } of kept) {
        const found = await reader.search({ q: uniqueWord(numberOf(id)), filters: {}, sort: 'relevance', limit: 5, offset: 0 });
        if (!found.hits.some((hit) => hit.id === id)) absent.add(id);
        // The engine answers synchronously: let the event loop see the indexer exit.
        await new Promise((resolve) => setImmediate(resolve));
      }
      sweeps++;
    }
    expect(await exited).toBe(0);
    expect([...absent], `absent during the run (${sweeps} sweeps)`).toEqual([]);
    expect(sweeps, 'the run lasted several sweeps').toBeGreaterThan(1);
    const { total } = await reader.search({ q: '', filters: {}, sort: 'date_desc', limit: 1, offset: 0 });
    expect(total).toBe(second.flat().length);
    await reader.close();
  }, 90_000);

  it('answers 503 index_damaged for a damaged file, and `vnsearch index --rebuild` repairs it', async () => {
    const server = await startServe(dataDir);
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      const file = join(dataDir, readFileSync(join(dataDir, 'CURRENT'), 'utf8').trim());
      // Garbage over every page but the first, then the file cut short: what a failing disk or a careless copy leaves.
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(64 * 1024, 0x5a), 0, 64 * 1024, 4096);
      closeSync(fd);
      truncateSync(file, 8192);
      const statuses = new Map<number, number>();
      for (const q of ['kinh te', 'thanh pho', 'bong da', 'xyzzy', 'ngan hang', '']) {
        const response = await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}&limit=3`);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 503) {
          expect(response.headers.get('retry-after')).toBeTruthy();
          const { error } = (await response.json()) as { error: { code: string; message: string } };
          expect(error.code).toBe('index_damaged');
          expect(error.message).toContain('vnsearch index --rebuild');
          expect(error.message).not.toContain(dataDir);
        }
      }
      expect([...statuses.keys()], 'never 500').toEqual([503]);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);

      const update = await vnsearch(['index', corpus, '--data-dir', dataDir]);
      expect(update.code).toBe(1);
      expect(update.stderr.trim().split('\n'), 'one line, no stack').toHaveLength(1);
      expect(update.stderr).toMatch(/damaged.*vnsearch index --rebuild/);

      const rebuild = await vnsearch(['index', corpus, '--data-dir', dataDir, '--rebuild']);
      expect(rebuild.code, rebuild.stderr).toBe(0);
      const repaired = await fetch(`${server.url}/api/search?q=kinh%20te`);
      expect(repaired.status).toBe(200);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 90_000);
});
