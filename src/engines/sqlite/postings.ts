/** Rowids of the documents holding a term, ascending, as FTS5 returns them. */
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

/** Rowids in every list; walks the shortest list and gallops through the others. */
export function intersectAll(lists: readonly Postings[]): Postings {
  if (lists.length === 0) return EMPTY;
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  const [shortest, ...others] = sorted as [Postings, ...Postings[]];
  const result = new Int32Array(shortest.length);
  const positions = new Array<number>(others.length).fill(0);
  let count = 0;
  outer: for (const value of shortest) {
    for (let i = 0; i < others.length; i++) {
      const list = others[i]!;
      const at = seek(list, value, positions[i]!);
      positions[i] = at;
      if (at >= list.length) break outer;
      if (list[at] !== value) continue outer;
    }
    result[count++] = value;
  }
  return result.subarray(0, count);
}

/** Rowids in any list, ascending, each once. */
export function unionAll(lists: readonly Postings[]): Postings {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? EMPTY;
  const all = new Int32Array(nonEmpty.reduce((sum, list) => sum + list.length, 0));
  let offset = 0;
  for (const list of nonEmpty) {
    all.set(list, offset);
    offset += list.length;
  }
  all.sort();
  let count = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[count++] = all[i]!;
  return all.subarray(0, count);
}

/**
 * Postings fetched from the index, kept in memory: Vietnamese queries reuse a few thousand common
 * syllables, and intersecting cached sorted lists is far cheaper than asking FTS5 again.
 */
export class PostingsCache {
  private readonly entries = new Map<string, Postings>();
  private bytes = 0;

  /** `maxBytes` bounds memory, not the entry count: one common word's list outweighs thousands of rare ones. */
  constructor(
    private readonly fetch: (columns: readonly string[], term: string) => Postings,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get(columns: readonly string[], term: string): Postings {
    const key = `${columns.join(',')}:${term}`;
    let postings = this.entries.get(key);
    if (postings) {
      // Refresh recency: Map iteration order is insertion order, so the oldest entry is first.
      this.entries.delete(key);
    } else {
      postings = this.fetch(columns, term);
      this.bytes += postings.byteLength;
      for (const [oldest, list] of this.entries) {
        if (this.bytes <= this.maxBytes) break;
        this.entries.delete(oldest);
        this.bytes -= list.byteLength;
      }
    }
    this.entries.set(key, postings);
    return postings;
  }
}
