import { sortedUnique } from './postings.ts';
import { writeVarint } from './varint.ts';

/**
 * Postings on disk: ascending rowids as delta varints (docs/index-format.md, "Term blocks"), so a
 * common word's list takes about a byte per document and decodes in one pass.
 */

export function encodeRowids(rowids: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(rowids.length * 5);
  let length = 0;
  for (let i = 0; i < rowids.length; i++) length = writeVarint(bytes, length, rowids[i]! - (i === 0 ? 0 : rowids[i - 1]!));
  return bytes.slice(0, length);
}

/**
 * The rowids of several encoded lists (one per segment) that `live` marks, ascending, each once.
 * Segments written by concurrent writers may interleave; they are sorted then, and only then.
 */
export function decodeRowids(encoded: readonly Uint8Array[], live: Uint8Array | null): Int32Array {
  const rowids = new Int32Array(encoded.reduce((sum, bytes) => sum + bytes.length, 0));
  let count = 0;
  let ascending = true;
  for (const bytes of encoded) {
    let rowid = 0;
    // readVarint inlined: this loop decodes every posting a query reads.
    for (let i = 0; i < bytes.length; ) {
      let delta = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = bytes[i++]!;
        delta |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      rowid += delta;
      if (live && live[rowid] !== 1) continue;
      if (count > 0 && rowid <= rowids[count - 1]!) ascending = false;
      rowids[count++] = rowid;
    }
  }
  return ascending ? rowids.subarray(0, count) : sortedUnique(rowids.subarray(0, count));
}
