/**
 * Draws the articles labelled by hand in tests/fixtures/extraction-labels.json and prints them for
 * labelling: `npx tsx scripts/sample-extraction-labels.ts CORPUS.jsonl.gz [--seed N] [--random N] [--party N]
 * [--named-party N] [--extracted-party N] [--labels LABELS.json --batch NAME]`.
 *
 * The corpus order is shuffled (Fisher-Yates driven by mulberry32(seed)); the first `--random`
 * articles are the random sample, the next `--party` articles of that order whose text writes
 * `đảng` before a word (`Đảng Dân tiến`, `đảng Cộng hòa`, but also `Đảng ủy`) are the party
 * stratum, and the next `--named-party` articles after those whose text writes `đảng` before a
 * capitalised word, or `Công đảng`, are the named-party stratum, so that parties, rare in random
 * news, get enough mentions to measure. The next `--extracted-party` articles after those to which
 * the extractor gives a party are the extracted-party stratum: once articles that name parties run
 * out, they measure the party facet's precision where it matters, on what it shows. Each stratum
 * continues the same order, so a larger count
 * only adds articles. With `--labels`, articles already labelled there are skipped (all but those of
 * `--batch NAME`, the batch being drawn), so that a new batch never repeats an earlier one and the
 * same command still reproduces it once its labels are in the file.
 *
 * For each article it prints the title, the lead and every passage that a deliberately loose net
 * catches: any capitalised occurrence of a gazetteer alias (diacritics aside), a few capitals and
 * seats of government, and every `đảng`. The net only points the labeller at passages; labels are
 * decided by reading them in context.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { gazetteerConfig } from '../src/config/language-data.ts';
import { recordToDocument } from '../src/extraction/index.ts';
import { labelKey, loadLabelsOrExit } from './lib/extraction-labels.ts';
import { mulberry32 } from './lib/random.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: 'string', default: '2017' },
    random: { type: 'string', default: '150' },
    party: { type: 'string', default: '40' },
    'named-party': { type: 'string', default: '0' },
    'extracted-party': { type: 'string', default: '0' },
    labels: { type: 'string' },
    batch: { type: 'string' },
  },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npx tsx scripts/sample-extraction-labels.ts CORPUS.jsonl.gz [--seed N] [--random N] [--party N] [--named-party N] [--extracted-party N] [--labels LABELS.json --batch NAME]');
  process.exit(2);
}

interface Article {
  id: string;
  title: string;
  sapo?: string;
  body: string;
}

const articles: Article[] = [];
const input = createReadStream(file);
for await (const line of createInterface({ input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity })) {
  if (line.trim() !== '') articles.push(JSON.parse(line) as Article);
}

const random = mulberry32(Number(values.seed));
const order = articles.map((_, index) => index);
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [order[i], order[j]] = [order[j]!, order[i]!];
}

const labelledBefore = new Set(values.labels === undefined ? [] : loadLabelsOrExit(values.labels).articles.flatMap((article) => (article.batch === values.batch ? [] : [labelKey(article)])));
const unlabelled = order.filter((index) => !labelledBefore.has(articles[index]!.id));

const textOf = (article: Article) => `${article.title}\n${article.sapo ?? ''}\n${article.body}`;
const WRITES_PARTY = /(?<!\p{L})đảng\s+\p{L}/iu;
const NAMES_A_PARTY = /(?<!\p{L})(?:[đĐ]ảng\s+\p{Lu}|Công\s+đảng(?!\p{L}))/u;
const randomCount = Number(values.random);
const sample = unlabelled.slice(0, randomCount).map((index) => ({ article: articles[index]!, stratum: 'random' }));
let position = randomCount;
const drawStratum = (stratum: string, count: number, rule: (index: number) => boolean) => {
  const target = sample.length + count;
  for (; position < unlabelled.length && sample.length < target; position++) {
    const index = unlabelled[position]!;
    if (rule(index)) sample.push({ article: articles[index]!, stratum });
  }
};
drawStratum('party', Number(values.party), (index) => WRITES_PARTY.test(textOf(articles[index]!)));
drawStratum('named-party', Number(values['named-party']), (index) => NAMES_A_PARTY.test(textOf(articles[index]!)));
drawStratum('extracted-party', Number(values['extracted-party']), (index) => recordToDocument(articles[index], file, index + 1).parties.length > 0);

/** Lowercase without diacritics, one character for one, so that offsets still point into the text. */
const foldChar = (c: string) => (c === 'đ' || c === 'Đ' ? 'd' : c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().charAt(0) || c);
const fold = (text: string) => [...text].map(foldChar).join('');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const EXTRA_CUES = [
  'Washington',
  'Nhà Trắng',
  'Lầu Năm Góc',
  'Kremlin',
  'Moscow',
  'Mát-xcơ-va',
  'Matxcơva',
  'London',
  'Luân Đôn',
  'Paris',
  'Berlin',
  'Bangkok',
  'Viêng Chăn',
  'Phnom Penh',
  'Canberra',
  'Ottawa',
  'Manila',
  'Jakarta',
  'Kuala Lumpur',
  'Brussels',
];
const gazetteer = gazetteerConfig();
const aliases = [
  ...gazetteer.countries.flatMap((country) => [country.name, ...country.aliases.map((alias) => (typeof alias === 'string' ? alias : alias.text))]),
  ...gazetteer.parties.flatMap((party) => [party.name, ...party.aliases.map((alias) => (typeof alias === 'string' ? alias : alias.text))]),
  ...EXTRA_CUES,
];
const folded = [...new Set(aliases.map((alias) => fold(alias).replace(/-/g, ' ')))].sort((a, b) => b.length - a.length);
const NET = new RegExp(`(?<![a-z0-9])(?:${folded.map((alias) => escapeRegExp(alias).replace(/ /g, '[\\s-]*')).join('|')}|dang)(?![a-z0-9])`, 'g');

for (const { article, stratum } of sample) {
  const text = textOf(article).replace(/\s+/g, ' ');
  console.log(`\n=== ${article.id} [${stratum}] ${article.title}`);
  console.log(`  lead: ${(article.sapo ?? '').slice(0, 300)}`);
  let lastEnd = -1;
  for (const match of fold(text).matchAll(NET)) {
    const start = match.index;
    const original = text.slice(start, start + match[0].length);
    const wanted = match[0] === 'dang' ? original.toLowerCase() === 'đảng' : original.charAt(0) !== original.charAt(0).toLowerCase();
    if (!wanted) continue;
    if (start < lastEnd) continue;
    lastEnd = start + 60;
    console.log(`  | ${text.slice(Math.max(0, start - 60), start)}[${original}]${text.slice(start + match[0].length, start + match[0].length + 60)}`);
  }
}
