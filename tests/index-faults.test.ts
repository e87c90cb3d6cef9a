import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteEngine } from '../src/engines/sqlite/engine.ts';
import { BIN } from '../scripts/lib/processes.ts';
import { corpusVersions, generator, indexView, ROOT, SMALL_SEGMENTS, vnsearch, writeCorpus, type Article } from './lib/corpus.ts';

/**
 * The index mirrors its inputs whatever happens to a run (issue 14): a real `vnsearch index` is
 * killed at each of its commits and at random moments, and the next run must give exactly what
 * a fresh run of the same inputs gives: the same documents and the same answers.
 */
// Small, with small segments (SMALL_SEGMENTS): most of a run's cost is starting the process, so
// the corpus need only be large enough for an update run to commit several times.
const RECORDS = 120;
const { first, second } = corpusVersions(RECORDS);

describe('vnsearch index, interrupted', () => {
  let work: string;
  let corpus: string;
  let baseDir: string;
  let fresh: Awaited<ReturnType<typeof indexView>>;
  let scenario = 0;
  const titles = (files: Article[][]) => new Map(files.flat().map((a) => [a.id, a.title]));
  const [firstTitles, secondTitles] = [titles(first), titles(second)];

  /** A copy of the index of the first version, for one scenario. */
  const copyOfBase = () => {
    const dir = join(work, `data-${++scenario}`);
    cpSync(baseDir, dir, { recursive: true });
    return dir;
  };

  /** Between a kill and the next run, every document served is one an input holds, or held before. */
  const expectOnlyKnownVersions = async (dataDir: string) => {
    const engine = new SqliteEngine({ dataDir });
    try {
      for (const id of (await engine.storedHashes()).keys()) {
        const title = (await engine.getDocument(id))!.title;
        expect([firstTitles.get(id), secondTitles.get(id)], `${id} holds a version no input had`).toContain(title);
      }
    } finally {
      await engine.close();
    }
  };

  /** The run after an interruption completes the work: the index is the fresh one. */
  const expectMirror = async (dataDir: string) => {
    const resumed = await vnsearch(['index', corpus, '--data-dir', dataDir], SMALL_SEGMENTS);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await indexView(dataDir)).toEqual(fresh);
    expect(
      readdirSync(dataDir).filter((name) => name.endsWith('.db') && name.startsWith('index-')),
      'interrupted builds are cleaned up',
    ).toHaveLength(1);
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'vnsearch-faults-'));
    corpus = join(work, 'corpus');
    baseDir = join(work, 'base');
    mkdirSync(corpus);
    writeCorpus(corpus, second);
    const freshDir = join(work, 'fresh');
    expect((await vnsearch(['index', corpus, '--data-dir', freshDir])).code).toBe(0);
    fresh = await indexView(freshDir);
    writeCorpus(corpus, first);
    expect((await vnsearch(['index', corpus, '--data-dir', baseDir], SMALL_SEGMENTS)).code).toBe(0);
    writeCorpus(corpus, second);
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('killed right after its first, a middle and its last commit, the next run gives the fresh index', async () => {
    // An uninterrupted run first: it must mirror the inputs by itself, and says how many commits it makes.
    const wholeDir = copyOfBase();
    const whole = await vnsearch(['index', corpus, '--data-dir', wholeDir], { ...SMALL_SEGMENTS, VNSEARCH_TEST_CRASH_AT: 'commit:1000000' });
    expect(whole.code, whole.stderr).toBe(0);
    expect(await indexView(wholeDir)).toEqual(fresh);
    const commits = whole.stderr.match(/^vnsearch test hook: commit \d+$/gm)?.length ?? 0;
    expect(commits, 'the update run commits several times').toBeGreaterThanOrEqual(3);
    // The first commit leaves old and new versions mixed; the last leaves everything written but
    // the manifest not saved; one in between, after merges, is like any other.
    for (const commit of [1, Math.ceil(commits / 2), commits]) {
      const dataDir = copyOfBase();
      const run = await vnsearch(['index', corpus, '--data-dir', dataDir], { ...SMALL_SEGMENTS, VNSEARCH_TEST_CRASH_AT: `commit:${commit}` });
      expect(run.signal, `killed at commit ${commit}`).toBe('SIGKILL');
      expect(existsSync(join(dataDir, 'manifest.sqlite.json')), 'a manifest that no longer describes the index is gone').toBe(false);
      await expectOnlyKnownVersions(dataDir);
      await expectMirror(dataDir);
    }
  }, 120_000);

  it('killed at a random moment of its work, the next run gives the fresh index', async () => {
    const dataDir = copyOfBase();
    const child = spawn(process.execPath, [BIN, 'index', corpus, '--data-dir', dataDir], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, ...SMALL_SEGMENTS } });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Timed from when the run holds the lock, not from its spawn: process start-up alone can take
    // longer than a random delay on a busy machine, and a kill before the run began tests nothing.
    const pidFile = join(dataDir, 'index.lock.pid');
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8').trim() !== String(child.pid)) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, generator(14)() * 1000));
    child.kill('SIGKILL');
    await exited;
    await expectOnlyKnownVersions(dataDir);
    await expectMirror(dataDir);
  }, 60_000);

  it('killed during a first-ever run, serves nothing half-built, and the next run gives the fresh index', async () => {
    const dataDir = join(work, 'first-run');
    const run = await vnsearch(['index', corpus, '--data-dir', dataDir], { ...SMALL_SEGMENTS, VNSEARCH_TEST_CRASH_AT: 'commit:2' });
    expect(run.signal).toBe('SIGKILL');
    const engine = new SqliteEngine({ dataDir });
    await expect(engine.ping(), 'no index is live before the first run finished').rejects.toThrow(/run `vnsearch index` first/);
    await engine.close();
    await expectMirror(dataDir);
    const again = await vnsearch(['index', corpus, '--data-dir', dataDir]);
    expect(again.stdout, 'a run after a completed one writes nothing').toMatch(`Indexed 0, unchanged ${second.flat().length}, deleted 0, failed 0`);
  }, 60_000);

  it('lets one run at a time write a data directory, and the second says which run holds it', async () => {
    const dataDir = copyOfBase();
    const holder = spawn(process.execPath, [BIN, 'index', corpus, '--data-dir', dataDir], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, ...SMALL_SEGMENTS } });
    const finished = new Promise<number | null>((resolve) => holder.once('exit', resolve));
    const pidFile = join(dataDir, 'index.lock.pid');
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8').trim() !== String(holder.pid)) await new Promise((resolve) => setTimeout(resolve, 10));
    // Paused while it holds the lock: on a busy machine it could otherwise finish before the second run has started.
    holder.kill('SIGSTOP');
    const second = await vnsearch(['index', corpus, '--data-dir', dataDir]);
    holder.kill('SIGCONT');
    expect(second.code).toBe(75);
    expect(second.stderr).toBe(`vnsearch: another vnsearch index run (pid ${holder.pid}) holds ${dataDir}\n`);
    expect(await finished).toBe(0);
    expect(await indexView(dataDir)).toEqual(fresh);
  }, 60_000);
});
