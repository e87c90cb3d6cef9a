import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meilisearch } from 'meilisearch';
import { MeilisearchEngine } from '../../src/engines/meilisearch/engine.ts';
import { prepareDocument } from '../../src/analysis/fields.ts';
import { loadSearchSynonyms } from '../../src/search/synonyms.ts';
import { itFindsSpellingExamples, SPELLING_DOCUMENTS } from '../fixtures/spelling-examples.ts';

// Runs against a real Meilisearch only: MEILI_URL=http://127.0.0.1:7700 MEILI_MASTER_KEY=… npx vitest run tests/integration/meilisearch-spellings.test.ts
// Meilisearch runs one task at a time for all its indexes, so indexing these few documents waits behind any large indexing.
const url = process.env.MEILI_URL;
const adminKey = process.env.MEILI_ADMIN_KEY ?? process.env.MEILI_MASTER_KEY;

if (!url) console.log('Meilisearch spelling tests skipped: set MEILI_URL (and MEILI_MASTER_KEY) to run them against a real Meilisearch.');

describe.skipIf(!url)('Meilisearch engine: query syntax and spellings readers type', () => {
  const uid = `vnsearch_test_spellings_${process.pid}_${Date.now()}`;
  const engine = url ? new MeilisearchEngine({ url, indexUid: uid, timeoutMs: 10_000, synonyms: loadSearchSynonyms(), ...(adminKey ? { apiKey: adminKey } : {}) }) : (null as never);

  beforeAll(async () => {
    await engine.configure();
    await engine.upsert(SPELLING_DOCUMENTS.map(prepareDocument));
    await engine.commit();
  }, 600_000);

  afterAll(async () => {
    if (url) await new Meilisearch({ host: url, ...(adminKey ? { apiKey: adminKey } : {}) }).deleteIndex(uid).waitTask();
  });

  const ids = async (q: string) => (await engine.search({ q, filters: {}, sort: 'relevance', limit: 50, offset: 0 })).hits.map((hit) => hit.id);

  itFindsSpellingExamples(ids);

  it('leaves out excluded words when sorting by date too', async () => {
    const found = (await engine.search({ q: 'ban hang -trung', filters: {}, sort: 'date_desc', limit: 50, offset: 0 })).hits.map((hit) => hit.id);
    expect(found).toContain('selling');
    expect(found).not.toContain('partner');
  });
});
