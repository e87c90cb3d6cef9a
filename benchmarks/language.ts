/**
 * Throughput of the Vietnamese language layer over a .jsonl.gz corpus of articles
 * ({title, sapo, body} per line): characters per second of each function (median of a few runs)
 * and peak RSS, one JSON line per figure.
 * Usage: npx tsx benchmarks/language.ts ../shared/corpus/baomoi-2017.jsonl.gz [runs]
 */
import { readFileSync } from 'node:fs';
import { resourceUsage } from 'node:process';
import { gunzipSync } from 'node:zlib';
import { cleanText, foldText, normalizeForMatching, segmentText, tokenize } from '../src/vietnamese/index.ts';

function loadTexts(path: string): string[] {
  const texts: string[] = [];
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { title?: string; sapo?: string; body?: string };
    texts.push([record.title, record.sapo, record.body].filter(Boolean).join('\n'));
  }
  return texts;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Characters per second of one pass of `task` over every text; the results are kept so no pass is optimized away. */
function charsPerSecond(texts: readonly string[], chars: number, task: (text: string) => unknown): number {
  let sink = 0;
  const started = process.hrtime.bigint();
  for (const text of texts) {
    const result = task(text);
    sink += typeof result === 'string' ? result.length : Array.isArray(result) ? result.length : 0;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (sink < 0) console.log(sink);
  return chars / seconds;
}

const path = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
if (path === undefined) {
  console.error('usage: language.ts CORPUS.jsonl.gz [runs]');
  process.exit(2);
}
const texts = loadTexts(path);
const chars = texts.reduce((sum, text) => sum + text.length, 0);
const tasks: Record<string, (text: string) => unknown> = {
  cleanText,
  normalizeForMatching,
  foldText,
  tokenize,
  segmentText,
  'normalizeForMatching+foldText+segmentText': (text) => [normalizeForMatching(text), foldText(text), segmentText(text)],
};
for (const [name, task] of Object.entries(tasks)) {
  const figures = Array.from({ length: runs }, () => charsPerSecond(texts, chars, task));
  console.log(JSON.stringify({ figure: `${name} chars/s`, value: Math.round(median(figures)), runs, chars, documents: texts.length }));
}
console.log(JSON.stringify({ figure: 'peak RSS bytes', value: resourceUsage().maxRSS * 1024 }));
