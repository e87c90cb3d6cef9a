import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { IndexDamagedError, VnsearchError, InputError } from '../errors.ts';
import { PACKAGE_ROOT } from '../config/paths.ts';
import type { SettingOverrides } from '../config/settings.ts';
import { extractCommand, indexCommand, searchCommand, segmentCommand, serveCommand, startCommand } from './commands.ts';
import { UsageError } from './usage-error.ts';
import { MAX_SEARCH_LIMIT, searchQuerySchema } from '../api/schemas.ts';

const HELP = `vnsearch: Vietnamese-aware full-text search

Usage:
  vnsearch index [PATH...] [--engine sqlite|meilisearch] [--data-dir DIR] [--rebuild] [--max-file-bytes N]
      Index files and directories (.txt, .md, .html, .jsonl, .jsonl.gz); default docs-corpus.
      Incremental: unchanged inputs are skipped, removed inputs deleted. --rebuild builds a new
      index aside and swaps it in. Exit code 1 when any input failed, 75 when another run
      holds the data directory (one run at a time).
  vnsearch serve [--port N] [--workers N] [--data-dir DIR] [--engine sqlite|meilisearch]
      Serve the HTTP API, the widget (/widget.js) and a demo page (/); --workers (or
      WEB_CONCURRENCY) runs that many processes on one port, one per core uses them all.
  vnsearch start [--port N] [--workers N] [--data-dir DIR] [--engine ...]
      Index docs-corpus, then serve (what \`npm start\` runs).
  vnsearch search QUERY [--party X] [--country X] [--year N] [--limit N] [--json] [--data-dir DIR] [--engine ...]
      Search from the terminal; --party, --country and --year may repeat.
  vnsearch segment
      Word-segment Vietnamese text from stdin: one output line per input line, syllables of a
      word joined by _ (Đảng Cộng_sản Việt_Nam).
  vnsearch extract FILE [--json]
      Print the document the indexer would store for FILE.

Options:
  -h, --help      Show this help.   -v, --version   Show the version.
Environment: PORT, DATA_DIR, MEILI_URL, MEILI_MASTER_KEY, MEILI_ADMIN_KEY, MEILI_SEARCH_KEY,
  ALLOWED_ORIGINS, RATE_LIMIT_PER_MINUTE, ADMIN_TOKEN, METRICS_TOKEN, LOG_LEVEL (see README, "Configuration").`;

const engineOptions = {
  engine: { type: 'string' },
  'data-dir': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new UsageError(`--${name} must be a non-negative integer, got "${value}"`);
  return number;
}

/** A TCP port, as the settings' PORT allows (0 picks a free one). */
function port(value: string | undefined): number | undefined {
  const number = integer(value, 'port');
  if (number !== undefined && number > 65535) throw new UsageError(`--port must be between 0 and 65535, got "${value}"`);
  return number;
}

/** `--limit` as the API's `limit` takes it. */
function searchLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = searchQuerySchema.shape.limit.safeParse(value);
  if (!parsed.success) throw new UsageError(`--limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}, got "${value}"`);
  return parsed.data;
}

function overrides(values: { engine?: string; 'data-dir'?: string; port?: string; workers?: string }): SettingOverrides {
  const { engine } = values;
  if (engine !== undefined && engine !== 'sqlite' && engine !== 'meilisearch') throw new UsageError(`--engine must be sqlite or meilisearch, got "${engine}"`);
  const listenPort = port(values.port);
  const workers = integer(values.workers, 'workers');
  return {
    ...(engine ? { engine } : {}),
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...(listenPort === undefined ? {} : { port: listenPort }),
    ...(workers ? { workers } : {}),
  };
}

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      console.log(HELP);
      return 0;
    case '-v':
    case '--version':
      console.log((JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
      return 0;
    case 'index': {
      const { values, positionals } = parse(args, { ...engineOptions, rebuild: { type: 'boolean', default: false }, 'max-file-bytes': { type: 'string' }, 'run-id': { type: 'string' } }, true);
      const maxFileBytes = integer(values['max-file-bytes'], 'max-file-bytes');
      const runId = values['run-id'];
      if (runId !== undefined && !/^[0-9a-f-]{36}$/.test(runId)) throw new UsageError(`--run-id must be a UUID, got "${runId}"`);
      return indexCommand({ ...overrides(values), paths: positionals, rebuild: values.rebuild, ...(maxFileBytes ? { maxFileBytes } : {}), ...(runId ? { runId } : {}) });
    }
    case 'serve':
    case 'start': {
      const { values } = parse(args, { ...engineOptions, port: { type: 'string' }, workers: { type: 'string' } }, false);
      await (command === 'serve' ? serveCommand : startCommand)(overrides(values));
      return -1;
    }
    case 'search': {
      const { values, positionals } = parse(
        args,
        {
          ...engineOptions,
          party: { type: 'string', multiple: true, default: [] },
          country: { type: 'string', multiple: true, default: [] },
          year: { type: 'string', multiple: true, default: [] },
          limit: { type: 'string' },
          json: { type: 'boolean', default: false },
        },
        true,
      );
      if (positionals.length === 0 && !values.party.length && !values.country.length && !values.year.length) throw new UsageError('search needs a QUERY (or a filter to browse)');
      await searchCommand({
        ...overrides(values),
        query: positionals.join(' '),
        party: values.party,
        country: values.country,
        year: values.year.map((year) => integer(year, 'year')!),
        limit: searchLimit(values.limit) ?? 10,
        json: values.json,
      });
      return 0;
    }
    case 'segment':
      parse(args, {}, false);
      await segmentCommand();
      return 0;
    case 'extract': {
      const { values, positionals } = parse(args, { json: { type: 'boolean', default: false } }, true);
      if (positionals.length !== 1) throw new UsageError('extract needs exactly one FILE');
      extractCommand(positionals[0]!, values.json);
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** Runs the CLI; `-1` from a command means it keeps running (a server) and sets no exit code. */
export async function main(argv: string[]): Promise<void> {
  try {
    const code = await run(argv);
    if (code >= 0) process.exitCode = code;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`vnsearch: ${error.message}\nRun \`vnsearch --help\` for usage.`);
      process.exitCode = 2;
    } else if (error instanceof IndexDamagedError) {
      console.error(`vnsearch: ${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`);
      process.exitCode = 1;
    } else if (error instanceof InputError) {
      console.error(`vnsearch: ${error.describe()}`);
      process.exitCode = 1;
    } else if (error instanceof VnsearchError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`vnsearch: ${(error as Error).message}`);
      process.exitCode = 1;
    } else {
      throw error;
    }
    // A cluster worker stays connected to its primary, which would keep it alive: let it end.
    if (cluster.isWorker) cluster.worker?.disconnect();
  }
}
