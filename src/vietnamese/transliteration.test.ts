import { describe, expect, it } from 'vitest';
import { foldText } from './fold.ts';
import { transliterationJoins } from './transliteration.ts';

describe('transliterationJoins', () => {
  it('joins hyphenated transliterations of the seed documents', () => {
    expect(transliterationJoins('đồng chí Ô-ga-ta I-a-sư-ô, Phó Chủ tịch')).toEqual(['ogata', 'iasuo']);
    expect(transliterationJoins('Chủ nghĩa Mác – Lê-nin')).toEqual(['lenin']);
    expect(transliterationJoins('Cam-pu-chia và Chi-lê, Cam-pu-chia')).toEqual(['campuchia', 'chile']);
  });

  it('meets the joined spelling of the other seed', () => {
    const [joined] = transliterationJoins('Mác – Lê-nin');
    expect(joined).toBe(foldText('Lênin'));
    expect(joined).toBe(foldText('Lenin'));
  });

  it('ignores codes with digits and free-standing dashes', () => {
    expect(transliterationJoins('COVID-19, B-1B, Việt Nam - Nhật Bản')).toEqual([]);
  });
});
