/**
 * Values kept within a budget of bytes, the least recently used dropped first. Bounded by bytes,
 * not entries: one common word's postings outweigh thousands of rare ones, one long article
 * dozens of short ones.
 */
export class LruCache<K, V> {
  // Map iteration order is insertion order: re-inserting on use keeps the least recent first.
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value`, which holds about `bytes` bytes, dropping the least recently used beyond the budget. */
  set(key: K, value: V, bytes: number): void {
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.bytes;
    }
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }
}
