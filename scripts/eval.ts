/**
 * Relevance evaluation on a corpus:
 *   npm run eval -- CORPUS.jsonl.gz QUERIES.json [--engine sqlite|meilisearch] [--data-dir DIR]
 *                    [--word-queries "hàng không,sinh học"] [--words WORDS.json]
 * Indexes the corpus (reused across runs; Meilisearch through MEILI_URL and MEILI_MASTER_KEY),
 * sends every query through the HTTP API as a client would, and prints one line of JSON with the
 * figures. Word-boundary precision is judged by an independent segmentation (`lib/word-boundaries.ts`).
 * `--words` names a second set of pairs (single words and their twins, `pairs` format), measured
 * like the pairs of QUERIES.json: `words_p10`, `words_title_clashes`.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createApp } from '../src/api/app.ts';
import { normalizeForMatching } from '../src/vietnamese/index.ts';
import { openCorpusIndex, percentile, round } from './lib/corpus-index.ts';
import { DEFAULT_WORD_BOUNDARY_QUERIES, KNOWN_ITEM_VARIANTS, loadEvalQueries } from './lib/queries.ts';
import { WordBoundaryJudge } from './lib/word-boundaries.ts';
import { titleClashShare } from './lib/title-clashes.ts';

const USAGE = 'usage: npm run eval -- CORPUS.jsonl.gz QUERIES.json [--engine sqlite|meilisearch] [--data-dir DIR] [--word-queries "hàng không,sinh học"] [--words WORDS.json]';
const { values, positionals } = parseArgs({
  options: { 'data-dir': { type: 'string' }, engine: { type: 'string', default: 'sqlite' }, 'word-queries': { type: 'string' }, words: { type: 'string' } },
  allowPositionals: true,
});
const [corpus, queriesPath] = positionals;
const engineName = values.engine;
if (!corpus || !queriesPath || (engineName !== 'sqlite' && engineName !== 'meilisearch')) {
  console.error(USAGE);
  process.exit(2);
}
const absent = [corpus, queriesPath, values.words].find((path) => path !== undefined && !existsSync(path));
if (absent !== undefined) {
  console.error(`no such file: ${absent}\n${USAGE}`);
  process.exit(2);
}

const { engine, summary } = await openCorpusIndex(corpus, { engine: engineName, ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}) });
console.error(`index: ${summary}`);
const queries = loadEvalQueries(queriesPath);
const server = createApp({ engine, logger: pino({ level: 'silent' }) }).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address() as { port: number };

const latencies: number[] = [];
async function search(q: string): Promise<{ id: string; title: string }[]> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}/api/search?${new URLSearchParams({ q, limit: '10' })}`);
  const body = (await response.json()) as { hits: { id: string; title: string }[] };
  latencies.push(performance.now() - started);
  if (!response.ok) throw new Error(`search "${q}" answered ${response.status}: ${JSON.stringify(body)}`);
  return body.hits;
}

/** Normalized, lowercase, with word boundaries as single spaces, so phrase containment is exact. */
const comparable = (text: string) =>
  ` ${normalizeForMatching(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/**
 * For each side of each pair, typed with its diacritics: the share of the top 10 holding the exact
 * phrase (p10), and the share whose titles hold a twin of it instead (title clashes).
 */
async function pairFigures(pairs: readonly (readonly string[])[]): Promise<{ p10: number; titleClashes: number }> {
  let holdingShares = 0;
  let clashShares = 0;
  let sides = 0;
  for (const pair of pairs) {
    for (const phrase of pair) {
      const hits = await search(phrase);
      const wanted = comparable(phrase);
      let holding = 0;
      for (const hit of hits) {
        const document = await engine.getDocument(hit.id);
        if (document && comparable(`${document.title}\n${document.body}`).includes(wanted)) holding++;
      }
      holdingShares += hits.length === 0 ? 0 : holding / 10;
      clashShares += titleClashShare(
        phrase,
        hits.map((hit) => hit.title),
      );
      sides++;
    }
  }
  return { p10: round(holdingShares / sides), titleClashes: round(clashShares / sides) };
}

const pairs = await pairFigures(queries.pairs);
const figures: Record<string, unknown> = { engine: engineName, pairs_p10: pairs.p10, pairs_title_clashes: pairs.titleClashes };
if (values.words) {
  const words = await pairFigures(loadEvalQueries(values.words).pairs);
  figures.words_p10 = words.p10;
  figures.words_title_clashes = words.titleClashes;
}
for (const variant of KNOWN_ITEM_VARIANTS) {
  let found = 0;
  let reciprocalRanks = 0;
  let count = 0;
  for (const item of queries.known_items) {
    const q = item[variant];
    if (q === null) continue;
    count++;
    const hits = await search(q);
    const rank = hits.findIndex((hit) => hit.id === item.id || comparable(hit.title) === comparable(item.title));
    if (rank >= 0) {
      found++;
      reciprocalRanks += 1 / (rank + 1);
    }
  }
  figures[variant] = { s10: round(found / count), mrr: round(reciprocalRanks / count), queries: count };
}
// Word-boundary precision: of the top-10 hits of each query, the share in which its syllables
// form the word somewhere in the title or body, not only touch across a word boundary.
const judge = WordBoundaryJudge.fromViet74K();
const wordQueries =
  values['word-queries']
    ?.split(',')
    .map((q) => q.trim())
    .filter(Boolean) ??
  queries.word_boundary ??
  DEFAULT_WORD_BOUNDARY_QUERIES;
let formed = 0;
let judged = 0;
const perWordQuery: Record<string, number> = {};
for (const q of wordQueries) {
  const hits = await search(q);
  let formedHere = 0;
  for (const hit of hits) {
    const document = await engine.getDocument(hit.id);
    if (document && judge.formsWord(q, `${document.title}\n${document.body}`)) formedHere++;
  }
  perWordQuery[q] = hits.length === 0 ? 0 : round(formedHere / hits.length);
  formed += formedHere;
  judged += hits.length;
}
figures.word_boundary = { precision: judged === 0 ? 0 : round(formed / judged), queries: wordQueries.length, by_query: perWordQuery };

const sorted = [...latencies].sort((a, b) => a - b);
figures.latency_ms = { p50: round(percentile(sorted, 50), 2), p95: round(percentile(sorted, 95), 2), queries: sorted.length };
console.log(JSON.stringify(figures));
server.close();
await engine.close();
