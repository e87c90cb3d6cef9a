import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDocument } from '../../analysis/fields.ts';
import { itFindsSpellingExamples, SPELLING_DOCUMENTS } from '../../../tests/fixtures/spelling-examples.ts';
import { SqliteEngine } from './engine.ts';

describe('SqliteEngine: query syntax and spellings readers type', () => {
  let dataDir: string;
  let engine: SqliteEngine;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vnsearch-spellings-'));
    engine = new SqliteEngine({ dataDir });
    await engine.configure();
    await engine.upsert(SPELLING_DOCUMENTS.map(prepareDocument));
    await engine.commit();
  });

  afterAll(async () => {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ids = async (q: string) => (await engine.search({ q, filters: {}, sort: 'relevance', limit: 50, offset: 0 })).hits.map((hit) => hit.id);

  itFindsSpellingExamples(ids);

  it('ranks the name written apart in a title first', async () => {
    expect((await ids('hanoi'))[0]).toBe('hanoi-ring-road');
  });

  it('splits no word whose syllables are not a phrase of the index', async () => {
    expect(await ids('hanoi -ha')).toEqual(['hanoi-open']);
    expect(await ids('xomban')).toEqual([]);
  });
});
