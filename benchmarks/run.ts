/**
 * Performance benchmark (issue 8):
 *   npm run bench -- CORPUS.jsonl[.gz] [--engine sqlite|meilisearch] [--queries QUERIES.json] [--quick]
 *                    [--runs N] [--load-seconds S] [--connections N] [--keep-data-dir]
 * Measures the language layer, extraction, a full index build through the CLI (wall time, peak RSS),
 * a no-change re-run, index size, sequential query latency through HTTP, throughput under load,
 * and the API's overhead over the engine in-process. Prints one JSON line per figure on stdout as it
 * is measured, then a table with the targets. Works only against the CLI and public APIs, and
 * only over loopback. Progress goes to stderr. With `--engine meilisearch` (MEILI_URL and
 * MEILI_MASTER_KEY set), the build, latency and load figures are Meilisearch's, each beside plain
 * Meilisearch measured in the same run (`benchmarks/meilisearch.ts`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { SqliteEngine } from '../src/engines/sqlite/engine.ts';
import { SERVING_WARM_UP } from '../src/engines/create.ts';
import { recordToDocument } from '../src/extraction/index.ts';
import { loadSearchSynonyms } from '../src/search/synonyms.ts';
import type { SearchRequest } from '../src/types/search.ts';
import { percentile, round } from '../scripts/lib/corpus-index.ts';
import { keepAliveClient } from '../scripts/lib/http-client.ts';
import { loadTest } from '../scripts/lib/load.ts';
import { runCli, startListening, startServe, treeMemoryOf } from '../scripts/lib/processes.ts';
import { allQueryStrings, loadEvalQueries } from '../scripts/lib/queries.ts';
import { DEFAULT_QUERIES } from './default-queries.ts';
import { meilisearchBenchmark } from './meilisearch.ts';
import { median, Report } from './report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LANGUAGE_BENCHMARK = join(ROOT, 'benchmarks', 'language.ts');
const BARE_HTTP_SERVER = join(ROOT, 'benchmarks', 'bare-http-server.mjs');
const MIB = 2 ** 20;
/** Records the quick extraction figure is measured on. */
const QUICK_EXTRACTION_RECORDS = 5000;

