import { readVarint, writeVarint } from './varint.ts';

/**
 * Terms and their encoded postings packed into blocks, several sorted terms to a row (as
 * Lucene's block-tree terms dictionary does): most word pairs occur in one document, and one
 * SQLite row per term would make writing rows, not postings, the cost of a build. The block
 * grammar and how a lookup finds a term's block: docs/index-format.md, "Term blocks".
 */

/** A block holds at most this many terms. */
const TERMS_PER_BLOCK = 64;
/**
 * And at most this many bytes, unless one term's postings are larger: SQLite keeps rows of up to
 * about 1,000 bytes in the B-tree page (with 4 KiB pages) and moves the rest to overflow pages,
 * whose unused tails would otherwise take more room than the blocks themselves.
 */
const BYTES_PER_BLOCK = 900;

/** Collects terms in ascending order and hands out full blocks. */
export class BlockWriter {
  private first: string | null = null;
  private count = 0;
  private bytes = new Uint8Array(BYTES_PER_BLOCK);
  private length = 0;

  constructor(private readonly emit: (firstTerm: string, block: Uint8Array) => void) {}

  add(term: string, postings: Uint8Array): void {
    if (this.first !== null && this.length + term.length + postings.length + 10 > BYTES_PER_BLOCK) this.finish();
    this.first ??= term;
    this.reserve(term.length + postings.length + 10);
    this.length = writeVarint(this.bytes, this.length, term.length);
    for (let i = 0; i < term.length; i++) {
      const code = term.charCodeAt(i);
      if (code > 0x7f) throw new RangeError(`index terms are ASCII; got ${JSON.stringify(term)}`);
      this.bytes[this.length++] = code;
    }
    this.length = writeVarint(this.bytes, this.length, postings.length);
    this.bytes.set(postings, this.length);
    this.length += postings.length;
    if (++this.count >= TERMS_PER_BLOCK) this.finish();
  }

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + more));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Emits the block under way, if any. */
  finish(): void {
    if (this.first === null) return;
    const head = new Uint8Array(5);
    const headLength = writeVarint(head, 0, this.count);
    const block = new Uint8Array(headLength + this.length);
    block.set(head.subarray(0, headLength));
    block.set(this.bytes.subarray(0, this.length), headLength);
    this.emit(this.first, block);
    this.first = null;
    this.count = 0;
    this.length = 0;
  }
}

/** -1, 0 or 1 as the term at `block[offset..offset+length)` sorts before, equal to or after `term`. */
function compareTerm(block: Uint8Array, offset: number, length: number, term: string): number {
  const common = Math.min(length, term.length);
  for (let i = 0; i < common; i++) {
    const difference = block[offset + i]! - term.charCodeAt(i);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return length === term.length ? 0 : length < term.length ? -1 : 1;
}

/** The postings of `term` in the block, or null when the block does not hold it. */
export function findInBlock(block: Uint8Array, term: string): Uint8Array | null {
  const at = { offset: 0 };
  const count = readVarint(block, at);
  for (let i = 0; i < count; i++) {
    const length = readVarint(block, at);
    const order = compareTerm(block, at.offset, length, term);
    at.offset += length;
    const postingsLength = readVarint(block, at);
    if (order === 0) return block.subarray(at.offset, at.offset + postingsLength);
    if (order > 0) return null;
    at.offset += postingsLength;
  }
  return null;
}

/** Every term of the block with its postings, in order. */
export function* blockEntries(block: Uint8Array): Generator<[term: string, postings: Uint8Array]> {
  const at = { offset: 0 };
  const count = readVarint(block, at);
  for (let i = 0; i < count; i++) {
    const length = readVarint(block, at);
    const term = String.fromCharCode(...block.subarray(at.offset, at.offset + length));
    at.offset += length;
    const postingsLength = readVarint(block, at);
    yield [term, block.subarray(at.offset, at.offset + postingsLength)];
    at.offset += postingsLength;
  }
}
