import { describe, expect, it } from 'vitest';
import { corrections, oneEditAway } from './typos.ts';

const counts = new Map([
  ['khong', 900],
  ['khoang', 50],
  ['thien', 300],
  ['trieu', 400],
  ['luyn', 1],
  ['tin', 500],
]);
const documentCount = (word: string) => counts.get(word) ?? 0;

describe('typo corrections', () => {
  it('finds transpositions, substitutions, deletions and insertions', () => {
    const edits = oneEditAway('khogn');
    expect(edits.has('khong')).toBe(true);
    expect(edits.has('khon')).toBe(true);
    expect(edits.has('khogna')).toBe(true);
    expect(edits.has('khoan')).toBe(true);
    expect(edits.has('khogn')).toBe(false);
  });

  it('corrects a rare longer word to frequent index words one edit away', () => {
    expect(corrections('khogn', documentCount)).toEqual(['khong']);
    expect(corrections('tihen', documentCount)).toEqual(['thien']);
    expect(corrections('treiu', documentCount)).toEqual(['trieu']);
  });

  it('leaves short words, numbers and frequent words alone', () => {
    expect(corrections('tni', documentCount)).toEqual([]);
    expect(corrections('2017', documentCount)).toEqual([]);
    expect(corrections('khong', documentCount)).toEqual([]);
  });

  it('offers only words the index holds', () => {
    expect(corrections('luyn', documentCount)).toEqual([]);
    expect(corrections('khoagn', documentCount)).toEqual(['khoang']);
  });
});
