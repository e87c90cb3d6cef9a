import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type LabelledArticle, type Labels, loadLabels, partOf, partsOf } from './extraction-labels.ts';

const article = (id: string, batch?: string): LabelledArticle => ({ id, stratum: 'random', countries: [], parties: [], ...(batch === undefined ? {} : { batch }) });

describe('partOf and partsOf', () => {
  const labels: Labels = {
    batches: { fresh: { part: 'held-out', command: 'draw fresh' }, extra: { part: 'tuning', command: 'draw extra' }, later: { part: 'held-out', command: 'draw later' } },
    articles: [article('1'), article('2', 'fresh'), article('3', 'extra'), article('4', 'later')],
  };

  it('counts articles of no batch and of tuning batches in the tuning part', () => {
    expect(labels.articles.map((a) => partOf(labels, a))).toEqual(['tuning', 'batch fresh', 'tuning', 'batch later']);
  });

  it('lists the tuning part first, then every held-out batch', () => {
    expect(partsOf(labels)).toEqual(['tuning', 'batch fresh', 'batch later']);
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
});
