import { describe, expect, it } from 'vitest';
import { memoizeBySubstring, memoizeByWord } from './memoize.ts';

function countingUpperCase() {
  const computed: string[] = [];
  return {
    computed,
    compute: (word: string) => {
      computed.push(word);
      return word.toUpperCase();
    },
  };
}

describe('memoizeBySubstring', () => {
  it('computes each distinct substring once, whatever text it is found in', () => {
    const { computed, compute } = countingUpperCase();
    const upper = memoizeBySubstring(compute);
    expect(upper('Đảng Cộng sản', 5, 9)).toBe('CỘNG');
    expect(upper('Cộng', 0, 4)).toBe('CỘNG');
    expect(upper('Đảng Cộng sản', 0, 4)).toBe('ĐẢNG');
    expect(upper('xĐảng', 1, 5)).toBe('ĐẢNG');
    expect(upper('x', 1, 1)).toBe('');
    expect(computed).toEqual(['Cộng', 'Đảng', '']);
  });

  it('keeps many substrings apart, whatever slots they hash to', () => {
    const upper = memoizeBySubstring((word) => word.toUpperCase());
    const words = Array.from({ length: 20_000 }, (_, i) => i.toString(36));
    for (const word of words) expect(upper(`(${word})`, 1, word.length + 1)).toBe(word.toUpperCase());
    for (const word of words) expect(upper(word, 0, word.length)).toBe(word.toUpperCase());
  });

  it('empties itself at its limit and keeps answering right', () => {
    const { computed, compute } = countingUpperCase();
    const upper = memoizeBySubstring(compute, 100);
    const words = Array.from({ length: 250 }, (_, i) => `w${i}`);
    for (const word of [...words, ...words]) expect(upper(word, 0, word.length)).toBe(word.toUpperCase());
    // Emptied before w100 and w200, then before the second w50 and w150: every call missed.
    expect(computed.length).toBe(500);
    expect(upper('w249', 0, 4)).toBe('W249');
    expect(computed.length).toBe(500);
  });
});

describe('memoizeByWord', () => {
  it('memoizes by the whole word', () => {
    const { computed, compute } = countingUpperCase();
    const upper = memoizeByWord(compute);
    expect([upper('hòa'), upper('hoà'), upper('hòa')]).toEqual(['HÒA', 'HOÀ', 'HÒA']);
    expect(computed).toEqual(['hòa', 'hoà']);
  });
});
