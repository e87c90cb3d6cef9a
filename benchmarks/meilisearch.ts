/**
 * The benchmark on Meilisearch (`npm run bench -- CORPUS --engine meilisearch`, with MEILI_URL and
 * MEILI_MASTER_KEY): vnsearch on Meilisearch beside plain Meilisearch on the same corpus, in the
 * same run, so that the figures come with ratios that the machine's noise does not move much.
 *
 * - Indexing: `vnsearch index` into a fresh index, and the raw records (`id`, `title`, `sapo`,
 *   `body`, default settings) sent to another, uploaded in large batches and awaited.
 * - Sequential latency, every query seen for the first time: through our HTTP API; the Meilisearch
 *   requests our engine makes for it sent directly (what Meilisearch itself costs us); and the
 *   typed query as one plain search of the raw index.
 * - Throughput under N connections: our API, then plain searches of the raw index.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { Meilisearch } from 'meilisearch';
import { analyzeQuery } from '../src/search/query.ts';
import { loadSearchSynonyms } from '../src/search/synonyms.ts';
import { buildSearchPlan } from '../src/engines/meilisearch/queries.ts';
import type { SearchRequest } from '../src/types/search.ts';
import { percentile, round } from '../scripts/lib/corpus-index.ts';
import { keepAliveClient } from '../scripts/lib/http-client.ts';
import { loadTest } from '../scripts/lib/load.ts';
import { runCli, startServe } from '../scripts/lib/processes.ts';
import type { Report } from './report.ts';

export interface MeilisearchBenchOptions {
  corpus: string;
  queries: readonly string[];
  dataDir: string;
  loadSeconds: number;
  connections: number;
  keepIndexes: boolean;
  report: Report;
  progress: (message: string) => void;
}

/** Records per upload of the plain baseline: large batches, as Meilisearch's documentation advises. */
const PLAIN_UPLOAD_RECORDS = 5000;
const TASK_TIMEOUT_MS = 60 * 60_000;
/** The client's waitForTask adds a listener per poll: a slow poll keeps a long build under Node's warning threshold. */
const TASK_POLL_MS = 1000;

interface RawRecord {
  id: string;
  title: string;
  sapo: string;
  body: string;
}

async function readRecords(corpus: string): Promise<RawRecord[]> {
  const raw = createReadStream(corpus);
  const lines = createInterface({ input: corpus.endsWith('.gz') ? raw.pipe(createGunzip()) : raw, crlfDelay: Infinity });
  const records: RawRecord[] = [];
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const { id, title, sapo, body } = JSON.parse(line) as Partial<RawRecord>;
    records.push({ id: String(id), title: title ?? '', sapo: sapo ?? '', body: body ?? '' });
  }
  return records;
}

/** Seconds Meilisearch itself spent on the index's document tasks (their batches' processing, not the upload). */
async function processingSeconds(admin: Meilisearch, uid: string): Promise<number> {
  const { results } = await admin.tasks.getTasks({ indexUids: [uid], types: ['documentAdditionOrUpdate'], limit: 1000 });
  const batches = new Map<number, number>();
  for (const task of results) {
    if (task.batchUid === null || task.batchUid === undefined || !task.startedAt || !task.finishedAt) continue;
    batches.set(task.batchUid, (Date.parse(task.finishedAt) - Date.parse(task.startedAt)) / 1000);
  }
  return [...batches.values()].reduce((sum, seconds) => sum + seconds, 0);
}

async function plainBuild(admin: Meilisearch, uid: string, records: readonly RawRecord[]): Promise<number> {
  const started = performance.now();
  await admin.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS });
  const tasks = [];
  for (let start = 0; start < records.length; start += PLAIN_UPLOAD_RECORDS) {
    tasks.push(await admin.index(uid).addDocuments(records.slice(start, start + PLAIN_UPLOAD_RECORDS) as RawRecord[]));
  }
  for (const task of tasks) {
    const done = await admin.tasks.waitForTask(task.taskUid, { timeout: TASK_TIMEOUT_MS, interval: TASK_POLL_MS });
    if (done.status !== 'succeeded') throw new Error(`plain Meilisearch task ${done.uid} ${done.status}: ${done.error?.message}`);
  }
  return (performance.now() - started) / 1000;
}

const ascending = (values: number[]) => [...values].sort((a, b) => a - b);

