import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairIds } from './pair-ids.ts';

describe('PairIds', () => {
  it('gives each distinct pair the next id, and the same pair the same id, across growth', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(300), fc.nat(300)), { maxLength: 3000 }), (pairs) => {
        const pairIds = new PairIds();
        const expected = new Map<string, number>();
        for (const [first, second] of pairs) {
          const key = `${first},${second}`;
          if (!expected.has(key)) expected.set(key, expected.size);
          expect(pairIds.idOf(first, second)).toBe(expected.get(key));
        }
        expect(pairIds.size).toBe(expected.size);
        for (const [key, id] of expected) expect(`${pairIds.firstOf.at(id)},${pairIds.secondOf.at(id)}`).toBe(key);
      }),
      { numRuns: 30 },
    );
  });
});
