/**
 * Values kept within a capacity, the least recently used dropped first. Each value has a cost:
 * its bytes where sizes vary (one common word's postings outweigh thousands of rare ones, one long
 * article dozens of short ones), or 1 by default, which bounds the number of entries.
 */
export class LruCache<K, V> {
  // Map iteration order is insertion order: re-inserting on use keeps the least recent first.
  private readonly entries = new Map<K, { value: V; cost: number }>();
  private used = 0;

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` at `cost`, dropping the least recently used values beyond the capacity. */
  set(key: K, value: V, cost = 1): void {
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.used -= previous.cost;
    }
    this.entries.set(key, { value, cost });
    this.used += cost;
    for (const [oldest, entry] of this.entries) {
      if (this.used <= this.capacity) break;
      this.entries.delete(oldest);
      this.used -= entry.cost;
    }
  }
}
