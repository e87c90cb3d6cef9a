import { describe, expect, it } from 'vitest';
import { isFoldedSyllable, isVietnameseSyllable } from './syllable.ts';

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

describe('isFoldedSyllable', () => {
  it('accepts syllables with their marks taken away, stop finals without a tone included', () => {
    for (const letters of ['hoc', 'nguoi', 'noi', 'ha', 'chi', 'minh', 'duong', 'quoc']) expect(isFoldedSyllable(letters), letters).toBe(true);
  });

  it('rejects joined syllables, foreign words and marked letters', () => {
    for (const letters of ['hanoi', 'lenin', 'trump', 'news', 'hoà', 'Ha']) expect(isFoldedSyllable(letters), letters).toBe(false);
  });
});
