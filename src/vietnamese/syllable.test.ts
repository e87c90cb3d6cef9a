import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable } from './syllable.ts';

describe('isVietnameseSyllable', () => {
  it('accepts Vietnamese syllables with or without diacritics', () => {
    for (const token of ['đảng', 'cộng', 'sản', 'người', 'quốc', 'quýt', 'quỳnh', 'giếng', 'gì', 'nghiêng', 'khuỷu', 'nguyễn', 'xoong', 'hoà', 'hòa', 'Việt', 'dang', 'nguoi'.replace('o', 'ô')]) {
      expect(isVietnameseSyllable(token), token).toBe(true);
    }
  });

  it('rejects other words and impossible spellings', () => {
    for (const token of ['news', 'asean', 'covid', 'abc', 'ci', 'ghan', 'kan', 'càc', 'sảnh2', 'đảngg', 'hóà']) {
      expect(isVietnameseSyllable(token), token).toBe(false);
    }
  });
});
