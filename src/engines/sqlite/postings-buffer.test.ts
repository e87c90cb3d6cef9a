import { describe, expect, it } from 'vitest';
import { Field } from './index-terms.ts';
import { PostingsBuffer } from './postings-buffer.ts';

describe('PostingsBuffer', () => {
  it('groups rowids by term, once per document, and drains every field in ascending term order', () => {
    const buffer = new PostingsBuffer();
    const words = ['u20', 'viet', 'u2', 'nam', 'u2', 'viet'];
    buffer.add(Field.words, buffer.wordIdsOf(words), 1);
    buffer.addPairs(buffer.wordIdsOf(words), 1);
    buffer.add(Field.words, buffer.wordIdsOf(['nam', 'u2']), 4);
    buffer.addPairs(buffer.wordIdsOf(['u2', 'nam']), 4);
    expect(buffer.size).toBe(4 + 5 + 2 + 1);
    const drained = [...buffer.drain()].map(([field, term, rowids]) => [field, term, [...rowids]]);
    expect(drained).toEqual([
      [Field.words, 'nam', [1, 4]],
      [Field.words, 'u2', [1, 4]],
      [Field.words, 'u20', [1]],
      [Field.words, 'viet', [1]],
      [Field.pairs, 'nam_u2', [1]],
      [Field.pairs, 'u20_viet', [1]],
      [Field.pairs, 'u2_nam', [1, 4]],
      [Field.pairs, 'u2_viet', [1]],
      [Field.pairs, 'viet_u2', [1]],
    ]);
    const terms = drained.filter(([field]) => field === Field.pairs).map(([, term]) => term as string);
    expect(terms).toEqual([...terms].sort());
    expect(buffer.size).toBe(0);
  });

  it('posts the syllable pairs inside words in the compounds field, once per document', () => {
    const buffer = new PostingsBuffer();
    buffer.addInnerPairs(['tong_bi_thu', 'tong_bi', 'hang_khong'], '_', 2);
    buffer.addInnerPairs(['bi_thu'], '_', 3);
    const drained = [...buffer.drain()].map(([field, term, rowids]) => [field, term, [...rowids]]);
    expect(drained).toEqual([
      [Field.compounds, 'bi_thu', [2, 3]],
      [Field.compounds, 'hang_khong', [2]],
      [Field.compounds, 'tong_bi', [2]],
    ]);
  });
});
