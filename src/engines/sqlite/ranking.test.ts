import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInOrder, relevancePage, tierValues } from './ranking.ts';

describe('ranking', () => {
  it('gives each rowid the sum of the weights of its tiers', () => {
    expect([
      ...tierValues(
        [
          { weight: 4, rowids: [1, 3] },
          { weight: 1, rowids: [3] },
        ],
        Uint8Array.of(9, 9, 9, 9),
      ),
    ]).toEqual([0, 4, 0, 5]);
  });

  it('takes the first items in order as a full sort would, without sorting them all', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (items, count) => {
        const byValue = (a: number, b: number) => (a % 97) - (b % 97) || b - a;
        expect(firstInOrder([...items], count, byValue)).toEqual([...items].sort(byValue).slice(0, count));
      }),
    );
  });

  it('pages by tier, then by the order within a tier', () => {
    const tiers = tierValues(
      [
        { weight: 2, rowids: [5, 6] },
        { weight: 1, rowids: [1, 2, 3, 4, 5, 6] },
      ],
      new Uint8Array(7),
    );
    const descending = (rowids: number[], count: number) => firstInOrder(rowids, count, (a, b) => b - a);
    expect(relevancePage([1, 2, 3, 4, 5, 6], tiers, 0, 3, descending)).toEqual([6, 5, 4]);
    expect(relevancePage([1, 2, 3, 4, 5, 6], tiers, 3, 2, descending)).toEqual([3, 2]);
  });
});
