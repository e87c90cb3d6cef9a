import { IntList } from './int-list.ts';

/** Int32 values per slot: the first word, the second word, and the pair's id + 1 (0 marks an empty slot). */
const SLOT_SIZE = 3;

/**
 * Ids for pairs of word ids, in an open-addressing hash table in one typed array (linear probing,
 * at most half full). A full build interns every distinct pair of adjacent words of the
 * corpus: a Map keyed by numbers spends most of that time allocating and hashing boxed doubles.
 * A slot's three values sit side by side, so a probe into a table far larger than the CPU's
 * caches misses them once, not three times.
 */
export class PairIds {
  private table = new Int32Array(SLOT_SIZE << 16);
  private bits = 16;
  /** The words of each pair, by id. */
  readonly firstOf = new IntList();
  readonly secondOf = new IntList();

  get size(): number {
    return this.firstOf.length;
  }

  private slotOf(first: number, second: number): number {
    return Math.imul(first ^ Math.imul(second, 0x85ebca6b), 0x9e3779b1) >>> (32 - this.bits);
  }

  /** The id of the pair, a new one when it is new. */
  idOf(first: number, second: number): number {
    const table = this.table;
    const mask = (1 << this.bits) - 1;
    let slot = this.slotOf(first, second);
    for (;;) {
      const at = slot * SLOT_SIZE;
      const stored = table[at + 2]!;
      if (stored === 0) break;
      if (table[at] === first && table[at + 1] === second) return stored - 1;
      slot = (slot + 1) & mask;
    }
    const id = this.size;
    this.firstOf.push(first);
    this.secondOf.push(second);
    this.place(slot, first, second, id + 1);
    if (this.size * 2 > 1 << this.bits) this.grow();
    return id;
  }

  private place(slot: number, first: number, second: number, stored: number): void {
    const at = slot * SLOT_SIZE;
    this.table[at] = first;
    this.table[at + 1] = second;
    this.table[at + 2] = stored;
  }

  private grow(): void {
    const old = this.table;
    this.bits++;
    this.table = new Int32Array(SLOT_SIZE << this.bits);
    const mask = (1 << this.bits) - 1;
    for (let at = 0; at < old.length; at += SLOT_SIZE) {
      if (old[at + 2] === 0) continue;
      let slot = this.slotOf(old[at]!, old[at + 1]!);
      while (this.table[slot * SLOT_SIZE + 2] !== 0) slot = (slot + 1) & mask;
      this.place(slot, old[at]!, old[at + 1]!, old[at + 2]!);
    }
  }
}
