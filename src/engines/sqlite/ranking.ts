/**
 * The tier value of every rowid, written into `values` (cleared first): the sum of the weights of
 * the tiers it is in. Tier weights are distinct powers of two, so a value also tells which tiers
 * a document is in.
 */
export function tierValues(tiers: readonly { weight: number; rowids: ArrayLike<number> }[], values: Uint8Array): Uint8Array {
  values.fill(0);
  for (const { weight, rowids } of tiers) for (let i = 0; i < rowids.length; i++) values[rowids[i]!]! |= weight;
  return values;
}

/** Tier values fit a byte: the weights are distinct powers of two below 256. */
const TIER_VALUES = 256;

/**
 * The rowids of one page in relevance order: by tier value, highest first, then within a tier
 * value in the order `orderGroup` gives (asked for the first `count` of a group only). Tier sizes
 * are counted first and only the groups that reach into the page are collected and ordered, so a
 * query matching most of the corpus orders a few hundred documents, not all of them.
 */
export function relevancePage(rowids: ArrayLike<number>, tiers: Uint8Array, offset: number, limit: number, orderGroup: (rowids: number[], count: number) => number[]): number[] {
  const sizes = new Int32Array(TIER_VALUES);
  for (let i = 0; i < rowids.length; i++) sizes[tiers[rowids[i]!]!]!++;
  const groups = new Map<number, number[]>();
  let position = 0;
  for (let tier = TIER_VALUES - 1; tier >= 0 && position < offset + limit; tier--) {
    if (sizes[tier] === 0) continue;
    if (position + sizes[tier]! > offset) groups.set(tier, []);
    position += sizes[tier]!;
  }
  for (let i = 0; i < rowids.length; i++) groups.get(tiers[rowids[i]!]!)?.push(rowids[i]!);
  const page: number[] = [];
  position = 0;
  for (let tier = TIER_VALUES - 1; tier >= 0 && position < offset + limit; tier--) {
    const group = groups.get(tier);
    if (group) page.push(...orderGroup(group, offset + limit - position).slice(Math.max(0, offset - position)));
    position += sizes[tier]!;
  }
  return page;
}

/** The first `count` items in `compare` order, without sorting them all: a page needs ten of thousands. */
export function firstInOrder<T>(items: T[], count: number, compare: (a: T, b: T) => number): T[] {
  if (items.length <= count * 4) return items.sort(compare).slice(0, count);
  const first: T[] = [];
  for (const item of items) {
    if (first.length === count) {
      if (compare(item, first[count - 1]!) >= 0) continue;
      first.pop();
    }
    let at = first.length;
    first.push(item);
    for (; at > 0 && compare(item, first[at - 1]!) < 0; at--) first[at] = first[at - 1]!;
    first[at] = item;
  }
  return first;
}
