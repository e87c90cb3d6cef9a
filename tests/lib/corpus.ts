import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEngine } from '../../src/engines/sqlite/engine.ts';
import { BIN } from '../../scripts/lib/processes.ts';
import type { SearchRequest } from '../../src/types/search.ts';

/**
 * Small generated corpora and what a test needs to compare indexes: the fault tests run the real
 * `vnsearch index` (built by `npm test`) on them.
 */
const WORDS = (
  'thành phố người dân chính phủ kinh tế phát triển doanh nghiệp thị trường giá cả xuất khẩu nông nghiệp ' +
  'giáo dục học sinh trường học bệnh viện bác sĩ sức khỏe giao thông đường bộ tai nạn công an điều tra ' +
  'bóng đá đội tuyển trận đấu thời tiết mưa lớn bão lũ miền Trung miền Bắc Hà Nội Đà Nẵng ngân hàng lãi suất'
).split(' ');

export const ROOT = new URL('../..', import.meta.url).pathname;

/** A deterministic generator, so a corpus is the same on every run. */
export function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** A word no other document holds, made of letters only (the tokenizer keeps it whole). */
export function uniqueWord(n: number): string {
  let word = '';
  for (let rest = n; word.length < 4; rest = Math.floor(rest / 26)) word += String.fromCharCode(97 + (rest % 26));
  return `qx${word}`;
}

export interface Article {
  id: string;
  title: string;
  body: string;
  date: string;
}

export function article(n: number, random: () => number, version = 0): Article {
  const words = (count: number) => Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  // Few distinct dates, so that ties are many and their order must not depend on indexing history.
  const date = `2017-0${1 + Math.floor(random() * 3)}-1${Math.floor(random() * 3)}`;
  return { id: `bai-${n}`, title: `${words(5)} ${uniqueWord(n)}${version ? ` bản ${version}` : ''}`, body: `${words(30)}.\n\n${words(30)}.`, date };
}

/** Two versions of a corpus in two files: `stable` never changes, `news` is edited, shrunk and grown. */
export function corpusVersions(records: number): { first: Article[][]; second: Article[][] } {
  const random = generator(2017);
  const stable = Array.from({ length: records / 3 }, (_, i) => article(i, random));
  const news = Array.from({ length: records - stable.length }, (_, i) => article(stable.length + i, random));
  const changed = news.flatMap((a, i) => (i % 7 === 6 ? [] : [i % 3 === 0 ? article(stable.length + i, random, 2) : a]));
  const added = Array.from({ length: records / 5 }, (_, i) => article(records + i, random));
  return { first: [stable, news], second: [stable, [...changed, ...added]] };
}

export function writeCorpus(dir: string, files: Article[][]): void {
  files.forEach((articles, i) => {
    writeFileSync(join(dir, `tin-${i}.jsonl`), `${articles.map((a) => JSON.stringify(a)).join('\n')}\n`);
  });
}

/** Test-only write options: segments of a few dozen documents and frequent merges, so a small run has many commits. */
export const SMALL_SEGMENTS = { VNSEARCH_TEST_POSTINGS_PER_SEGMENT: '5000', VNSEARCH_TEST_MAX_SEGMENTS: '3' };

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function vnsearch(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number' && !child.signalCode) reject(error);
      else resolve({ code: child.exitCode, signal: child.signalCode, stdout, stderr });
    });
  });
}

const QUERIES = ['kinh tế', 'kinh te', 'thành phố', 'bão lũ miền Trung', 'ban 2', 'ngan hang lai suat', 'bóng đá', 'doanh nghiep xuat khau'];

/** Everything a client can tell about an index: its documents, and the answers to a set of searches and suggestions. */
export async function indexView(dataDir: string) {
  const engine = new SqliteEngine({ dataDir });
  try {
    const hashes = await engine.storedHashes();
    const ids = [...hashes.keys()].sort();
    const documents = await Promise.all(ids.map((id) => engine.getDocument(id)));
    const request = (q: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({ q, filters: {}, sort: 'relevance', limit: 20, offset: 0, ...extra });
    const searches = await Promise.all(
      [...QUERIES.map((q) => request(q)), request('', { sort: 'date_desc' }), request('kinh te', { sort: 'date_asc', offset: 5 })].map(async (r) => {
        const { total, hits, facets } = await engine.search(r);
        return { q: r.q, total, ids: hits.map((hit) => hit.id), facets };
      }),
    );
    const suggestions = await Promise.all(['th', 'kinh t', 'ng'].map((prefix) => engine.suggest(prefix, 8)));
    return { hashes, documents, searches, suggestions };
  } finally {
    await engine.close();
  }
}
