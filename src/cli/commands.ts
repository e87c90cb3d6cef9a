import { readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { loadSettings, type SettingOverrides, type Settings } from '../config/settings.ts';
import { createEngine, manifestPath } from '../engines/create.ts';
import { decodeInput, extractDocument, recordToDocument } from '../extraction/index.ts';
import { runIndex, type IndexSummary } from '../indexing/indexer.ts';
import { idOfFile, kindOf } from '../indexing/inputs.ts';
import { startServer } from '../api/server.ts';
import { loadSearchSynonyms } from '../search/synonyms.ts';
import type { SearchRequest } from '../types/search.ts';
import { segmentText } from '../vietnamese/index.ts';
import { progressBar } from './progress.ts';
import { serveOnWorkers } from './cluster.ts';
import cluster from 'node:cluster';
import { UsageError } from './usage-error.ts';
import { childProcessReindex, EXIT_LOCKED, LOCKED_MESSAGE } from './reindex-child.ts';
import { readRunStatus, writeRunStatus, type RunStatus } from '../indexing/run-status.ts';
import { IndexLockedError, VnsearchError } from '../errors.ts';

export interface IndexCommandOptions extends SettingOverrides {
  paths: string[];
  rebuild: boolean;
  maxFileBytes?: number;
  /** Set by the admin API: the run's status is kept in the data directory under this id. */
  runId?: string;
}

function printSummary(summary: IndexSummary): void {
  console.log(`Indexed ${summary.indexed}, unchanged ${summary.unchanged}, deleted ${summary.deleted}, failed ${summary.failed.length} (${summary.files} files, ${summary.seconds.toFixed(1)} s).`);
  const skipped = Object.entries(summary.skipped).sort(([a], [b]) => a.localeCompare(b));
  if (skipped.length > 0) {
    const count = skipped.reduce((sum, [, n]) => sum + n, 0);
    console.log(`Skipped ${count} ${count === 1 ? 'file' : 'files'} of unsupported types: ${skipped.map(([type, n]) => `${type} ${n}`).join(', ')} (indexed: .txt, .md, .html, .jsonl, .jsonl.gz).`);
  }
  for (const failure of summary.failed) console.log(`  failed: ${failure.file}${failure.line === undefined ? '' : `:${failure.line}`}: ${failure.reason}`);
}

/** One indexing run with the indexer's engine (it holds the admin key), closed afterwards. */
async function indexWith(settings: Settings, paths: readonly string[], options: { rebuild: boolean; maxFileBytes?: number; progress?: boolean; onLocked?: () => void }): Promise<IndexSummary> {
  const engine = createEngine(settings, loadSearchSynonyms(), 'indexer');
  const bar = progressBar(options.progress ? process.stderr : null);
  try {
    const summary = await runIndex({
      inputs: paths.length > 0 ? paths : settings.indexPaths,
      engine,
      manifestPath: manifestPath(settings),
      rebuild: options.rebuild,
      ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
      ...(settings.indexThreads !== undefined ? { threads: settings.indexThreads } : {}),
      onProgress: (progress) => bar.update(progress),
      ...(options.onLocked ? { onLocked: options.onLocked } : {}),
    });
    bar.done();
    return summary;
  } finally {
    await engine.close();
  }
}

/**
 * Returns the exit code: 0 when everything indexed, 1 when some input failed, EXIT_LOCKED when
 * another run holds the data directory. A run started by the admin API (`runId`) records how it
 * goes in the data directory and tells its parent when it holds the lock.
 */
export async function indexCommand(options: IndexCommandOptions): Promise<number> {
  const settings = loadSettings(process.env, options);
  const { runId } = options;
  // The serving process that started the run wrote when, and that it started it: the run keeps both.
  const { started_at = new Date().toISOString(), parent_pid } = (runId && readRunStatus(settings.dataDir, runId)) || {};
  const report = (status: Pick<RunStatus, 'status' | 'summary' | 'error'>) =>
    runId &&
    writeRunStatus(settings.dataDir, {
      id: runId,
      started_at,
      pid: process.pid,
      ...(parent_pid === undefined ? {} : { parent_pid }),
      ...status,
      ...(status.status === 'running' ? {} : { finished_at: new Date().toISOString() }),
    });
  let summary: IndexSummary;
  try {
    summary = await indexWith(settings, options.paths, {
      ...options,
      progress: !runId,
      onLocked: () => {
        report({ status: 'running' });
        process.send?.(LOCKED_MESSAGE);
      },
    });
  } catch (error) {
    if (error instanceof IndexLockedError) {
      console.error(`vnsearch: ${error.message}`);
      return EXIT_LOCKED;
    }
    report({ status: 'failed', error: error instanceof VnsearchError ? error.message : 'internal error (see the log)' });
    throw error;
  }
  const { files, indexed, unchanged, deleted, failed, skipped } = summary;
  report({ status: 'succeeded', summary: { files, indexed, unchanged, deleted, failed: failed.length, skipped } });
  printSummary(summary);
  return failed.length > 0 ? 1 : 0;
}

/** Log output held in memory while stdout does not keep up: about a minute of access log at 1,000 requests/s. */
const LOG_BUFFER_BYTES = 16 * 2 ** 20;

async function serveInThisProcess(settings: Settings, announce: boolean): Promise<void> {
  // Written off the event loop: a synchronous write per access-log line costs every request a
  // syscall and stalls the API whenever the log reader falls behind. pino flushes it on exit; a
  // reader stuck for good loses lines beyond the bound rather than filling the memory.
  const logger = pino({ level: settings.logLevel }, pino.destination({ sync: false, maxLength: LOG_BUFFER_BYTES }));
  // Listening for SIGTERM before anything starts: until a listener is installed, Node's default
  // action ends the process at once, and a supervisor that signals as soon as it reads "listening"
  // (or during start-up) would otherwise kill it uncleanly.
  let shutdown: ((signal: string) => void) | undefined;
  let signalledDuringStart: string | undefined;
  const onSignal = (signal: string) => (shutdown ? shutdown(signal) : (signalledDuringStart = signal));
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  const engine = createEngine(settings, loadSearchSynonyms(), 'api');
  const server = await startServer(settings, engine, logger, childProcessReindex(settings)).catch(async (error: unknown) => {
    await engine.close();
    // Asked to stop before it was up (the primary stops every worker when one could not start):
    // it stops, and its own failure to start, the same as the sibling's already reported, is moot.
    if (signalledDuringStart) process.exit(0);
    throw error;
  });
  shutdown = (signal) => {
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  if (signalledDuringStart) shutdown(signalledDuringStart);
  else if (announce) console.log(`vnsearch (${settings.engine}) listening on ${server.url}`);
}

export async function serveCommand(overrides: SettingOverrides): Promise<void> {
  const settings = loadSettings(process.env, overrides);
  await serveOnWorkers(
    settings.workers,
    () => serveInThisProcess(settings, settings.workers <= 1),
    (url) => console.log(`vnsearch (${settings.engine}, ${settings.workers} workers) listening on ${url}`),
  );
}

/** What `npm start` runs: bring the index of INDEX_PATHS (docs-corpus by default) up to date, then serve. */
export async function startCommand(overrides: SettingOverrides): Promise<void> {
  // Cluster workers re-run this command: only the primary indexes.
  if (cluster.isPrimary) await indexCommand({ ...overrides, paths: [], rebuild: false });
  await serveCommand(overrides);
}

export interface SearchCommandOptions extends SettingOverrides {
  query: string;
  party: string[];
  country: string[];
  year: number[];
  limit: number;
  json: boolean;
}

const stripTags = (html: string) =>
  html
    .replace(/<\/?mark>/g, '*')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

export async function searchCommand(options: SearchCommandOptions): Promise<void> {
  const settings = loadSettings(process.env, options);
  const engine = createEngine(settings, loadSearchSynonyms(), 'api');
  try {
    const request: SearchRequest = {
      q: options.query,
      filters: {
        ...(options.party.length ? { party: options.party } : {}),
        ...(options.country.length ? { country: options.country } : {}),
        ...(options.year.length ? { year: options.year } : {}),
      },
      sort: 'relevance',
      limit: options.limit,
      offset: 0,
    };
    const result = await engine.search(request);
    if (options.json) {
      console.log(JSON.stringify({ query: options.query, ...result, did_you_mean: result.didYouMean }, null, 2));
      return;
    }
    const readAs = result.interpreted ? ` (read as "${result.interpreted}")` : result.didYouMean ? ` (did you mean "${result.didYouMean}"?)` : '';
    console.log(`${result.total} ${result.total === 1 ? 'result' : 'results'} for "${options.query}"${readAs}`);
    result.hits.forEach((hit, i) => {
      console.log(`\n${i + 1}. ${hit.title}  [${hit.id}]${hit.date ? `  ${hit.date}` : hit.year ? `  ${hit.year}` : ''}${hit.source ? `  ${hit.source}` : ''}`);
      console.log(`   ${stripTags(hit.snippet)}`);
    });
  } finally {
    await engine.close();
  }
}

/** One line in, one segmented line out, streaming, so it works on large inputs and pipes. */
export async function segmentCommand(): Promise<void> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) process.stdout.write(`${segmentText(line)}\n`);
}

