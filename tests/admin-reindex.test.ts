import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../scripts/lib/processes.ts';
import { acquireRunLock, runLockHolder } from '../src/indexing/run-lock.ts';
import { corpusVersions, vnsearch, writeCorpus } from './lib/corpus.ts';

/** Re-indexing through the API runs in a child process, one at a time across workers; shutdown has a bound (issue 14). */
const TOKEN = 'a-long-admin-token-0123456789';
const { first, second } = corpusVersions(120);

/** Waits until no run holds the data directory (polling: the run is another process's). */
async function waitForRunsToEnd(dataDir: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  while (runLockHolder(dataDir) !== false) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('the admin re-index and shutdown, through vnsearch serve', () => {
  let work: string;
  let corpus: string;
  let dataDir: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'vnsearch-admin-e2e-'));
    corpus = join(work, 'corpus');
    dataDir = join(work, 'data');
    mkdirSync(corpus);
    writeCorpus(corpus, first);
    expect((await vnsearch(['index', corpus, '--data-dir', dataDir])).code).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('answers 202 then 409 across two workers, and the run reports its summary', async () => {
    writeCorpus(corpus, second);
    const server = await startServe(dataDir, { ADMIN_TOKEN: TOKEN, INDEX_PATHS: corpus, WEB_CONCURRENCY: '2' });
    try {
      const post = () => fetch(`${server.url}/api/admin/reindex`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
      const answers = await Promise.all([post(), post(), post()]);
      expect(answers.map((a) => a.status).sort()).toEqual([202, 409, 409]);
      const accepted = answers.find((a) => a.status === 202)!;
      const location = accepted.headers.get('location')!;
      const { run } = (await accepted.json()) as { run: { id: string; status: string } };
      expect(location).toBe(`/api/admin/reindex/${run.id}`);
      expect(run.status).toBe('running');
      let status: { status: string; summary?: Record<string, number> } = run;
      while (status.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 200));
        // Either worker answers: the status lives in the data directory.
        const response = await fetch(`${server.url}${location}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
        expect(response.status).toBe(200);
        status = ((await response.json()) as { run: typeof status }).run;
      }
      expect(status.status).toBe('succeeded');
      expect(status.summary).toMatchObject({ files: 2, failed: 0, deleted: first.flat().length - second.flat().filter((a) => first.flat().some((b) => b.id === a.id)).length });
      expect((await fetch(`${server.url}/api/documents/bai-${120 + 5}`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 90_000);

  it('answers before the run holds the data directory, and reports the run failed when another run takes it first', async () => {
    const server = await startServe(dataDir, { ADMIN_TOKEN: TOKEN, INDEX_PATHS: corpus });
    try {
      const accepted = await fetch(`${server.url}/api/admin/reindex`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(accepted.status).toBe(202);
      // The child process is still starting (a Node process takes far longer than this answer took
      // to arrive): a command-line run can take the data directory before it.
      const commandLineRun = acquireRunLock(dataDir);
      try {
        const location = accepted.headers.get('location')!;
        let run: { status: string; error?: string } = { status: 'running' };
        while (run.status === 'running') {
          await new Promise((resolve) => setTimeout(resolve, 100));
          run = ((await (await fetch(`${server.url}${location}`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()) as { run: typeof run }).run;
        }
        expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/another vnsearch index run took the data directory while this one started/) });
      } finally {
        commandLineRun.release();
      }
      // The start lock went with the child: the next request starts a run.
      expect((await fetch(`${server.url}/api/admin/reindex`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(202);
      await waitForRunsToEnd(dataDir);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('exits cleanly when signalled the moment it says it listens, as a supervisor may', async () => {
    for (let i = 0; i < 3; i++) {
      const server = await startServe(dataDir);
      await server.stop();
      expect([server.child.exitCode, server.child.signalCode], 'the signal found the shutdown handler installed').toEqual([0, null]);
    }
  }, 60_000);

  it('exits cleanly on SIGTERM, closing a connection stuck in the middle of a request once SHUTDOWN_TIMEOUT_MS has passed, then the index', async () => {
    const server = await startServe(dataDir, { SHUTDOWN_TIMEOUT_MS: '200', LOG_LEVEL: 'info' });
    let output = '';
    server.child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const { hostname, port } = new URL(server.url);
    const socket = connect(Number(port), hostname).on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('GET /api/search?q=kinh HTTP/1.1\r\nHost: x\r\n');
    const closed = new Promise((resolve) => socket.once('close', resolve));
    // Once the server answered a request sent after those bytes, it has read them too (its event
    // loop handles every socket found readable): the connection is one with a request under way,
    // not an idle one that closing the server would end at once.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.stop();
    await closed;
    expect([server.child.exitCode, server.child.signalCode], 'a clean exit, not the signal').toEqual([0, null]);
    const messages = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    // The log is written asynchronously and flushed at exit, which can put the last two lines out
    // of order: what matters is that the deadline closed the stuck connection and the index closed.
    const afterSignal = messages.slice(messages.indexOf('shutting down'));
    expect(afterSignal[0]).toBe('shutting down');
    expect(afterSignal.slice(1).sort(), 'the deadline closed the stuck connection, and the index was closed').toEqual([
      'closing the connections still open at the shutdown deadline',
      'stopped; the index is closed',
    ]);
  }, 30_000);
});
