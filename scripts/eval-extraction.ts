/**
 * Precision and recall of the party and country facets against hand labels:
 * `npm run eval:extraction -- CORPUS.jsonl.gz LABELS.json [--errors]`.
 *
 * Corpus articles are extracted as the indexer extracts them (recordToDocument); labelled files
 * (docs-corpus/) through extractDocument. Figures are micro-averaged over (article, value) pairs,
 * per part (see partOf): `tuning`, then each held-out batch as `batch NAME` and all of them pooled,
 * whose figures are for the end of a piece of work; then how far two readers agree on each facet
 * where a second reader labelled it. `--errors` lists the tuning part's false positives and misses; a
 * held-out batch's are never listed, so that nothing is tuned on them.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { decodeInput, extractDocument, formatOf, recordToDocument } from '../src/extraction/index.ts';
import { idOfFile } from '../src/indexing/inputs.ts';
import type { SearchDocument } from '../src/types/document.ts';
import { HELD_OUT, labelKey, type LabelledArticle, loadLabelsOrExit, partOf, partsOf, readersAgreement } from './lib/extraction-labels.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { errors: { type: 'boolean', default: false } },
});
const [corpus, labelsPath] = positionals;
const USAGE = 'usage: npm run eval:extraction -- CORPUS.jsonl.gz LABELS.json [--errors]';
if (!corpus || !labelsPath) {
  console.error(USAGE);
  process.exit(2);
}
if (!existsSync(corpus)) {
  console.error(`no such corpus: ${corpus}\n${USAGE}`);
  process.exit(2);
}

const labelFile = loadLabelsOrExit(labelsPath);
const labels = labelFile.articles;
const wanted = new Set(labels.flatMap((article) => (article.id === undefined ? [] : [article.id])));
const documents = new Map<string, SearchDocument>();
const input = createReadStream(corpus);
let lineNumber = 0;
for await (const line of createInterface({ input: corpus.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity })) {
  lineNumber++;
  const id = /^\s*\{\s*"id"\s*:\s*"?([^",]+)/.exec(line)?.[1];
  if (id === undefined || !wanted.has(id)) continue;
  documents.set(id, recordToDocument(JSON.parse(line), corpus, lineNumber));
}
for (const article of labels) {
  if (article.file === undefined) continue;
  const file = resolve(article.file);
  const text = decodeInput(readFileSync(file), file);
  documents.set(labelKey(article), extractDocument({ id: idOfFile(file), file, text, format: formatOf(file) ?? 'txt' }));
}

type Facet = 'countries' | 'parties';
const FACETS: Facet[] = ['countries', 'parties'];
interface Counts {
  truePositives: number;
  falsePositives: number;
  misses: number;
  articles: number;
}
const counts = new Map<string, Counts>();
const countsOf = (part: string, facet: Facet) => {
  const key = `${part}/${facet}`;
  if (!counts.has(key)) counts.set(key, { truePositives: 0, falsePositives: 0, misses: 0, articles: 0 });
  return counts.get(key)!;
};
const errors: string[] = [];
const missing: string[] = [];

for (const article of labels) {
  const key = labelKey(article);
  const document = documents.get(key);
  if (!document) {
    missing.push(key);
    continue;
  }
  const part = partOf(labelFile, article);
  for (const facet of FACETS) {
    const expected = new Set(article[facet]);
    const found = new Set(document[facet]);
    const falsePositives = [...found].filter((value) => !expected.has(value));
    const misses = [...expected].filter((value) => !found.has(value));
    for (const tally of part === 'tuning' ? [countsOf(part, facet)] : [countsOf(part, facet), countsOf(HELD_OUT, facet)]) {
      tally.articles++;
      tally.truePositives += found.size - falsePositives.length;
      tally.falsePositives += falsePositives.length;
      tally.misses += misses.length;
    }
    if (part === 'tuning' && (falsePositives.length > 0 || misses.length > 0)) errors.push(describe(article, facet, falsePositives, misses));
  }
}

function describe(article: LabelledArticle, facet: Facet, falsePositives: string[], misses: string[]): string {
  const parts = [falsePositives.length > 0 ? `extra ${JSON.stringify(falsePositives)}` : '', misses.length > 0 ? `missed ${JSON.stringify(misses)}` : ''];
  return `${labelKey(article)} ${facet}: ${parts.filter(Boolean).join(', ')}`;
}

const ratio = (numerator: number, denominator: number) => (denominator === 0 ? 'n/a' : (numerator / denominator).toFixed(3));
if (missing.length > 0) console.error(`not found in ${corpus}: ${missing.join(', ')}`);
const parts = partsOf(labelFile);
const partWidth = Math.max(9, ...parts.map((part) => part.length));
console.log(`${'part'.padEnd(partWidth)} facet      articles  precision  recall  (tp/fp/missed)`);
for (const part of parts) {
  for (const facet of FACETS) {
    const { truePositives: tp, falsePositives: fp, misses: fn, articles } = countsOf(part, facet);
    console.log(`${part.padEnd(partWidth)} ${facet.padEnd(10)} ${String(articles).padStart(8)}  ${ratio(tp, tp + fp).padStart(9)}  ${ratio(tp, tp + fn).padStart(6)}  (${tp}/${fp}/${fn})`);
  }
}
for (const facet of FACETS) {
  const { articles: readTwice, agreed, onlySecond, onlyFirst } = readersAgreement(labels, facet);
  if (readTwice === 0) continue;
  console.log(
    `two readers, ${facet}: the second's precision ${ratio(agreed, agreed + onlySecond)} and recall ${ratio(agreed, agreed + onlyFirst)} against the first, over ${readTwice} articles read apart (${agreed}/${onlySecond}/${onlyFirst})`,
  );
}
if (values.errors) for (const line of errors) console.log(line);
