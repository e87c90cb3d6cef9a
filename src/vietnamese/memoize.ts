const DEFAULT_LIMIT = 200_000;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const MIN_BITS = 4;

/** FNV-1a of the UTF-16 codes of text.slice(start, end). */
function hashOf(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), FNV_PRIME);
  return hash;
}

function equalsSlice(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let index = 0; index < key.length; index++) if (key.charCodeAt(index) !== text.charCodeAt(start + index)) return false;
  return true;
}

/**
 * `compute` of text.slice(start, end), computed once per distinct substring: words repeat heavily
 * in running text. A hit neither slices the text nor goes through a Map: Map lookups, with the
 * slice that makes their key, were the largest cost of normalization and segmentation. The
 * substring is hashed and compared in place instead, in a table of plain integers. The memo is
 * emptied when it reaches `limit` entries, which bounds memory whatever the input.
 */
export function memoizeBySubstring<T>(compute: (substring: string) => T, limit = DEFAULT_LIMIT): (text: string, start: number, end: number) => T {
  // Open addressing with linear probing, at most half full so that probe sequences stay short.
  // Slot i is table[2i] = the hash of its key (most mismatches are found without reading the key)
  // and table[2i + 1] = 1 + the index of its entry, 0 when empty: one cache line per probe.
  let bits = MIN_BITS;
  let table = new Int32Array(2 << bits);
  const keys: string[] = [];
  const values: T[] = [];

  function homeSlot(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> (32 - bits); // Fibonacci hashing spreads FNV's weak high bits
  }

  function place(hash: number, entry: number): void {
    const mask = (1 << bits) - 1;
    let slot = homeSlot(hash);
    while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    table[2 * slot] = hash;
    table[2 * slot + 1] = entry + 1;
  }

  function grow(): void {
    const old = table;
    bits++;
    table = new Int32Array(2 << bits);
    for (let slot = 0; slot < old.length; slot += 2) if (old[slot + 1] !== 0) place(old[slot]!, old[slot + 1]! - 1);
  }

  return (text, start, end) => {
    const hash = hashOf(text, start, end);
    const mask = (1 << bits) - 1;
    for (let slot = homeSlot(hash); table[2 * slot + 1] !== 0; slot = (slot + 1) & mask) {
      const entry = table[2 * slot + 1]! - 1;
      if (table[2 * slot] === hash && equalsSlice(keys[entry]!, text, start, end)) return values[entry]!;
    }
    const key = text.slice(start, end);
    const value = compute(key);
    if (keys.length >= limit) {
      keys.length = 0;
      values.length = 0;
      bits = MIN_BITS;
      table = new Int32Array(2 << bits);
    } else if (2 * (keys.length + 1) > 1 << bits) grow();
    place(hash, keys.length);
    keys.push(key);
    values.push(value);
    return value;
  };
}

/** `compute`, computed once per distinct word: memoizeBySubstring over the whole word. */
export function memoizeByWord<T>(compute: (word: string) => T, limit = DEFAULT_LIMIT): (word: string) => T {
  const memo = memoizeBySubstring(compute, limit);
  return (word) => memo(word, 0, word.length);
}
