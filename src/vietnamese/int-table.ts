/**
 * Read-only hash table from positive 31-bit integers to positive integers, in two typed arrays
 * (open addressing, linear probing). The segmenter looks up n-gram keys for nearly every pair of
 * syllables; this is several times faster than a Set or Map of numbers there.
 */
export class IntTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  constructor(entries: ReadonlyMap<number, number>) {
    // At most half full, so that probe sequences stay short.
    const bits = Math.max(4, Math.ceil(Math.log2(entries.size * 2 + 1)));
    this.keys = new Int32Array(2 ** bits);
    this.values = new Int32Array(2 ** bits);
    this.shift = 32 - bits;
    this.mask = 2 ** bits - 1;
    for (const [key, value] of entries) {
      if (!(key > 0 && key < 2 ** 31 && value > 0 && value < 2 ** 31)) throw new RangeError(`IntTable entry out of range: ${key} → ${value}`);
      let slot = this.slotOf(key);
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.values[slot] = value;
    }
  }

  private slotOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift; // Fibonacci hashing
  }

  /** The value of `key`, or 0 when absent. */
  get(key: number): number {
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const found = this.keys[slot]!;
      if (found === key) return this.values[slot]!;
      if (found === 0) return 0;
    }
  }
}
