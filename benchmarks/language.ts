/**
 * Throughput of the Vietnamese language layer over a .jsonl or .jsonl.gz corpus of articles
 * ({title, sapo, body} per line): characters per second of each public function on one core
 * (median of `runs` passes), then peak RSS, one JSON line per figure.
 *
 * The corpus is streamed: each pass decompresses and parses it again and keeps only one article
 * at a time, so memory stays that of the language layer and not of 94 M characters held in memory.
 * Decompression and parsing are timed out: only the language calls count. `--max-mb=N` measures
 * the first N MB of decompressed corpus only (default: all of it).
 *
 * Usage: npx tsx benchmarks/language.ts ../shared/corpus/baomoi-2017.jsonl.gz [runs] [--max-mb=N]
 */
import { createReadStream } from 'node:fs';
import { resourceUsage } from 'node:process';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { cleanText, confidentTextWords, foldNormalized, foldText, normalizeForMatching, segmentText, tokenize, toExactKey } from '../src/vietnamese/index.ts';

/** Each article's text (title, sapo and body, one per line), streamed from the corpus up to maxBytes of it. */
async function* articles(path: string, maxBytes: number): AsyncGenerator<string> {
  let bytes = 0;
  const lines = createInterface({ input: path.endsWith('.gz') ? createReadStream(path).pipe(createGunzip()) : createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    if (bytes >= maxBytes) break;
    bytes += Buffer.byteLength(line) + 1;
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { title?: string; sapo?: string; body?: string };
    yield [record.title, record.sapo, record.body].filter(Boolean).join('\n');
  }
}

/**
 * A function under test, returning the length of its result so that no call can be optimized away.
 * A per-token task is called on each token of the article, as the indexer does; the tokens are
 * found outside the timed region.
 */
interface Task {
  run: (input: string) => number;
  perToken?: boolean;
}

const tasks: Record<string, Task> = {
  cleanText: { run: (text) => cleanText(text).length },
  normalizeForMatching: { run: (text) => normalizeForMatching(text).length },
  foldText: { run: (text) => foldText(text).length },
  tokenize: { run: (text) => tokenize(text).length },
  'toExactKey per token': { run: (token) => toExactKey(token).length, perToken: true },
  segmentText: { run: (text) => segmentText(text).length },
  // What the indexer segments each document with.
  confidentTextWords: { run: (text) => confidentTextWords(text).length },
  // The text's matching form, its folding and its segmentation, as a caller that needs all three
  // gets them: normalized once, since foldText(text) is foldNormalized(normalizeForMatching(text)).
  'normalizeForMatching+foldText+segmentText': {
    run: (text) => {
      const normalized = normalizeForMatching(text);
      return normalized.length + foldNormalized(normalized).length + segmentText(text).length;
    },
  },
};

interface Pass {
  chars: number;
  documents: number;
  seconds: number;
}

async function measure(path: string, maxBytes: number, task: Task): Promise<Pass> {
  let chars = 0;
  let documents = 0;
  let nanoseconds = 0n;
  let sink = 0;
  for await (const text of articles(path, maxBytes)) {
    const inputs = task.perToken ? tokenize(text).map((token) => token.text) : [text];
    const started = process.hrtime.bigint();
    for (const input of inputs) sink += task.run(input);
    nanoseconds += process.hrtime.bigint() - started;
    chars += text.length;
    documents++;
  }
  if (sink < 0) console.log(sink);
  return { chars, documents, seconds: Number(nanoseconds) / 1e9 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const args = process.argv.slice(2);
const maxMbArg = args.find((arg) => arg.startsWith('--max-mb='));
const [path, runsArg] = args.filter((arg) => !arg.startsWith('--'));
const runs = Number(runsArg ?? 3);
const maxBytes = maxMbArg === undefined ? Infinity : Number(maxMbArg.slice('--max-mb='.length)) * 1024 * 1024;
if (path === undefined || !(runs >= 1) || Number.isNaN(maxBytes)) {
  console.error('usage: language.ts CORPUS.jsonl[.gz] [runs] [--max-mb=N]');
  process.exit(2);
}
for (const [name, task] of Object.entries(tasks)) {
  const passes: Pass[] = [];
  for (let run = 0; run < runs; run++) passes.push(await measure(path, maxBytes, task));
  const { chars, documents } = passes[0]!;
  const value = Math.round(median(passes.map((pass) => pass.chars / pass.seconds)));
  console.log(JSON.stringify({ figure: `${name} chars/s`, value, runs, chars, documents, cores: 1 }));
}
console.log(JSON.stringify({ figure: 'peak RSS bytes', value: resourceUsage().maxRSS * 1024 }));
