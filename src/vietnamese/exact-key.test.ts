import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactKeysFolding, toExactKey } from './exact-key.ts';
import { foldText } from './fold.ts';
import { isFoldedSyllable } from './syllable.ts';
import { normalizeForMatching } from './normalize.ts';

describe('toExactKey', () => {
  it('spells words in Telex', () => {
    expect(toExactKey('Đảng')).toBe('ddangr');
    expect(toExactKey('Cộng')).toBe('coongj');
    expect(toExactKey('người')).toBe('nguwowif');
    expect(toExactKey('Việt')).toBe('vieetj');
    expect(toExactKey('sáng')).toBe('sangs');
  });

  it('keeps folded form for words without marks', () => {
    expect(toExactKey('san')).toBe('san');
    expect(toExactKey('ASEAN')).toBe('asean');
  });

  it('tells apart words that fold alike', () => {
    expect(toExactKey('bán')).not.toBe(toExactKey('bạn'));
    expect(toExactKey('thông')).not.toBe(toExactKey('thống'));
  });

  it('gives variants of one word the same key', () => {
    expect(toExactKey('hòa')).toBe(toExactKey('hoà'));
    expect(toExactKey('kỹ')).toBe(toExactKey('kĩ'));
    expect(toExactKey('Thuỷ')).toBe(toExactKey('thủy'));
    expect(toExactKey('Việt'.normalize('NFD'))).toBe('vieetj');
  });

  it('is ASCII and never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => /^[\x00-\x7f]*$/.test(toExactKey(text))));
  });

  it('gives two Vietnamese syllables one key only when they normalize alike', () => {
    const syllable = fc
      .tuple(
        fc.constantFrom('', 'b', 'đ', 'ng', 'th', 'qu', 'gi', 'kh'),
        fc.constantFrom('a', 'ă', 'â', 'oa', 'uy', 'ươ', 'ê', 'i', 'y'),
        fc.constantFrom('', 'n', 'ng', 't'),
        fc.constantFrom('', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'),
      )
      .map(([onset, vowels, coda, tone]) => (onset + vowels.slice(0, 1) + tone + vowels.slice(1) + coda).normalize('NFC'));
    fc.assert(
      fc.property(syllable, syllable, (a, b) => (toExactKey(a) === toExactKey(b)) === (normalizeForMatching(a).toLowerCase() === normalizeForMatching(b).toLowerCase())),
      { numRuns: 3000 },
    );
  });

  it('lists the exact key of every marked form of a folded syllable', () => {
    const syllable = fc
      .tuple(
        fc.constantFrom('', 'b', 'đ', 'ng', 'th', 'qu', 'gi', 'kh', 'tr'),
        fc.constantFrom('a', 'ă', 'â', 'oa', 'uy', 'ươ', 'ê', 'i', 'ô', 'ơ', 'ư'),
        fc.constantFrom('', 'n', 'ng', 't', 'c'),
        fc.constantFrom('', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'),
      )
      .map(([onset, vowels, coda, tone]) => (onset + vowels.slice(0, 1) + tone + vowels.slice(1) + coda).normalize('NFC'));
    fc.assert(
      fc.property(syllable, (word) => {
        fc.pre(isFoldedSyllable(foldText(word)));
        return exactKeysFolding(foldText(word)).includes(toExactKey(word));
      }),
      { numRuns: 2000 },
    );
    expect(exactKeysFolding('trump')).toEqual(['trump']);
  });
});
