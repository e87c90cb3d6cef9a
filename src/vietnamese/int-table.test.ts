import { describe, expect, it } from 'vitest';
import { IntTable } from './int-table.ts';

describe('IntTable', () => {
  it('finds every key it was built with and nothing else', () => {
    const entries = new Map(Array.from({ length: 5000 }, (_, i) => [i * 8192 + 17, i + 1]));
    const table = new IntTable(entries);
    for (const [key, value] of entries) expect(table.get(key)).toBe(value);
    expect(table.get(16)).toBe(0);
    expect(table.get(2 ** 30)).toBe(0);
  });

  it('rejects keys it cannot store', () => {
    expect(() => new IntTable(new Map([[0, 1]]))).toThrow(RangeError);
    expect(() => new IntTable(new Map([[2 ** 31, 1]]))).toThrow(RangeError);
  });
});
