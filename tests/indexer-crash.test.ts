import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../scripts/lib/processes.ts';

/**
 * Fault test for the indexer (issue 7): an update run killed with SIGKILL midway leaves the
 * previous index searchable, and the next run completes the work as if nothing had happened.
 * Runs the built CLI (`npm test` builds first) on a synthetic corpus, so it needs no shared data.
 */
const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'vnsearch.js');

const WORDS = (
  'thành phố người dân chính phủ kinh tế phát triển doanh nghiệp thị trường giá cả xuất khẩu nông nghiệp ' +
  'giáo dục học sinh trường học bệnh viện bác sĩ sức khỏe giao thông đường bộ tai nạn công an điều tra ' +
  'bóng đá đội tuyển trận đấu huấn luyện viên thời tiết mưa lớn bão lũ miền Trung miền Bắc miền Nam ' +
  'Hà Nội Đà Nẵng Cần Thơ Hải Phòng ngân hàng lãi suất chứng khoán đầu tư xây dựng dự án nhà ở văn hóa lễ hội du lịch'
).split(' ');

const RECORDS = 1500;
const REMOVED = 150;
const ADDED = 300;
const WORDS_PER_BODY = 140;
const PAGE = 50;

/** A deterministic generator, so the corpus is the same on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface Article {
  id: string;
  title: string;
  body: string;
}

function article(id: number, random: () => number, titleSuffix = ''): Article {
  const words = (count: number) => Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const paragraphs = Array.from({ length: 4 }, () => `${words(WORDS_PER_BODY / 4)}.`);
  return { id: `bai-${id}`, title: `${words(6)} ${titleSuffix}`.trim(), body: paragraphs.join('\n\n') };
}

const toJsonLines = (articles: readonly Article[]) => `${articles.map((a) => JSON.stringify(a)).join('\n')}\n`;

function vnsearch(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

/**
 * Every document's id and title, through `vnsearch serve` as a client sees them: `/readyz` must
 * answer, and an empty query pages through the whole index.
 */
async function indexContents(dataDir: string): Promise<Map<string, string>> {
  const server = await startServe(dataDir);
  try {
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const titles = new Map<string, string>();
    for (let offset = 0, total = 1; offset < total; offset += PAGE) {
      const response = await fetch(`${server.url}/api/search?q=&limit=${PAGE}&offset=${offset}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { total: number; hits: { id: string; title: string }[] };
      total = page.total;
      for (const hit of page.hits) {
        expect(titles.has(hit.id), `${hit.id} listed twice`).toBe(false);
        titles.set(hit.id, hit.title);
      }
    }
    return titles;
  } finally {
    await server.stop();
  }
}

/** Size and modification time of every index file (the manifest aside): changes when the indexer writes. */
function indexFilesState(dataDir: string, manifest: string): string {
  return readdirSync(dataDir)
    .filter((name) => join(dataDir, name) !== manifest)
    .sort()
    .map((name) => {
      const { size, mtimeMs } = statSync(join(dataDir, name));
      return `${name}:${size}:${mtimeMs}`;
    })
    .join('|');
}

describe('indexer killed midway (SIGKILL)', () => {
  let work: string;
  let corpusDir: string;
  let dataDir: string;
  const random = generator(2017);
  const first = Array.from({ length: RECORDS }, (_, i) => article(i, random));
  // The second version: two records in five edited, the last ones removed, new ones added.
  const edited = new Set(first.filter((_, i) => i % 5 < 2).map((a) => a.id));
  const removed = new Set(first.slice(-REMOVED).map((a) => a.id));
  const second = [
    ...first.flatMap((a, i) => (removed.has(a.id) ? [] : [edited.has(a.id) ? article(i, random, 'cập nhật') : a])),
    ...Array.from({ length: ADDED }, (_, i) => article(RECORDS + i, random)),
  ];
  const editedAndKept = [...edited].filter((id) => !removed.has(id));

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'vnsearch-crash-'));
    corpusDir = join(work, 'corpus');
    dataDir = join(work, 'data');
    mkdirSync(corpusDir);
    writeFileSync(join(corpusDir, 'tin-tuc.jsonl'), toJsonLines(first));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('leaves the previous index searchable, and the next run completes the work', async () => {
    const initial = await vnsearch(['index', corpusDir, '--data-dir', dataDir]);
    expect(initial.code, initial.stderr).toBe(0);
    expect(initial.stdout).toMatch(new RegExp(`Indexed ${RECORDS}, unchanged 0, deleted 0, failed 0`));
    const manifestName = readdirSync(dataDir).find((name) => name.includes('manifest'));
    expect(manifestName, 'no manifest in the data directory').toBeDefined();
    const manifest = join(dataDir, manifestName!);
    const manifestBefore = readFileSync(manifest, 'utf8');
    const filesBefore = indexFilesState(dataDir, manifest);

    writeFileSync(join(corpusDir, 'tin-tuc.jsonl'), toJsonLines(second));
    // Its own process group, so a worker pool of child processes would go down with it.
    const indexer = spawn(process.execPath, [BIN, 'index', corpusDir, '--data-dir', dataDir], { cwd: ROOT, detached: true, stdio: 'ignore', env: { ...process.env, LOG_LEVEL: 'silent' } });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => indexer.once('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 20_000;
    while (indexFilesState(dataDir, manifest) === filesBefore && indexer.exitCode === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const stillRunning = indexer.exitCode === null && indexer.signalCode === null;
    if (stillRunning) process.kill(-indexer.pid!, 'SIGKILL');
    expect(stillRunning, 'the indexer finished before it could be killed midway').toBe(true);
    expect(await exited).toBe('SIGKILL');
    expect(indexFilesState(dataDir, manifest), 'the indexer had written nothing when killed').not.toBe(filesBefore);
    expect(readFileSync(manifest, 'utf8'), 'the killed run saved its manifest').toBe(manifestBefore);

    const [afterKill, search] = await Promise.all([indexContents(dataDir), vnsearch(['search', 'kinh tế', '--json', '--data-dir', dataDir])]);
    expect(afterKill.size).toBeGreaterThanOrEqual(RECORDS);
    expect(search.code).toBe(0);
    expect((JSON.parse(search.stdout) as { total: number }).total).toBeGreaterThan(0);

    // The fresh index of the new version to compare with is built meanwhile.
    const freshDir = join(work, 'fresh');
    const [resumed, fresh] = await Promise.all([vnsearch(['index', corpusDir, '--data-dir', dataDir]), vnsearch(['index', corpusDir, '--data-dir', freshDir])]);
    expect(fresh.code, fresh.stdout).toBe(0);
    expect(resumed.code, resumed.stdout).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`Indexed ${editedAndKept.length + ADDED}, unchanged ${second.length - editedAndKept.length - ADDED}, deleted ${removed.size}, failed 0`));

    const resumedContents = await indexContents(dataDir);
    expect(resumedContents).toEqual(new Map(second.map((a) => [a.id, a.title])));
    expect(resumedContents).toEqual(await indexContents(freshDir));
    expect(resumedContents.get(editedAndKept[0]!)).toMatch(/cập nhật$/);
    expect(resumedContents.has(`bai-${RECORDS - 1}`)).toBe(false);
    expect(resumedContents.has(`bai-${RECORDS + ADDED - 1}`)).toBe(true);

    const again = await vnsearch(['index', corpusDir, '--data-dir', dataDir]);
    expect(again.stdout).toMatch(new RegExp(`Indexed 0, unchanged ${second.length}, deleted 0, failed 0`));
  }, 60_000);
});
