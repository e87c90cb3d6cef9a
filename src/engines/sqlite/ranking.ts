/**
 * The tier value of every rowid: the sum of the weights of the tiers it is in. Tier weights are
 * distinct powers of two, so a value also tells which tiers a document is in.
 */
export function tierValues(tiers: readonly { weight: number; rowids: ArrayLike<number> }[], maxRowid: number): Uint8Array {
  const values = new Uint8Array(maxRowid + 1);
  for (const { weight, rowids } of tiers) for (let i = 0; i < rowids.length; i++) values[rowids[i]!]! |= weight;
  return values;
}

/**
 * The rowids of one page in relevance order: by tier value, highest first, then within a tier
 * value in the order `orderGroup` gives. Only groups that reach into the page are ordered, so a
 * query matching most of the corpus orders a few hundred documents, not all of them.
 */
export function relevancePage(rowids: readonly number[], tiers: Uint8Array, offset: number, limit: number, orderGroup: (rowids: number[]) => number[]): number[] {
  const groups = new Map<number, number[]>();
  for (const rowid of rowids) {
    const tier = tiers[rowid]!;
    const group = groups.get(tier);
    if (group) group.push(rowid);
    else groups.set(tier, [rowid]);
  }
  const page: number[] = [];
  let position = 0;
  for (const tier of [...groups.keys()].sort((a, b) => b - a)) {
    const group = groups.get(tier)!;
    const end = position + group.length;
    if (end > offset) page.push(...orderGroup(group).slice(Math.max(0, offset - position), offset + limit - position));
    position = end;
    if (position >= offset + limit) break;
  }
  return page;
}
