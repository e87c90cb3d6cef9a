/**
 * Streams a JSON Lines corpus (.jsonl or .jsonl.gz) through recordToDocument and prints the facet
 * distribution: top parties, countries, years, sources, date evidence, and throughput.
 *
 *   npx tsx scripts/facet-report.ts ../shared/corpus/baomoi-2017.jsonl.gz [--top N] [--sample N] [--seed N]
 *
 * `--sample N` also prints N random documents (title, lead, facets) for checking by hand.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { InputError } from '../src/errors.ts';
import { recordToDocument } from '../src/extraction/index.ts';
import type { SearchDocument } from '../src/types/document.ts';
import { mulberry32 } from './lib/random.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '25' },
    sample: { type: 'string', default: '0' },
    seed: { type: 'string', default: '42' },
  },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npx tsx scripts/facet-report.ts FILE.jsonl[.gz] [--top N] [--sample N] [--seed N]');
  process.exit(2);
}
const top = Number(values.top);
const sampleSize = Number(values.sample);

const counters = {
  party: new Map<string, number>(),
  country: new Map<string, number>(),
  year: new Map<string, number>(),
  source: new Map<string, number>(),
  date_source: new Map<string, number>(),
};
const bump = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
const failures = new Map<string, number>();
const random = mulberry32(Number(values.seed));
const sample: SearchDocument[] = [];
let documents = 0;
let withParty = 0;
let withCountry = 0;
let lineNumber = 0;

const started = performance.now();
const input = createReadStream(file);
const lines = createInterface({ input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity });
for await (const line of lines) {
  lineNumber++;
  if (line.trim() === '') continue;
  try {
    const document = recordToDocument(JSON.parse(line), file, lineNumber);
    documents++;
    for (const party of document.parties) bump(counters.party, party);
    for (const country of document.countries) bump(counters.country, country);
    bump(counters.year, String(document.year));
    bump(counters.source, String(document.source));
    bump(counters.date_source, String(document.date_source));
    if (document.parties.length > 0) withParty++;
    if (document.countries.length > 0) withCountry++;
    // Reservoir sampling keeps a uniform sample without holding the corpus.
    if (sample.length < sampleSize) sample.push(document);
    else if (sampleSize > 0) {
      const slot = Math.floor(random() * documents);
      if (slot < sampleSize) sample[slot] = document;
    }
  } catch (error) {
    const reason = error instanceof InputError ? error.message : `invalid JSON: ${(error as Error).message}`;
    bump(failures, reason);
  }
}
const seconds = (performance.now() - started) / 1000;

function table(title: string, counts: Map<string, number>, limit = top): void {
  console.log(`\n${title} (${counts.size} distinct)`);
  for (const [key, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    console.log(`  ${String(count).padStart(7)}  ${((count / documents) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
}

console.log(`${file}: ${documents} documents, ${[...failures.values()].reduce((a, b) => a + b, 0)} failed, ` + `${seconds.toFixed(1)} s, ${Math.round(documents / seconds)} docs/s`);
console.log(`with a party: ${withParty} (${((withParty / documents) * 100).toFixed(1)}%), ` + `with a country: ${withCountry} (${((withCountry / documents) * 100).toFixed(1)}%)`);
table('parties', counters.party);
table('countries', counters.country);
table('years', counters.year);
table('date evidence', counters.date_source);
table('sources', counters.source);
if (failures.size > 0) table('failures', failures);

for (const document of sample) {
  console.log(`\n--- ${document.id} | ${document.title}`);
  console.log(`    ${document.body.replace(/\s+/g, ' ').slice(0, 400)}`);
  console.log(`    parties: ${JSON.stringify(document.parties)} countries: ${JSON.stringify(document.countries)} ` + `year: ${document.year} (${document.date_source}) source: ${document.source}`);
}
