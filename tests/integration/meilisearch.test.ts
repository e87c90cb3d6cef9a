import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meilisearch } from 'meilisearch';
import { MeilisearchEngine } from '../../src/engines/meilisearch/engine.ts';
import { analyzeText } from '../../src/analysis/fields.ts';
import type { SearchDocument } from '../../src/types/document.ts';
import type { SearchRequest } from '../../src/types/search.ts';
import type { IndexSummary } from '../../src/indexing/indexer.ts';
import { prepareDocument } from '../../src/analysis/fields.ts';

// Runs against a real Meilisearch only: MEILI_URL=http://127.0.0.1:7700 MEILI_MASTER_KEY=… npx vitest run tests/integration/meilisearch.test.ts
const url = process.env.MEILI_URL;
const adminKey = process.env.MEILI_ADMIN_KEY ?? process.env.MEILI_MASTER_KEY;
const searchKey = process.env.MEILI_SEARCH_KEY;
const root = join(import.meta.dirname, '..', '..');
const evalQueries = join(root, '..', 'shared', 'eval', 'queries.json');
const evalCorpus = join(root, '..', 'shared', 'corpus', 'baomoi-2017.jsonl.gz');

if (!url) console.log('Meilisearch integration tests skipped: set MEILI_URL (and MEILI_MASTER_KEY) to run them against a real Meilisearch.');

const runId = `${process.pid}_${Date.now()}`;
const admin = url ? new Meilisearch({ host: url, ...(adminKey ? { apiKey: adminKey } : {}) }) : null;

function engineFor(indexUid: string): MeilisearchEngine {
  return new MeilisearchEngine({ url: url!, indexUid, timeoutMs: 10_000, ...(adminKey ? { apiKey: adminKey } : {}), ...(searchKey ? { searchKey } : {}) });
}

