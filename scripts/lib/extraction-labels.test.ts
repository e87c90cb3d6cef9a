import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gazetteerConfig } from '../../src/config/language-data.ts';
import { HELD_OUT, type LabelledArticle, type Labels, labelKey, loadLabels, partOf, partsOf, readersAgreement } from './extraction-labels.ts';

const article = (id: string, batch?: string): LabelledArticle => ({ id, stratum: 'random', countries: [], parties: [], ...(batch === undefined ? {} : { batch }) });

describe('partOf and partsOf', () => {
  const labels: Labels = {
    batches: { fresh: { part: 'held-out', command: 'draw fresh' }, extra: { part: 'tuning', command: 'draw extra' }, later: { part: 'held-out', command: 'draw later' } },
    articles: [article('1'), article('2', 'fresh'), article('3', 'extra'), article('4', 'later')],
  };

  it('counts articles of no batch and of tuning batches in the tuning part', () => {
    expect(labels.articles.map((a) => partOf(labels, a))).toEqual(['tuning', 'batch fresh', 'tuning', 'batch later']);
  });

  it('lists the tuning part first, then every held-out batch, then all of them pooled', () => {
    expect(partsOf(labels)).toEqual(['tuning', 'batch fresh', 'batch later', HELD_OUT]);
    expect(partsOf({ batches: {}, articles: [article('1')] })).toEqual(['tuning']);
  });
});

describe('readersAgreement', () => {
  const read = (parties: string[], second?: string[], first?: string[]): LabelledArticle => ({
    ...article('1'),
    parties,
    ...(second === undefined ? {} : { second_parties: second }),
    ...(first === undefined ? {} : { first_parties: first }),
  });

  it('compares the second reading with the first, which a settled label replaced, over articles read twice', () => {
    const agreement = readersAgreement([read(['A', 'B'], ['A', 'C']), read(['A'], ['A'], ['A', 'D']), read(['E'])], 'parties');
    expect(agreement).toEqual({ articles: 2, agreed: 2, onlySecond: 1, onlyFirst: 2 });
  });

  it('reads each facet apart', () => {
    const article: LabelledArticle = { ...read(['P'], ['P']), countries: ['X', 'Y'], second_countries: ['X'] };
    expect(readersAgreement([article], 'countries')).toEqual({ articles: 1, agreed: 1, onlySecond: 0, onlyFirst: 1 });
    expect(readersAgreement([{ ...article, second_countries: undefined }], 'countries')).toEqual({ articles: 0, agreed: 0, onlySecond: 0, onlyFirst: 0 });
  });
});

describe('loadLabels', () => {
  const directory = mkdtempSync(join(tmpdir(), 'vnsearch-labels-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('refuses an article whose batch the file does not describe, since its part would be a guess', () => {
    const path = join(directory, 'labels.json');
    writeFileSync(path, JSON.stringify({ batches: {}, articles: [article('1', 'undescribed')] }));
    expect(() => loadLabels(path)).toThrow(/batch "undescribed"/);
  });

  it('names a file it cannot read, and what to give instead', () => {
    expect(() => loadLabels(join(directory, 'missing.json'))).toThrow(/missing\.json: ENOENT.*give a labels file/);
  });
});

describe('the labels of tests/fixtures/extraction-labels.json', () => {
  it('name every entity the gazetteer knows by its canonical name, which is what the extractor gives', () => {
    const key = (name: string) => name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
    const gazetteer = gazetteerConfig();
    const entities = [...gazetteer.countries, ...gazetteer.parties];
    const canonical = new Set(entities.map((entity) => entity.name));
    const canonicalOfAlias = new Map(entities.flatMap((entity) => entity.aliases.map((alias) => [key(typeof alias === 'string' ? alias : alias.text), entity.name] as const)));
    const labels = loadLabels('tests/fixtures/extraction-labels.json');
    const aliased = labels.articles.flatMap((article) =>
      [...article.countries, ...article.parties].flatMap((name) => {
        const canonicalName = canonical.has(name) ? undefined : canonicalOfAlias.get(key(name));
        return canonicalName === undefined ? [] : [`${labelKey(article)}: ${name} is ${canonicalName}`];
      }),
    );
    expect(aliased).toEqual([]);
  });
});
