/** Unsigned LEB128 varints, the integer encoding of postings and term blocks (docs/index-format.md). */

/** Writes `value` at `offset` (the array must have 5 bytes of room); returns the offset after it. */
export function writeVarint(bytes: Uint8Array, offset: number, value: number): number {
  while (value >= 0x80) {
    bytes[offset++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  bytes[offset++] = value;
  return offset;
}

/** Reads the varint at `at.offset`, moving the offset past it. */
export function readVarint(bytes: Uint8Array, at: { offset: number }): number {
  let value = 0;
  let shift = 0;
  let byte: number;
  do {
    byte = bytes[at.offset++]!;
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return value >>> 0;
}