async function indexInto(engine: MeilisearchEngine, inputs: string[], rebuild = true): Promise<IndexSummary> {
  // Imported here so that the skipped suite loads nothing of the indexer.
  const { runIndex } = await import('../../src/indexing/indexer.ts');
  const dir = mkdtempSync(join(tmpdir(), 'vnsearch-meili-'));
  try {
    const summary = await runIndex({ inputs, engine, manifestPath: join(dir, 'manifest.json'), rebuild });
    expect(summary.failed).toEqual([]);
    return summary;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function dropIndexes(prefix: string): Promise<void> {
  const { results } = await admin!.getIndexes({ limit: 1000 });
  for (const index of results.filter(({ uid }) => uid.startsWith(prefix))) await admin!.deleteIndex(index.uid).waitTask();
}

const search = (q: string, more: Partial<SearchRequest> = {}): SearchRequest => ({ q, filters: {}, sort: 'relevance', limit: 10, offset: 0, ...more });

function article(id: string, title: string, body: string, extra: Partial<SearchDocument> = {}): SearchDocument {
  return { id, title, body, date: null, year: null, date_source: null, source: null, url: null, parties: [], countries: [], ...extra };
}

describe.skipIf(!url)('Meilisearch engine on a real Meilisearch: docs-corpus', () => {
  const uid = `vnsearch_test_${runId}`;
  const engine = url ? engineFor(uid) : (null as never);

  beforeAll(async () => {
    await indexInto(engine, [join(root, 'docs-corpus')]);
  }, 300_000);

  afterAll(async () => {
    await dropIndexes(uid);
  }, 60_000);

  it('fills an index that does not exist yet incrementally, then finds every document unchanged', async () => {
    const fresh = engineFor(`${uid}_incremental`);
    try {
      expect((await indexInto(fresh, [join(root, 'docs-corpus')], false)).indexed).toBe(5);
      const again = await indexInto(fresh, [join(root, 'docs-corpus')], false);
      expect([again.indexed, again.unchanged, again.deleted]).toEqual([0, 5, 0]);
      expect((await fresh.storedHashes()).size).toBe(5);
    } finally {
      await dropIndexes(`${uid}_incremental`);
    }
  });

  it('is reachable and holds the five documents', async () => {
    await engine.ping();
    expect((await engine.stats()).documents).toBe(5);
    expect((await engine.getDocument('003_a0d7a5b1341942cd'))?.title).toMatch(/Hội đàm trực tuyến/);
    expect(await engine.getDocument('no such document')).toBeNull();
  });

  it('finds the Chile article first, typed with or without diacritics, with facets', async () => {
    const folded = await engine.search(search('dang cong san chile'));
    const diacritized = await engine.search(search('Đảng Cộng sản Chile'));
    expect(folded.hits[0]?.title).toMatch(/Chile/);
    expect(diacritized.hits[0]?.id).toBe(folded.hits[0]?.id);
    expect(folded.hits[0]?.snippet).toMatch(/<mark>/);
    expect(Object.keys(folded.facets.country).length + Object.keys(folded.facets.party).length).toBeGreaterThan(0);
  });

  it('finds a Telex-typed query like its decoded form', async () => {
    const telex = await engine.search(search('ddangr coongj sanr'));
    const decoded = await engine.search(search('đảng cộng sản'));
    expect(telex.total).toBeGreaterThan(0);
    expect(new Set(telex.hits.map((hit) => hit.id))).toEqual(new Set(decoded.hits.map((hit) => hit.id)));
  });

  it('filters by facet with disjunctive counts and keeps hostile values inside the filter', async () => {
    const all = await engine.facets();
    const [country] = Object.keys(all.country);
    expect(country).toBeDefined();
    const everything = await engine.search(search('', { limit: 50 }));
    const filtered = await engine.search(search('', { filters: { country: [country!] }, limit: 50 }));
    expect(filtered.total).toBe(all.country[country!]);
    for (const hit of filtered.hits) expect(hit.countries).toContain(country);
    expect(filtered.facets.country).toEqual(everything.facets.country);
    const hostile = await engine.search(search('', { filters: { party: ['x" OR parties EXISTS OR "y', 'a\\', '\n)] OR [('] } }));
    expect(hostile.total).toBe(0);
  });

  it('browses newest first and sorts by date both ways', async () => {
    const dates = (response: { hits: { date: string | null }[] }) => response.hits.map((hit) => hit.date).filter((date): date is string => date !== null);
    const newest = dates(await engine.search(search('', { limit: 50 })));
    expect(newest).toEqual([...newest].sort().reverse());
    const oldest = dates(await engine.search(search('đảng', { sort: 'date_asc', limit: 50 })));
    expect(oldest).toEqual([...oldest].sort());
  });

  it('ranks the exact diacritized phrase first: bán hàng before bạn hàng and back', async () => {
    const selling = article('test-ban-hang', 'Bán hàng đa cấp bị xử phạt', 'Công ty bán hàng đa cấp bị xử phạt vì bán hàng sai quy định.');
    const partner = article('test-ban-hang-2', 'Bạn hàng lớn nhất của Việt Nam', 'Trung Quốc là bạn hàng lớn nhất, bạn hàng truyền thống.');
    await engine.upsert([selling, partner].map(prepareDocument));
    await engine.commit();
    try {
      expect((await engine.search(search('bán hàng'))).hits[0]?.id).toBe(selling.id);
      expect((await engine.search(search('bạn hàng'))).hits[0]?.id).toBe(partner.id);
      const folded = (await engine.search(search('ban hang'))).hits.map((hit) => hit.id);
      expect(folded).toEqual(expect.arrayContaining([selling.id, partner.id]));
    } finally {
      await engine.delete([selling.id, partner.id]);
      await engine.commit();
    }
    expect((await engine.stats()).documents).toBe(5);
  });

  it('ranks a title holding the exact word above titles holding its twins, and marks the title as the snippet', async () => {
    const articles = [
      article('test-twin-selling', 'Kỹ năng bán hàng', 'Nhân viên bán hàng cần kiên nhẫn.', { date: '2020-01-01' }),
      article('test-twin-reprint', 'Sách tái bản lần thứ hai', 'Nhà sách bán hết trong một ngày.', { date: '2024-01-02' }),
      article('test-twin-friends', 'Bạn bè thời chiến', 'Họ bán đồ cũ để giúp nhau.', { date: '2024-01-03' }),
    ];
    await engine.upsert(articles.map(prepareDocument));
    await engine.commit();
    try {
      const { hits } = await engine.search(search('bán'));
      expect(hits.map((hit) => hit.id).filter((id) => id.startsWith('test-twin-'))[0]).toBe('test-twin-selling');
      expect(hits.find((hit) => hit.id === 'test-twin-selling')?.title_html).toBe('Kỹ năng <mark>bán</mark> hàng');
      expect(hits.find((hit) => hit.id === 'test-twin-friends')?.title_html).toBe('Bạn bè thời chiến');
      expect(hits.find((hit) => hit.id === 'test-twin-friends')?.snippet).toBe('Họ <mark>bán</mark> đồ cũ để giúp nhau.');
    } finally {
      await engine.delete(articles.map(({ id }) => id));
      await engine.commit();
    }
    expect((await engine.stats()).documents).toBe(5);
  });

  it('says how it read the query, reads Telex typed throughout as much as the typed words, corrects long words twice, suggests whole phrases', async () => {
    const documents = [
      article('test-trump', 'Trump muốn nói gì với Triều Tiên?', 'Tổng thống Donald Trump muốn nói gì thì nói.'),
      article('test-gif', 'Cách làm ảnh GIF', 'Ảnh GIF là định dạng ảnh động. Làm GIF trên điện thoại.'),
      article('test-what', 'Làm gì khi mất ngủ?', 'Bạn nên làm gì khi mất ngủ kéo dài?'),
      article('test-mercedes', 'Xe Mercedes mới', 'Hãng Mercedes ra mắt mẫu xe mới.'),
      article('test-premier', 'Thủ tướng tiếp đoàn', 'Thủ tướng đề nghị các bộ. Thứ tự ưu tiên.'),
    ];
    await engine.upsert(documents.map(prepareDocument));
    await engine.commit();
    try {
      expect(await engine.search(search('thu tuong'))).toMatchObject({ interpreted: 'Thủ tướng' });
      expect(await engine.search(search('ddangr coongj sanr'))).toMatchObject({ interpreted: 'Đảng Cộng sản', didYouMean: 'Đảng Cộng sản' });
      expect(await engine.search(search('ddangr coongj sanr', { verbatim: true }))).not.toHaveProperty('interpreted');
      expect((await engine.search(search('lamf gif'))).hits[0]?.id).toBe('test-what');
      expect(await engine.search(search('trump muoons nois gif'))).toMatchObject({ hits: [{ id: 'test-trump' }], interpreted: 'Trump muốn nói gì' });
      expect(await engine.search(search('Mecedess'))).toMatchObject({ hits: [{ id: 'test-mercedes' }], interpreted: 'Mercedes', didYouMean: 'Mercedes' });
      // The added article and the docs-corpus ones that hold it.
      expect((await engine.suggest('thu tuongg', 8))[0]).toEqual({ text: 'Thủ tướng', count: 2 });
      expect((await engine.suggest('ddangr', 8)).map((suggestion) => suggestion.text)).toEqual(expect.arrayContaining(['Đảng', 'Đảng Cộng sản Việt Nam']));
    } finally {
      await engine.delete(documents.map((document) => document.id));
      await engine.commit();
    }
    expect((await engine.stats()).documents).toBe(5);
  });

  it('suggests completions from titles', async () => {
    const suggestions = await engine.suggest('dang cong s', 8);
    expect(suggestions.map((suggestion) => suggestion.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^Đảng Cộng sản/)]));
  });

  it('swaps a rebuilt index in, and keeps the old one when the rebuild fails', async () => {
    await engine.rebuild(async (writer) => writer.upsert([article('only-one', 'Một bài', 'Nội dung duy nhất.')].map(prepareDocument)));
    expect((await engine.stats()).documents).toBe(1);
    await expect(
      engine.rebuild(async (writer) => {
        await writer.upsert([article('half-built', 'Nửa chừng', 'Không bao giờ hiện ra.')].map(prepareDocument));
        throw new Error('the indexer died');
      }),
    ).rejects.toThrow('the indexer died');
    expect((await engine.stats()).documents).toBe(1);
    expect(await engine.getDocument('half-built')).toBeNull();
    const { results } = await admin!.getIndexes({ limit: 1000 });
    expect(results.map((index) => index.uid).filter((name) => name.startsWith(`${uid}_build_`))).toEqual([]);
  }, 120_000);
});