const USAGE = 'usage: npm run bench -- CORPUS.jsonl[.gz] [--engine sqlite|meilisearch] [--queries QUERIES.json] [--quick] [--runs N] [--load-seconds S] [--connections N] [--keep-data-dir]';
const { values, positionals } = parseArgs({
  options: {
    engine: { type: 'string', default: 'sqlite' },
    queries: { type: 'string' },
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'load-seconds': { type: 'string' },
    connections: { type: 'string', default: '16' },
    'keep-data-dir': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const corpus = positionals[0];
if (!corpus || !existsSync(corpus)) {
  console.error(corpus ? `no such corpus: ${corpus}\n${USAGE}` : USAGE);
  process.exit(2);
}
if (values.engine !== 'sqlite' && values.engine !== 'meilisearch') {
  console.error(`--engine must be sqlite or meilisearch\n${USAGE}`);
  process.exit(2);
}
const quick = values.quick;
const runs = Number(values.runs ?? (quick ? 1 : 3));
const loadSeconds = Number(values['load-seconds'] ?? (quick ? 5 : 20));
const connections = Number(values.connections);
for (const [name, value] of Object.entries({ runs, 'load-seconds': loadSeconds, connections })) {
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a positive integer\n${USAGE}`);
    process.exit(2);
  }
}

const progress = (message: string) => console.error(`[bench] ${message}`);
const report = new Report();

/** The eval set next to the shared corpus (`corpus/../eval/queries.json`) unless told otherwise. */
function benchmarkQueries(): { queries: string[]; source: string } {
  const path = values.queries ?? join(dirname(resolve(corpus!)), '..', 'eval', 'queries.json');
  if (existsSync(path)) return { queries: allQueryStrings(loadEvalQueries(path)), source: path };
  if (values.queries) throw new Error(`no such query file: ${values.queries}`);
  return { queries: [...DEFAULT_QUERIES], source: 'built-in list' };
}

function directoryBytes(path: string): number {
  return readdirSync(path, { withFileTypes: true }).reduce((sum, entry) => {
    const child = join(path, entry.name);
    return sum + (entry.isDirectory() ? directoryBytes(child) : entry.isFile() ? statSync(child).size : 0);
  }, 0);
}

/** The numbers of the indexer's closing line ("Indexed N, unchanged N, deleted N, failed N"). */
function indexSummary(stdout: string): Record<string, number> {
  const match = /Indexed (\d+), unchanged (\d+), deleted (\d+), failed (\d+)/.exec(stdout);
  return match ? { indexed: Number(match[1]), unchanged: Number(match[2]), deleted: Number(match[3]), failed: Number(match[4]) } : {};
}

/**
 * Runs benchmarks/language.ts (owned by the language layer) and relays its JSON lines as figures.
 * Its failure is reported and the other figures are still measured.
 */
async function languageThroughput(): Promise<void> {
  progress('language pipeline (benchmarks/language.ts)');
  const child = spawn(process.execPath, ['--import', 'tsx', LANGUAGE_BENCHMARK, corpus!, String(runs)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) {
    progress(`benchmarks/language.ts exited with ${code}: no language figures`);
    return;
  }
  for (const line of output.split('\n')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null) continue;
    const { figure, value, ...details } = parsed as { figure?: unknown; value?: unknown };
    if (typeof figure !== 'string' || typeof value !== 'number') continue;
    const unit = /chars\/s$/.test(figure) ? 'chars/s' : /bytes$/.test(figure) ? 'bytes' : '';
    report.add({ figure: `language: ${unit ? figure.slice(0, -unit.length).trim() : figure}`, value, unit, ...details, cores_used: 1 });
  }
}

/** recordToDocument over the corpus on one core, JSON parsing excluded. */
function extractionThroughput(): void {
  progress('extraction');
  const raw = readFileSync(corpus!);
  const lines = (corpus!.endsWith('.gz') ? gunzipSync(raw) : raw)
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const records = (quick ? lines.slice(0, QUICK_EXTRACTION_RECORDS) : lines).map((line) => JSON.parse(line) as unknown);
  let failed = 0;
  const rates = Array.from({ length: runs }, () => {
    failed = 0;
    const started = performance.now();
    records.forEach((record, i) => {
      try {
        recordToDocument(record, corpus!, i + 1);
      } catch {
        failed++;
      }
    });
    return records.length / ((performance.now() - started) / 1000);
  });
  report.add({ figure: 'extraction throughput', value: Math.round(median(rates)), unit: 'docs/s', runs, documents: records.length, failed, cores_used: 1 });
}

/** Full build into a fresh data directory, then no-change re-runs, through the CLI. */
async function indexBuild(dataDir: string): Promise<void> {
  progress('full index build (vnsearch index)');
  const build = await runCli(['index', corpus!, '--data-dir', dataDir], { LOG_LEVEL: 'silent' });
  const summary = indexSummary(build.stdout);
  if (build.code !== 0 && !summary.indexed) throw new Error(`vnsearch index exited with ${build.code}: ${build.stdout}`);
  report.add({ figure: 'index build wall time', value: round(build.seconds, 1), unit: 's', target: { max: 60 }, runs: 1, exit_code: build.code, ...summary });
  report.add({ figure: 'index build peak RSS', value: round(build.peakBytes / MIB, 1), unit: 'MiB', target: { max: 1024 }, runs: 1 });

  progress('no-change re-runs');
  const reruns: Awaited<ReturnType<typeof runCli>>[] = [];
  for (let i = 0; i < runs; i++) reruns.push(await runCli(['index', corpus!, '--data-dir', dataDir], { LOG_LEVEL: 'silent' }));
  report.add({
    figure: 'no-change re-run wall time',
    value: round(median(reruns.map((run) => run.seconds)), 2),
    unit: 's',
    target: { max: 5 },
    runs,
    peak_rss_mib: round(median(reruns.map((run) => run.peakBytes)) / MIB, 1),
    ...indexSummary(reruns.at(-1)!.stdout),
  });
  report.add({ figure: 'index size on disk', value: round(directoryBytes(dataDir) / MIB, 1), unit: 'MiB', documents: summary.indexed });
}

/**
 * Each query through HTTP and in-process, interleaved so both see the same machine state. The
 * first pass is the headline: every query is new to both engines, as most searches are. Later
 * passes repeat the queries and are answered from the engines' answer caches; they are reported
 * apart, as what a popular query costs. The API's overhead is the median over queries of each
 * query's HTTP time minus its in-process time. The difference of the two medians, also reported,
 * depends on which queries happen to sit at either median: on the first pass it came out 0.2–0.6 ms
 * above the paired figure. Each query is also sent to a bare node:http server that stays busy for
 * the query's in-process time and answers as many bytes: what HTTP over loopback costs on this
 * machine with no framework and no engine, the floor under the API's overhead.
 */
async function queryLatency(url: string, dataDir: string, queries: readonly string[]): Promise<void> {
  const engine = new SqliteEngine({ dataDir, synonyms: loadSearchSynonyms(), ...SERVING_WARM_UP });
  await engine.ping();
  const client = keepAliveClient(url);
  const ready = await client.get('/readyz');
  if (ready.status !== 200) throw new Error(`the server is not ready: ${ready.status}`);
  const bare = await startListening([BARE_HTTP_SERVER]);
  const bareClient = keepAliveClient(bare.url);
  const request = (q: string): SearchRequest => ({ q, filters: {}, sort: 'relevance', limit: 10, offset: 0 });
  let non2xx = 0;
  const pass = async () => {
    const http: number[] = [];
    const inProcess: number[] = [];
    const overhead: number[] = [];
    const floor: number[] = [];
    for (const q of queries) {
      let started = performance.now();
      await engine.search(request(q));
      const inProcessMs = performance.now() - started;
      started = performance.now();
      const { status, bytes } = await client.get(`/api/search?${new URLSearchParams({ q })}`);
      const httpMs = performance.now() - started;
      started = performance.now();
      await bareClient.get(`/?${new URLSearchParams({ busy_ms: String(inProcessMs), bytes: String(bytes) })}`);
      floor.push(performance.now() - started - inProcessMs);
      inProcess.push(inProcessMs);
      http.push(httpMs);
      overhead.push(httpMs - inProcessMs);
      if (status < 200 || status > 299) non2xx++;
    }
    const ascending = (values: number[]) => values.sort((a, b) => a - b);
    return { http: ascending(http), inProcess: ascending(inProcess), overhead: ascending(overhead), floor: ascending(floor) };
  };
  const add = (result: Awaited<ReturnType<typeof pass>>, label: string, extra: Record<string, unknown>, targets: boolean) => {
    const at = (side: 'http' | 'inProcess' | 'overhead' | 'floor', p: number) => round(percentile(result[side], p), 2);
    const common = { queries: queries.length, sequential: true, ...extra };
    report.add({ figure: `HTTP query latency p50${label}`, value: at('http', 50), unit: 'ms', ...(targets ? { target: { max: 5 } } : {}), ...common, non_2xx: non2xx });
    report.add({ figure: `HTTP query latency p95${label}`, value: at('http', 95), unit: 'ms', ...common });
    report.add({ figure: `HTTP query latency p99${label}`, value: at('http', 99), unit: 'ms', ...(targets ? { target: { max: 30 } } : {}), ...common });
    report.add({ figure: `in-process query latency p50${label}`, value: at('inProcess', 50), unit: 'ms', ...common });
    report.add({ figure: `in-process query latency p99${label}`, value: at('inProcess', 99), unit: 'ms', ...common });
    report.add({
      figure: `API overhead at p50 (HTTP − in-process)${label}`,
      value: at('overhead', 50),
      unit: 'ms',
      ...(targets ? { target: { max: 1 } } : {}),
      ...common,
      difference_of_p50s: round(at('http', 50) - at('inProcess', 50), 2),
    });
    report.add({ figure: `bare node:http round trip beyond the same busy time, p50${label}`, value: at('floor', 50), unit: 'ms', ...common });
  };
  try {
    progress(`query latency: first pass over ${queries.length} queries`);
    add(await pass(), '', { runs: 1, answers_cached: false }, true);
    progress('query latency: the same queries again (answer caches)');
    add(await pass(), ', repeated queries', { runs: 1, answers_cached: true }, false);
  } finally {
    client.close();
    bareClient.close();
    await bare.stop();
    await engine.close();
  }
}

async function underLoad(url: string, pid: number, queries: readonly string[]): Promise<void> {
  progress(`load: ${connections} connections for ${loadSeconds} s (autocannon, loopback)`);
  const result = await loadTest(
    url,
    queries.map((q) => `/api/search?${new URLSearchParams({ q })}`),
    connections,
    loadSeconds,
  );
  const common = { connections, seconds: loadSeconds, distinct_queries: queries.length };
  report.add({ figure: 'under load requests/s', value: result.requests_per_second, unit: 'req/s', target: { min: 400 }, ...common, requests: result.requests });
  report.add({ figure: 'under load latency p50', value: result.latency_p50_ms, unit: 'ms', ...common });
  report.add({ figure: 'under load latency p99', value: result.latency_p99_ms, unit: 'ms', target: { max: 100 }, ...common });
  report.add({ figure: 'under load errors', value: result.errors + result.timeouts, unit: '', target: { max: 0 }, ...common, timeouts: result.timeouts });
  report.add({ figure: 'under load non-2xx', value: result.non_2xx, unit: '', target: { max: 0 }, ...common });
  const memory = treeMemoryOf(pid);
  // The index is read through mmap: the pages of it a server touched count in its RSS, though they are the page cache.
  report.add({
    figure: 'server peak RSS',
    value: round((memory?.peak ?? NaN) / MIB, 1),
    unit: 'MiB',
    anonymous_mib_at_end: round((memory?.anonymous ?? NaN) / MIB, 1),
    file_backed_mib_at_end: round((memory?.fileBacked ?? NaN) / MIB, 1),
  });
}

/** The embedded engine: a full build through the CLI, then latency and load through `vnsearch serve`. */
async function sqliteBenchmark(dataDir: string, queries: readonly string[]): Promise<void> {
  await indexBuild(dataDir);
  progress('starting vnsearch serve');
  const server = await startServe(dataDir);
  try {
    await queryLatency(server.url, dataDir, queries);
    await underLoad(server.url, server.child.pid!, queries);
  } finally {
    await server.stop();
  }
}

const { queries, source } = benchmarkQueries();
progress(`corpus ${corpus}, ${queries.length} queries from ${source}, ${runs} run(s) per figure${quick ? ', quick' : ''}`);
report.add({ figure: 'CPU cores', value: cpus().length, unit: '', cpu_model: cpus()[0]?.model ?? 'unknown', node: process.version });

const workDir = mkdtempSync(join(tmpdir(), 'vnsearch-bench-'));
const dataDir = join(workDir, 'data');
try {
  await languageThroughput();
  extractionThroughput();
  if (values.engine === 'meilisearch') {
    await meilisearchBenchmark({ corpus: corpus!, queries, dataDir, loadSeconds, connections, keepIndexes: values['keep-data-dir'], report, progress });
  } else {
    await sqliteBenchmark(dataDir, queries);
  }
} finally {
  if (values['keep-data-dir']) progress(`index kept in ${dataDir}`);
  else rmSync(workDir, { recursive: true, force: true });
}

console.log(`\n${report.table()}`);
const missed = report.missed();
console.log(missed.length === 0 ? '\nAll targets met.' : `\nTargets missed: ${missed.join('; ')}.`);
