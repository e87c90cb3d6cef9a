import { IntList } from './int-list.ts';

/**
 * Ids for pairs of word ids, in an open-addressing hash table of typed arrays (linear probing,
 * at most half full). A full build interns tens of millions of word pairs: a Map keyed by
 * numbers spends most of that time allocating and hashing boxed doubles.
 */
export class PairIds {
  private firsts = new Int32Array(1 << 16);
  private seconds = new Int32Array(1 << 16);
  /** Id + 1 per slot; 0 marks an empty slot. */
  private slots = new Int32Array(1 << 16);
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
    const mask = this.slots.length - 1;
    let slot = this.slotOf(first, second);
    for (;;) {
      const stored = this.slots[slot]!;
      if (stored === 0) break;
      if (this.firsts[slot] === first && this.seconds[slot] === second) return stored - 1;
      slot = (slot + 1) & mask;
    }
    const id = this.size;
    this.firstOf.push(first);
    this.secondOf.push(second);
    this.firsts[slot] = first;
    this.seconds[slot] = second;
    this.slots[slot] = id + 1;
    if (this.size * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const [firsts, seconds, slots] = [this.firsts, this.seconds, this.slots];
    this.bits++;
    this.firsts = new Int32Array(1 << this.bits);
    this.seconds = new Int32Array(1 << this.bits);
    this.slots = new Int32Array(1 << this.bits);
    const mask = this.slots.length - 1;
    for (let old = 0; old < slots.length; old++) {
      if (slots[old] === 0) continue;
      let slot = this.slotOf(firsts[old]!, seconds[old]!);
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.firsts[slot] = firsts[old]!;
      this.seconds[slot] = seconds[old]!;
      this.slots[slot] = slots[old]!;
    }
  }
}
