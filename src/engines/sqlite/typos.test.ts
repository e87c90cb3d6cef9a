import { describe, expect, it } from 'vitest';
import { corrections, oneEditAway } from './typos.ts';

const counts = new Map([
  ['khong', 900],
  ['khoang', 50],
  ['thien', 300],
  ['trieu', 400],
  ['luyn', 1],
  ['tin', 500],
  ['trung', 3000],
  ['trump', 1500],
  ['mercedes', 40],
  ['xvi', 200],
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

  it('takes a slip to a neighbouring key as likelier than a substitution by a distant letter', () => {
    const edits = oneEditAway('trunp');
    expect(edits.get('trump')).toBe(1);
    expect(edits.get('trung')).toBeLessThan(1);
    expect(corrections('trunp', documentCount)).toEqual(['trump', 'trung']);
  });

  it('takes two keys swapped as likelier than a distant key pressed besides the intended ones', () => {
    const common = (word: string) => ({ quan: 3000, quang: 1000 })[word] ?? 0;
    const edits = oneEditAway('quagn');
    expect(edits.get('quang')).toBe(1);
    expect(edits.get('quan')).toBeLessThan(1);
    expect(corrections('quagn', common)).toEqual(['quang', 'quan']);
    // An extra key that touches its neighbour (`quabn`: b touches n), or a doubled one, is a slip.
    expect(oneEditAway('quabn').get('quan')).toBe(1);
    expect(oneEditAway('quann').get('quan')).toBe(1);
  });

  it('corrects long words two edits away when nothing is one edit away', () => {
    const sameStart = (term: string) => [...counts.keys()].filter((word) => word[0] === term[0]);
    expect(corrections('mecedess', documentCount, undefined, sameStart)).toEqual(['mercedes']);
    expect(corrections('mecedes', documentCount, undefined, sameStart)).toEqual(['mercedes']);
    expect(corrections('khoggnn', documentCount, undefined, sameStart)).toEqual([]);
    expect(corrections('khgn', documentCount, undefined, sameStart)).toEqual([]);
    // Two edits are looked for among the words of the same first letter only.
    expect(corrections('necedess', documentCount, undefined, sameStart)).toEqual([]);
  });

  it('corrects a rare longer word to frequent index words one edit away', () => {
    expect(corrections('khogn', documentCount)).toEqual(['khong']);
    expect(corrections('tihen', documentCount)).toEqual(['thien']);
    expect(corrections('treiu', documentCount)).toEqual(['trieu']);
  });

  it('leaves short words, numbers and frequent words alone', () => {
    expect(corrections('tni', documentCount)).toEqual([]);
    expect(corrections('2017', documentCount)).toEqual([]);
    expect(corrections('xii', documentCount)).toEqual([]);
    expect(corrections('xvii', documentCount)).toEqual([]);
    expect(corrections('khong', documentCount)).toEqual([]);
  });

  it('offers only words the index holds', () => {
    expect(corrections('luyn', documentCount)).toEqual([]);
    expect(corrections('khoagn', documentCount)).toEqual(['khoang']);
  });
});