interface KnownItem {
  id: string;
  title: string;
  q: string;
  folded: string;
  typo: string | null;
  telex: string;
  tone_style: string;
}

const runEval = Boolean(url) && existsSync(evalQueries) && existsSync(evalCorpus);

describe.skipIf(!runEval)('Meilisearch engine on a real Meilisearch: relevance eval over the baomoi corpus', () => {
  const uid = `vnsearch_eval_${runId}`;
  const engine = runEval ? engineFor(uid) : (null as never);

  beforeAll(async () => {
    await indexInto(engine, [evalCorpus]);
  }, 60 * 60_000);

  afterAll(async () => {
    await dropIndexes(uid);
  }, 60_000);

  it(
    'meets the relevance targets on the eval queries',
    async () => {
      const { pairs, known_items: items } = JSON.parse(readFileSync(evalQueries, 'utf8')) as { pairs: [string, string][]; known_items: KnownItem[] };
      const holdsPhrase = (document: SearchDocument, phrase: string) => ` ${analyzeText(`${document.title}\n${document.body}`).exact} `.includes(` ${analyzeText(phrase).exact} `);
      const shares: number[] = [];
      for (const phrase of pairs.flat()) {
        const { hits } = await engine.search(search(phrase));
        const documents = await Promise.all(hits.map((hit) => engine.getDocument(hit.id)));
        shares.push(documents.filter((document) => document && holdsPhrase(document, phrase)).length / Math.max(1, hits.length));
      }
      const variants = ['q', 'folded', 'typo', 'telex', 'tone_style'] as const;
      const scores: Record<string, { s10: number; mrr: number }> = {};
      for (const variant of variants) {
        const ranks: number[] = [];
        for (const item of items) {
          const q = item[variant];
          if (q === null) continue;
          const { hits } = await engine.search(search(q));
          const rank = hits.findIndex((hit) => hit.id === item.id || hit.title === item.title);
          ranks.push(rank < 0 ? 0 : 1 / (rank + 1));
        }
        scores[variant] = { s10: ranks.filter((rank) => rank > 0).length / ranks.length, mrr: ranks.reduce((sum, rank) => sum + rank, 0) / ranks.length };
      }
      const pairsP10 = shares.reduce((sum, share) => sum + share, 0) / shares.length;
      console.log(JSON.stringify({ engine: 'meilisearch', pairs_p10: pairsP10, ...scores }));
      expect(pairsP10).toBeGreaterThanOrEqual(0.9);
      for (const variant of ['q', 'folded', 'tone_style'] as const) expect(scores[variant]!.s10).toBeGreaterThanOrEqual(0.9);
      expect(scores.telex!.s10).toBeGreaterThanOrEqual(0.8);
      expect(scores.typo!.s10).toBeGreaterThanOrEqual(0.7);
    },
    10 * 60_000,
  );
});
