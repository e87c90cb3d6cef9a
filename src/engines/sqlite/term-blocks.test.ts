import { describe, expect, it } from 'vitest';
import { blockEntries, BlockWriter, findInBlock } from './term-blocks.ts';

function writeBlocks(terms: readonly string[]): { firstTerm: string; block: Uint8Array }[] {
  const blocks: { firstTerm: string; block: Uint8Array }[] = [];
  const writer = new BlockWriter((firstTerm, block) => blocks.push({ firstTerm, block }));
  terms.forEach((term, i) => {
    writer.add(term, Uint8Array.of(i % 128));
  });
  writer.finish();
  return blocks;
}

describe('term blocks', () => {
  const terms = Array.from({ length: 300 }, (_, i) => `t${String(i).padStart(3, '0')}`);

  it('packs sorted terms into blocks keyed by their first term, and reads every term back', () => {
    const blocks = writeBlocks(terms);
    expect(blocks.length).toBe(Math.ceil(terms.length / 64));
    expect(blocks.map((b) => b.firstTerm)).toEqual(blocks.map((_, i) => terms[i * 64]));
    expect(blocks.flatMap(({ block }) => [...blockEntries(block)].map(([term, postings]) => [term, postings[0]]))).toEqual(terms.map((term, i) => [term, i % 128]));
  });

  it('finds a term in its block, and nothing for a term between two', () => {
    const { block } = writeBlocks(['ban', 'ban_hang', 'banj', 'hang'])[0]!;
    expect([...findInBlock(block, 'banj')!]).toEqual([2]);
    expect(findInBlock(block, 'ban_')).toBeNull();
    expect(findInBlock(block, 'zzz')).toBeNull();
  });

  it('closes a block early when its postings are large', () => {
    const blocks: Uint8Array[] = [];
    const writer = new BlockWriter((_first, block) => blocks.push(block));
    writer.add('trong', new Uint8Array(5000));
    writer.add('trung', Uint8Array.of(1));
    writer.finish();
    expect(blocks).toHaveLength(2);
  });

  it('refuses terms that are not ASCII', () => {
    expect(() => new BlockWriter(() => undefined).add('bạn', Uint8Array.of(1))).toThrow(RangeError);
  });
});
