/** A matching document and the sum of the weights of the ranking tiers it is in. */
export interface Candidate {
  rowid: number;
  tier: number;
}

/**
 * Tier value of every matching rowid. Tier weights are distinct powers of two, so a value also
 * tells which tiers a document is in.
 */
export function tierCandidates(matching: ArrayLike<number>, tiers: readonly { weight: number; rowids: ArrayLike<number> }[], maxRowid: number): Candidate[] {
  const values = new Uint8Array(maxRowid + 1);
  for (const { weight, rowids } of tiers) for (let i = 0; i < rowids.length; i++) values[rowids[i]!]! |= weight;
  return Array.from(matching, (rowid) => ({ rowid, tier: values[rowid]! }));
}

/**
 * The rowids of one page in relevance order: by tier value, highest first, then within a tier
 * value in the order `orderGroup` gives. Only groups that reach into the page are ordered, so a
 * query matching most of the corpus ranks a few hundred documents, not all of them.
 */
export function relevancePage(candidates: readonly Candidate[], offset: number, limit: number, orderGroup: (tier: number, rowids: number[]) => number[]): number[] {
  const groups = new Map<number, number[]>();
  for (const { rowid, tier } of candidates) {
    const group = groups.get(tier);
    if (group) group.push(rowid);
    else groups.set(tier, [rowid]);
  }
  const page: number[] = [];
  let position = 0;
  for (const tier of [...groups.keys()].sort((a, b) => b - a)) {
    const group = groups.get(tier)!;
    const end = position + group.length;
    if (end > offset) {
      const ordered = orderGroup(tier, group);
      page.push(...ordered.slice(Math.max(0, offset - position), offset + limit - position));
    }
    position = end;
    if (position >= offset + limit) break;
  }
  return page;
}
