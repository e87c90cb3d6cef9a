import { describe, expect, it } from 'vitest';
import { type LabelledArticle, labelPart, selectLabels } from './extraction-labels.ts';

const article = (id: string, batch?: string): LabelledArticle => ({ id, stratum: 'random', countries: [], parties: [], ...(batch === undefined ? {} : { batch }) });

describe('selectLabels', () => {
  const labels = [article('1'), article('2', 'fresh'), article('3'), article('4', 'other'), article('5', 'fresh')];

  it('keeps only the named batch', () => {
    expect(selectLabels(labels, 'fresh').map((a) => a.id)).toEqual(['2', '5']);
  });

  it('keeps the articles of no batch when no batch is named, so that a held-out batch never reaches the tuning part', () => {
    expect(selectLabels(labels).map((a) => a.id)).toEqual(['1', '3']);
  });

  it('selects nothing for a batch the labels do not have', () => {
    expect(selectLabels(labels, 'missing')).toEqual([]);
  });
});

describe('labelPart', () => {
  it('holds out an id whose SHA-256 starts with a byte divisible by 3, and only those', () => {
    expect(labelPart('22404901')).toBe('held-out');
    expect(labelPart('22446214')).toBe('tuning');
  });
});
