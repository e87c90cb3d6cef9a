import { describe, expect, it } from 'vitest';
import { Field } from './index-terms.ts';
import { intersectAll, PostingsCache, subtract, unionAll } from './postings.ts';

const list = (...values: number[]) => Int32Array.from(values);

describe('postings', () => {
  it('intersects sorted lists of any lengths', () => {
    expect([...intersectAll([list(1, 3, 5, 7, 9, 11), list(3, 4, 5, 11), list(0, 3, 11, 12)])]).toEqual([3, 11]);
    expect([...intersectAll([list(1, 2), list()])]).toEqual([]);
    expect([...intersectAll([])]).toEqual([]);
  });

  it('unites lists without duplicates, in order', () => {
    expect([...unionAll([list(5, 9), list(1, 5, 7), list()])]).toEqual([1, 5, 7, 9]);
  });

  it('subtracts one sorted list from another', () => {
    expect([...subtract(list(1, 3, 5, 7, 9), list(0, 3, 4, 9, 12))]).toEqual([1, 5, 7]);
    expect([...subtract(list(1, 2), list())]).toEqual([1, 2]);
    expect([...subtract(list(), list(1))]).toEqual([]);
  });

  it('fetches each term once and keeps memory under its byte bound, oldest out first', () => {
    const fetched: string[] = [];
    const cache = new PostingsCache((_field, term) => {
      fetched.push(term);
      return new Int32Array(100);
    }, 1000);
    cache.get(Field.title, 'a');
    cache.get(Field.title, 'b');
    cache.get(Field.title, 'a');
    expect(fetched).toEqual(['a', 'b']);
    cache.get(Field.title, 'c');
    cache.get(Field.title, 'b');
    cache.get(Field.title, 'a');
    // 'a' was used after 'b', so 'b' went first when 'c' came; then 'b' pushed out 'a'.
    expect(fetched).toEqual(['a', 'b', 'c', 'b', 'a']);
  });
});
