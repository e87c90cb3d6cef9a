import type { Field } from './index-terms.ts';
import { LruCache } from './lru-cache.ts';

/** Rowids of the documents holding a term, ascending. */
export type Postings = Int32Array;

export const EMPTY: Postings = new Int32Array(0);

/** First index in `list` at or after `from` whose value is >= `value` (galloping, then binary search). */
function seek(list: Postings, value: number, from: number): number {
  let step = 1;
  let high = from;
  while (high < list.length && list[high]! < value) {
    from = high + 1;
    high += step;
    step *= 2;
  }
  high = Math.min(high, list.length);
  while (from < high) {
    const middle = (from + high) >>> 1;
    if (list[middle]! < value) from = middle + 1;
    else high = middle;
  }
  return from;
}

/** Rowids in every list: the two shortest first, then each next list with what remains. */
export function intersectAll(lists: readonly Postings[]): Postings {
  if (lists.length === 0) return EMPTY;
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let result = sorted[0]!;
  for (let i = 1; i < sorted.length && result.length > 0; i++) result = intersect(result, sorted[i]!);
  return result;
}

/** Lists of like lengths are walked side by side; a much longer one is galloped through. */
function intersect(short: Postings, long: Postings): Postings {
  const result = new Int32Array(short.length);
  let count = 0;
  if (long.length < short.length * 16) {
    let j = 0;
    for (let i = 0; i < short.length && j < long.length; i++) {
      const value = short[i]!;
      while (j < long.length && long[j]! < value) j++;
      if (long[j] === value) result[count++] = value;
    }
  } else {
    let at = 0;
    for (let i = 0; i < short.length; i++) {
      const value = short[i]!;
      at = seek(long, value, at);
      if (at >= long.length) break;
      if (long[at] === value) result[count++] = value;
    }
  }
  return result.subarray(0, count);
}

/** Rowids in any list, ascending, each once: merged two at a time, shortest first, in linear time. */
export function unionAll(lists: readonly Postings[]): Postings {
  const nonEmpty = lists.filter((list) => list.length > 0).sort((a, b) => a.length - b.length);
  return nonEmpty.reduce(union, EMPTY);
}

function union(a: Postings, b: Postings): Postings {
  if (a.length === 0) return b;
  const result = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    result[count++] = Math.min(x, y);
    if (x <= y) i++;
    if (y <= x) j++;
  }
  while (i < a.length) result[count++] = a[i++]!;
  while (j < b.length) result[count++] = b[j++]!;
  return result.subarray(0, count);
}

/** Rowids of `list` that are not in `removed`. */
export function subtract(list: Postings, removed: Postings): Postings {
  if (removed.length === 0) return list;
  const result = new Int32Array(list.length);
  let count = 0;
  let at = 0;
  for (let i = 0; i < list.length; i++) {
    const value = list[i]!;
    at = seek(removed, value, at);
    if (removed[at] !== value) result[count++] = value;
  }
  return result.subarray(0, count);
}

/** The values sorted ascending, each once, in place. */
export function sortedUnique(values: Int32Array): Int32Array {
  values.sort();
  let count = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[i - 1]) values[count++] = values[i]!;
  return values.subarray(0, count);
}

/**
 * Postings fetched from the index, kept in memory: Vietnamese queries reuse a few thousand common
 * syllables, and intersecting cached sorted lists is far cheaper than reading and decoding them again.
 */
export class PostingsCache {
  private readonly lists: LruCache<string, Postings>;

  constructor(
    private readonly fetch: (field: Field, term: string) => Postings,
    maxBytes = 64 * 1024 * 1024,
  ) {
    this.lists = new LruCache(maxBytes);
  }

  get(field: Field, term: string): Postings {
    const key = `${field}:${term}`;
    let postings = this.lists.get(key);
    if (!postings) {
      postings = this.fetch(field, term);
      this.lists.set(key, postings, postings.byteLength);
    }
    return postings;
  }
}
