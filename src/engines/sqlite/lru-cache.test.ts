import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache.ts';

describe('LruCache', () => {
  it('drops the least recently used values once their bytes pass the budget', () => {
    const cache = new LruCache<string, number>(250);
    cache.set('a', 1, 100);
    cache.set('b', 2, 100);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3, 100);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c')]).toEqual([1, 3]);
    cache.set('a', 4, 200);
    expect([cache.get('a'), cache.get('c')]).toEqual([4, undefined]);
  });

  it('keeps nothing larger than its budget', () => {
    const cache = new LruCache<string, number>(10);
    cache.set('huge', 1, 11);
    expect(cache.get('huge')).toBeUndefined();
  });
});
