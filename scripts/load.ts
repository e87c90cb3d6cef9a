/**
 * Load check: `npm run load -- CORPUS.jsonl.gz [QUERIES.json] [--seconds 60] [--connections 32]`.
 * Indexes the corpus (reused across runs), starts `vnsearch serve` and hammers it over loopback
 * with mixed searches (folded, diacritized, Telex, typos, filters, paging), suggestions and
 * document reads. Prints requests/s, latency, errors, non-2xx and the server's memory.
 */
import { parseArgs } from 'node:util';
import { allQueryStrings, loadEvalQueries } from './lib/queries.ts';
import { openCorpusIndex } from './lib/corpus-index.ts';
import { loadTest } from './lib/load.ts';
import { startServe, treeMemoryOf } from './lib/processes.ts';

const { values, positionals } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, connections: { type: 'string', default: '32' }, 'data-dir': { type: 'string' } },
  allowPositionals: true,
});
const [corpus, queriesPath] = positionals;
if (!corpus) {
  console.error('usage: npm run load -- CORPUS.jsonl.gz [QUERIES.json] [--seconds 60] [--connections 32]');
  process.exit(2);
}

const { engine, dataDir } = await openCorpusIndex(corpus, values['data-dir'] ? { dataDir: values['data-dir'] } : {});
const facets = await engine.facets();
await engine.close();
const queries = queriesPath ? allQueryStrings(loadEvalQueries(queriesPath)) : ['viet nam', 'Đảng Cộng sản', 'kinh tế', 'bóng đá', 'ddangr coongj sanr', 'giá vàng'];
const topParty = Object.keys(facets.party)[0];
const topCountry = Object.keys(facets.country)[0];
const paths = queries.flatMap((q, i) => {
  const search = `/api/search?q=${encodeURIComponent(q)}`;
  const variants = [search, `/api/suggest?q=${encodeURIComponent(q.slice(0, Math.max(2, q.length - 2)))}`];
  if (i % 3 === 0 && topCountry) variants.push(`${search}&country=${encodeURIComponent(topCountry)}`);
  if (i % 5 === 0 && topParty) variants.push(`/api/search?party=${encodeURIComponent(topParty)}&sort=date_desc&offset=10`);
  if (i % 7 === 0) variants.push(`${search}&year=2017&limit=50`);
  return variants;
});

const server = await startServe(dataDir);
const pid = server.child.pid!;
const before = treeMemoryOf(pid);
const samples: number[] = [];
const sampler = setInterval(() => samples.push(treeMemoryOf(pid)?.rss ?? 0), 1000);
const result = await loadTest(server.url, paths, Number(values.connections), Number(values.seconds));
clearInterval(sampler);
const after = treeMemoryOf(pid);
await server.stop();
const mib = (bytes: number | undefined) => Math.round(((bytes ?? 0) / 2 ** 20) * 10) / 10;
const third = Math.max(1, Math.floor(samples.length / 3));
const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / Math.max(1, xs.length);
console.log(
  JSON.stringify({
    connections: Number(values.connections),
    seconds: Number(values.seconds),
    distinct_paths: paths.length,
    ...result,
    rss_start_mib: mib(before?.rss),
    rss_first_third_mean_mib: mib(mean(samples.slice(0, third))),
    rss_last_third_mean_mib: mib(mean(samples.slice(-third))),
    rss_end_mib: mib(after?.rss),
    rss_peak_mib: mib(after?.peak),
  }),
);
if (result.errors > 0 || result.non_2xx > 0) process.exitCode = 1;
