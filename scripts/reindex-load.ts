/**
 * Serving during a re-index: `npm run load:reindex -- CORPUS.jsonl.gz [--modify N] [--idle-seconds 20] [--interval-ms 100]`.
 *
 * Indexes the corpus (reused across runs), copies that index aside, and writes a copy of the
 * corpus in which N records (all by default, spread evenly) have a changed body. It serves the
 * copied index with `INDEX_PATHS` on the changed corpus and searches every `interval-ms`: first
 * idle, then while `POST /api/admin/reindex` brings the index up to date in its child process.
 * Each search asks for the title of a sampled changed document; a document that the idle server
 * finds for its title and the busy one does not is an absence (the index must hold every document,
 * old or new version, at every moment). Prints latency percentiles idle and during the run, the
 * run's duration and summary, the absences, and whether every sampled document ended new.
 */
import { cpSync, createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { parseArgs } from 'node:util';
import { openCorpusIndex, percentile, round } from './lib/corpus-index.ts';
import { keepAliveClient } from './lib/http-client.ts';
import { startServe } from './lib/processes.ts';
import { mulberry32 } from './lib/random.ts';

const { values, positionals } = parseArgs({
  options: {
    modify: { type: 'string' },
    'idle-seconds': { type: 'string', default: '20' },
    'interval-ms': { type: 'string', default: '100' },
    sample: { type: 'string', default: '200' },
  },
  allowPositionals: true,
});
const [corpus] = positionals;
if (!corpus) {
  console.error('usage: npm run load:reindex -- CORPUS.jsonl.gz [--modify N] [--idle-seconds 20] [--interval-ms 100] [--sample 200]');
  process.exit(2);
}
const intervalMs = Number(values['interval-ms']);
const CHANGE = ' Bài viết được cập nhật.';
const ADMIN_TOKEN = 'reindex-load-admin-token';

interface Changed {
  id: string;
  title: string;
}

/** Copies the corpus with `modify` records (evenly spread) given a changed body; returns the changed records. */
async function writeChangedCorpus(source: string, target: string, modify: number | undefined): Promise<Changed[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: createReadStream(source).pipe(createGunzip()), crlfDelay: Infinity })) if (line.trim()) lines.push(line);
  const every = modify === undefined ? 1 : Math.max(1, Math.floor(lines.length / modify));
  const changed: Changed[] = [];
  const output = lines.map((line, i) => {
    if (i % every !== 0 || (modify !== undefined && changed.length >= modify)) return line;
    const record = JSON.parse(line) as { id: string; title: string; body: string };
    changed.push({ id: String(record.id), title: record.title });
    return JSON.stringify({ ...record, body: `${record.body}${CHANGE}` });
  });
  await pipeline(Readable.from(output.map((line) => `${line}\n`)), createGzip(), createWriteStream(target));
  return changed;
}

const { engine, dataDir: cachedDataDir } = await openCorpusIndex(corpus);
await engine.close();
const work = mkdtempSync(join(tmpdir(), 'vnsearch-reindex-load-'));
const dataDir = join(work, 'data');
cpSync(cachedDataDir, dataDir, { recursive: true });
const changedCorpus = join(work, 'corpus.jsonl.gz');
const changed = await writeChangedCorpus(corpus, changedCorpus, values.modify === undefined ? undefined : Number(values.modify));
const random = mulberry32(14);
const sample = [...changed].sort(() => random() - 0.5).slice(0, Number(values.sample));

const server = await startServe(dataDir, { INDEX_PATHS: changedCorpus, ADMIN_TOKEN });
const client = keepAliveClient(server.url, 4);
const searchPath = (doc: Changed) => `/api/search?q=${encodeURIComponent(doc.title)}&limit=50`;
const finds = async (doc: Changed): Promise<{ ms: number; found: boolean; status: number }> => {
  const started = performance.now();
  const { status, json } = await client.getJson(searchPath(doc));
  const ms = performance.now() - started;
  const hits = (json as { hits?: { id: string }[] } | null)?.hits ?? [];
  return { ms, status, found: hits.some((hit) => hit.id === doc.id) };
};

/** Searches every interval until told to stop, cycling through the probes. */
async function probeLoop(probes: Changed[], stop: { done: boolean }): Promise<{ latencies: number[]; absent: number; errors: number; searches: number }> {
  const latencies: number[] = [];
  let absent = 0;
  let errors = 0;
  for (let tick = 0; !stop.done; tick++) {
    const started = performance.now();
    const result = await finds(probes[tick % probes.length]!);
    latencies.push(result.ms);
    if (result.status !== 200) errors++;
    else if (!result.found) absent++;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - (performance.now() - started))));
  }
  return { latencies, absent, errors, searches: latencies.length };
}

const summary = (latencies: number[]) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50), 1), p95: round(percentile(sorted, 95), 1), p99: round(percentile(sorted, 99), 1), max: round(sorted.at(-1) ?? NaN, 1) };
};

try {
  const probes: Changed[] = [];
  for (const doc of sample) if ((await finds(doc)).found) probes.push(doc);
  const idleStop = { done: false };
  const idleRun = probeLoop(probes, idleStop);
  await new Promise((resolve) => setTimeout(resolve, Number(values['idle-seconds']) * 1000));
  idleStop.done = true;
  const idle = await idleRun;

  const busyStop = { done: false };
  const busyRun = probeLoop(probes, busyStop);
  const started = performance.now();
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const accepted = await client.postJson('/api/admin/reindex', {}, admin);
  const acceptMs = performance.now() - started;
  const runId = (accepted.json as { run?: { id: string } }).run?.id;
  let run: { status: string; summary?: unknown; error?: string } = { status: accepted.status === 202 ? 'running' : `refused ${accepted.status}` };
  while (runId && run.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 500));
    run = ((await client.getJson(`/api/admin/reindex/${runId}`, admin)).json as { run: typeof run }).run;
  }
  const runSeconds = (performance.now() - started) / 1000;
  busyStop.done = true;
  const busy = await busyRun;

  let endedNew = 0;
  for (const doc of probes) {
    const { json } = await client.getJson(`/api/documents/${encodeURIComponent(doc.id)}`);
    if ((json as { body?: string } | null)?.body?.endsWith(CHANGE.trim())) endedNew++;
  }
  console.log(
    JSON.stringify({
      changed_records: changed.length,
      probes: probes.length,
      interval_ms: intervalMs,
      idle: { searches: idle.searches, errors: idle.errors, absent: idle.absent, latency_ms: summary(idle.latencies) },
      reindex: { accepted_status: accepted.status, accept_ms: round(acceptMs, 1), status: run.status, seconds: round(runSeconds, 1), summary: run.summary, error: run.error },
      during: { searches: busy.searches, errors: busy.errors, absent: busy.absent, latency_ms: summary(busy.latencies) },
      probes_ending_new: endedNew,
    }),
  );
  if (run.status !== 'succeeded' || busy.absent > 0 || busy.errors > 0 || endedNew !== probes.length) process.exitCode = 1;
} finally {
  client.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
