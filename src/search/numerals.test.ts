import { describe, expect, it } from 'vitest';
import { fromRoman, toRoman } from './numerals.ts';

describe('Roman numerals', () => {
  it('writes and reads the ordinals of congresses and centuries', () => {
    expect(toRoman(13)).toBe('xiii');
    expect(toRoman(21)).toBe('xxi');
    expect(toRoman(4)).toBe('iv');
    expect(fromRoman('XIII')).toBe(13);
    expect(fromRoman('xiv')).toBe(14);
    expect(fromRoman('XXXIX')).toBe(39);
  });

  it('reads every value back', () => {
    for (let value = 1; value <= 39; value++) expect(fromRoman(toRoman(value)!)).toBe(value);
  });

  it('refuses what is no numeral of 1–39', () => {
    for (const value of [0, 40, 2.5]) expect(toRoman(value)).toBeNull();
    for (const text of ['', 'iiii', 'vx', 'xl', 'c', 'viet', 'mi']) expect(fromRoman(text), text).toBeNull();
  });
});