export function extractCommand(file: string, json: boolean): void {
  if (statSync(file).isDirectory()) throw new UsageError(`${file} is a directory: extract reads one file (index directories with \`vnsearch index\`).`);
  const kind = kindOf(file) ?? 'txt';
  if (kind === 'jsonl.gz') throw new UsageError('extract reads one text file; index .jsonl.gz corpora with `vnsearch index`.');
  const text = decodeInput(readFileSync(file), file);
  const documents =
    kind === 'jsonl'
      ? text.split('\n').flatMap((line, i) => (line.trim() === '' ? [] : [recordToDocument(JSON.parse(line) as unknown, file, i + 1)]))
      : [extractDocument({ id: idOfFile(file), file, text, format: kind })];
  for (const document of documents) {
    if (json) {
      console.log(JSON.stringify(document, null, 2));
      continue;
    }
    console.log(`id:        ${document.id}\ntitle:     ${document.title}\ndate:      ${document.date ?? '-'} (year ${document.year ?? '-'}, ${document.date_source ?? 'no date'})`);
    console.log(
      `source:    ${document.source ?? '-'}\nurl:       ${document.url ?? '-'}\nparties:   ${document.parties.join('; ') || '-'}\ncountries: ${document.countries.join('; ') || '-'}\n\n${document.body}\n`,
    );
  }
}
