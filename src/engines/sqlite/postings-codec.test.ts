import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRowids, encodeRowids } from './postings-codec.ts';

const ascending = fc.uniqueArray(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { maxLength: 200 }).map((values) => values.sort((a, b) => a - b));

describe('postings codec', () => {
  it('round-trips any ascending rowids', () => {
    fc.assert(
      fc.property(ascending, (rowids) => {
        expect([...decodeRowids([encodeRowids(rowids)], null)]).toEqual(rowids);
      }),
    );
  });

  it('takes a byte per rowid when documents are close together, two for a gap of 128 or more', () => {
    expect(encodeRowids([1, 2, 3, 200, 201]).length).toBe(6);
  });

  it('keeps only live rowids, and merges segments that interleave', () => {
    const live = new Uint8Array(20).fill(1);
    live[4] = 0;
    expect([...decodeRowids([encodeRowids([1, 4, 9]), encodeRowids([2, 9, 15])], live)]).toEqual([1, 2, 9, 15]);
    expect([...decodeRowids([encodeRowids([1, 4]), encodeRowids([7, 30])], live)]).toEqual([1, 7]);
  });
});