export async function meilisearchBenchmark(options: MeilisearchBenchOptions): Promise<void> {
  const { corpus, queries, report, progress } = options;
  const url = process.env.MEILI_URL;
  const key = process.env.MEILI_ADMIN_KEY ?? process.env.MEILI_MASTER_KEY;
  if (!url || !key) throw new Error('the Meilisearch benchmark needs MEILI_URL and MEILI_MASTER_KEY (or MEILI_ADMIN_KEY)');
  const admin = new Meilisearch({ host: url, apiKey: key, timeout: 600_000 });
  const version = await admin.getVersion();
  const stamp = Date.now().toString(36);
  const ours = `vnsearch_bench_${stamp}`;
  const plain = `vnsearch_bench_plain_${stamp}`;
  const env = { ENGINE: 'meilisearch', MEILI_INDEX: ours, LOG_LEVEL: 'silent' };
  report.add({ figure: 'Meilisearch version', value: 0, unit: '', version: version.pkgVersion, commit: version.commitSha });

  try {
    progress(`plain Meilisearch: raw records into ${plain}`);
    const records = await readRecords(corpus);
    const plainSeconds = await plainBuild(admin, plain, records);
    progress(`vnsearch index --engine meilisearch into ${ours}`);
    const build = await runCli(['index', corpus, '--data-dir', options.dataDir], env);
    if (build.code !== 0 && !/^Indexed/.test(build.stdout)) throw new Error(`vnsearch index exited with ${build.code}: ${build.stdout}`);
    const [oursProcessing, plainProcessing] = [await processingSeconds(admin, ours), await processingSeconds(admin, plain)];
    report.add({ figure: 'Meilisearch: plain index build wall time', value: round(plainSeconds, 1), unit: 's', documents: records.length, meilisearch_processing_s: round(plainProcessing, 1) });
    report.add({
      figure: 'Meilisearch: vnsearch index build wall time',
      value: round(build.seconds, 1),
      unit: 's',
      meilisearch_processing_s: round(oursProcessing, 1),
      indexer_peak_rss_mib: round(build.peakBytes / 2 ** 20, 1),
    });
    report.add({ figure: 'Meilisearch: index build, vnsearch / plain', value: round(build.seconds / plainSeconds, 2), unit: '×', target: { max: 1.5 } });

    const server = await startServe(options.dataDir, env);
    const api = keepAliveClient(server.url);
    // Our engine sends a search's requests in parallel: as many connections as a plan has requests.
    const meili = keepAliveClient(url, 8);
    const auth = { authorization: `Bearer ${key}` };
    const synonyms = loadSearchSynonyms();
    try {
      const ready = await api.get('/readyz');
      if (ready.status !== 200) throw new Error(`the server is not ready: ${ready.status}`);
      progress(`sequential latency over ${queries.length} queries, each seen for the first time`);
      const samples = { api: [] as number[], requests: [] as number[], plain: [] as number[], overhead: [] as number[], meiliProcessing: [] as number[] };
      let non2xx = 0;
      for (const q of queries) {
        let started = performance.now();
        const answer = await api.get(`/api/search?${new URLSearchParams({ q })}`);
        const apiMs = performance.now() - started;
        if (answer.status !== 200) non2xx++;
        const request: SearchRequest = { q, filters: {}, sort: 'relevance', limit: 10, offset: 0 };
        const plan = buildSearchPlan(ours, request, analyzeQuery(q, synonyms));
        started = performance.now();
        const responses = await Promise.all([plan.hits, ...plan.facetCounts.map((count) => count.request)].map((body) => meili.postJson('/multi-search', body, auth)));
        const requestsMs = performance.now() - started;
        samples.meiliProcessing.push(Math.max(...responses.map(({ json }) => Number((json as { processingTimeMs?: number }).processingTimeMs ?? NaN))));
        started = performance.now();
        await meili.postJson(`/indexes/${plain}/search`, { q }, auth);
        samples.plain.push(performance.now() - started);
        samples.api.push(apiMs);
        samples.requests.push(requestsMs);
        samples.overhead.push(apiMs - requestsMs);
      }
      const at = (values: number[], p: number) => round(percentile(ascending(values), p), 2);
      const common = { queries: queries.length, sequential: true };
      report.add({ figure: 'Meilisearch: API search latency p50', value: at(samples.api, 50), unit: 'ms', target: { max: 10 }, ...common, non_2xx: non2xx });
      report.add({ figure: 'Meilisearch: API search latency p99', value: at(samples.api, 99), unit: 'ms', ...common });
      report.add({
        figure: "Meilisearch: our engine's requests sent directly, p50",
        value: at(samples.requests, 50),
        unit: 'ms',
        ...common,
        meilisearch_processing_p50_ms: at(samples.meiliProcessing, 50),
      });
      report.add({ figure: "Meilisearch: API overhead over its requests' time, p50", value: at(samples.overhead, 50), unit: 'ms', target: { max: 2 }, ...common, p95: at(samples.overhead, 95) });
      report.add({ figure: 'Meilisearch: plain search latency p50', value: at(samples.plain, 50), unit: 'ms', ...common });
      report.add({ figure: 'Meilisearch: plain search latency p99', value: at(samples.plain, 99), unit: 'ms', ...common });
      report.add({ figure: 'Meilisearch: API search p50, vnsearch / plain', value: round(at(samples.api, 50) / at(samples.plain, 50), 2), unit: '×' });

      progress(`load: ${options.connections} connections for ${options.loadSeconds} s, our API then plain Meilisearch`);
      const loaded = await loadTest(
        server.url,
        queries.map((q) => `/api/search?${new URLSearchParams({ q })}`),
        options.connections,
        options.loadSeconds,
      );
      const plainLoaded = await loadTest(
        url,
        queries.map((q) => ({ path: `/indexes/${plain}/search`, method: 'POST' as const, body: JSON.stringify({ q }), headers: { 'content-type': 'application/json', ...auth } })),
        options.connections,
        options.loadSeconds,
      );
      const load = { connections: options.connections, seconds: options.loadSeconds };
      report.add({
        figure: 'Meilisearch: API under load requests/s',
        value: loaded.requests_per_second,
        unit: 'req/s',
        ...load,
        p99_ms: loaded.latency_p99_ms,
        errors: loaded.errors + loaded.non_2xx,
      });
      report.add({
        figure: 'Meilisearch: plain under load requests/s',
        value: plainLoaded.requests_per_second,
        unit: 'req/s',
        ...load,
        p99_ms: plainLoaded.latency_p99_ms,
        errors: plainLoaded.errors + plainLoaded.non_2xx,
      });
      report.add({ figure: 'Meilisearch: under load, vnsearch / plain requests/s', value: round(loaded.requests_per_second / plainLoaded.requests_per_second, 2), unit: '×' });
    } finally {
      api.close();
      meili.close();
      await server.stop();
    }
  } finally {
    if (options.keepIndexes) progress(`indexes kept: ${ours}, ${plain}`);
    else
      for (const uid of [ours, plain])
        await admin
          .deleteIndex(uid)
          .waitTask({ timeout: TASK_TIMEOUT_MS })
          .catch(() => undefined);
  }
}
