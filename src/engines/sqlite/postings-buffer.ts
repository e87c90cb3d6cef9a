import { PAIR_JOINER } from '../../analysis/tokens.ts';
import { Field, FIELD_COUNT } from './index-terms.ts';
import { IntList } from './int-list.ts';
import { PairIds } from './pair-ids.ts';

/**
 * Postings of the documents written since the last flush, in memory. Writing them out once per
 * segment (one row per distinct term) rather than once per document is what makes a full build
 * fast: most word pairs occur in a single document, and each row costs far more than a posting.
 *
 * Terms are interned to integer ids and postings kept as (term id, rowid) in flat typed arrays:
 * a string and an array per term would make a full build's memory and garbage collection grow with every term.
 */
export class PostingsBuffer {
  private wordIds = new Map<string, number>();
  private words: string[] = [];
  private pairIds = new PairIds();
  private termIds = Array.from({ length: FIELD_COUNT }, () => new IntList());
  private rowids = Array.from({ length: FIELD_COUNT }, () => new IntList());
  /** Per field and term id, the last rowid posted: a document holds each term once. */
  private lastRowid = Array.from({ length: FIELD_COUNT }, () => new Int32Array(1024));

  /** Postings held: the caller flushes when this grows past its memory budget. */
  get size(): number {
    return this.rowids.reduce((sum, list) => sum + list.length, 0);
  }

  /** The ids of the words (empty strings skipped), interning new ones. */
  wordIdsOf(words: readonly string[]): Int32Array {
    const ids = new Int32Array(words.length);
    let count = 0;
    for (const word of words) if (word) ids[count++] = this.wordIdOf(word);
    return ids.subarray(0, count);
  }

  private wordIdOf(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.wordIds.set(word, id);
    }
    return id;
  }

  /** Posts `rowid` for each term; rowids must come in ascending order, as SQLite assigns them. */
  add(field: Field, ids: ArrayLike<number>, rowid: number): void {
    const termIds = this.termIds[field]!;
    const rowids = this.rowids[field]!;
    let last: Int32Array = this.lastRowid[field]!;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id >= last.length) last = this.growLastRowid(field, id);
      if (last[id] === rowid) continue;
      last[id] = rowid;
      termIds.push(id);
      rowids.push(rowid);
    }
  }

  /** Posts `rowid` in the pairs field for each adjacent pair of the words. */
  addPairs(wordIds: ArrayLike<number>, rowid: number): void {
    const pairIds = new Int32Array(Math.max(0, wordIds.length - 1));
    for (let i = 1; i < wordIds.length; i++) pairIds[i - 1] = this.pairIds.idOf(wordIds[i - 1]!, wordIds[i]!);
    this.add(Field.pairs, pairIds, rowid);
  }

  /**
   * Posts `rowid` in the compounds field for each adjacent pair of syllables inside each word
   * (`hang_khong`; `tong_bi_thu` → `tong_bi`, `bi_thu`). Pairs, like phrases, rather than whole
   * words: they share the syllables' ids, where a vocabulary of every word and name of the
   * corpus made interning and sorting terms the largest cost of a build.
   */
  addInnerPairs(words: readonly string[], joiner: string, rowid: number): void {
    const pairIds: number[] = [];
    for (const word of words) {
      let previous = -1;
      for (const syllable of word.split(joiner)) {
        const id = this.wordIdOf(syllable);
        if (previous >= 0) pairIds.push(this.pairIds.idOf(previous, id));
        previous = id;
      }
    }
    this.add(Field.compounds, pairIds, rowid);
  }

  private growLastRowid(field: Field, id: number): Int32Array {
    const grown = new Int32Array(Math.max(id + 1, this.lastRowid[field]!.length * 2));
    grown.set(this.lastRowid[field]!);
    return (this.lastRowid[field] = grown);
  }

  private termOf(field: Field, id: number): string {
    if (!isPairField(field)) return this.words[id]!;
    return `${this.words[this.pairIds.firstOf.at(id)]}${PAIR_JOINER}${this.words[this.pairIds.secondOf.at(id)]}`;
  }

  /**
   * Every term of every field with its rowids (ascending, grouped by a counting sort), then
   * empties the buffer. Terms come in about the order of the table's key, so that SQLite appends
   * to its B-tree instead of splitting pages all over it.
   */
  *drain(): Generator<[field: Field, term: string, rowids: Int32Array]> {
    const wordOrder = this.idsInOrderOf((word) => word);
    const rankOf = ranks(wordOrder);
    // `a_b` sorts as `a_` then `b`: by `a_` first (`u20_x` < `u2_x`, though `u2` < `u20`).
    const firstRankOf = ranks(this.idsInOrderOf((word) => `${word}${PAIR_JOINER}`));
    const bySecond = countingSort(
      Int32Array.from({ length: this.pairIds.size }, (_, id) => id),
      (id) => rankOf[this.pairIds.secondOf.at(id)]!,
      this.words.length,
    );
    const pairOrder = countingSort(bySecond, (id) => firstRankOf[this.pairIds.firstOf.at(id)]!, this.words.length);
    for (let field = 0 as Field; field < FIELD_COUNT; field++) {
      const termIds = this.termIds[field]!.view();
      const rowids = this.rowids[field]!.view();
      const order = isPairField(field) ? pairOrder : wordOrder;
      const starts = new Int32Array(order.length + 1);
      for (const id of termIds) starts[id + 1]!++;
      for (let id = 0; id < order.length; id++) starts[id + 1]! += starts[id]!;
      const next = starts.slice(0, order.length);
      const grouped = new Int32Array(rowids.length);
      for (let i = 0; i < termIds.length; i++) grouped[next[termIds[i]!]!++] = rowids[i]!;
      for (const id of order) {
        if (starts[id + 1]! > starts[id]!) yield [field, this.termOf(field, id), grouped.subarray(starts[id]!, starts[id + 1]!)];
      }
    }
    this.clear();
  }

  /** Word ids in the order of their keys. */
  private idsInOrderOf(key: (word: string) => string): Int32Array {
    const keys = this.words.map(key);
    const sorted = [...keys].sort();
    const idOf = new Map(keys.map((text, id) => [text, id]));
    return Int32Array.from(sorted, (text) => idOf.get(text)!);
  }

  private clear(): void {
    this.wordIds = new Map();
    this.words = [];
    this.pairIds = new PairIds();
    this.termIds = Array.from({ length: FIELD_COUNT }, () => new IntList());
    this.rowids = Array.from({ length: FIELD_COUNT }, () => new IntList());
    this.lastRowid = Array.from({ length: FIELD_COUNT }, () => new Int32Array(1024));
  }
}

/** Fields whose term ids are pair ids (`a_b`), not word ids. */
function isPairField(field: Field): boolean {
  return field === Field.pairs || field === Field.compounds;
}

/** `ids` stably sorted by `keyOf`, whose values lie in [0, keys). */
function countingSort(ids: Int32Array, keyOf: (id: number) => number, keys: number): Int32Array {
  const starts = new Int32Array(keys + 1);
  for (const id of ids) starts[keyOf(id) + 1]!++;
  for (let key = 0; key < keys; key++) starts[key + 1]! += starts[key]!;
  const sorted = new Int32Array(ids.length);
  for (const id of ids) sorted[starts[keyOf(id)]!++] = id;
  return sorted;
}

/** The rank of each id in `order`. */
function ranks(order: Int32Array): Int32Array {
  const rankOf = new Int32Array(order.length);
  order.forEach((id, rank) => {
    rankOf[id] = rank;
  });
  return rankOf;
}
