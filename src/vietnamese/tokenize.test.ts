import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.ts';

const texts = (text: string) => tokenize(text).map((token) => token.text);

describe('tokenize', () => {
  it('splits on spaces, hyphens and punctuation', () => {
    expect(texts('Đảng Cộng sản Việt Nam (ĐCSVN)')).toEqual(['Đảng', 'Cộng', 'sản', 'Việt', 'Nam', 'ĐCSVN']);
    expect(texts('COVID-19 và B-1B')).toEqual(['COVID', '19', 'và', 'B', '1B']);
    expect(texts('Mác – Lê-nin; Mác - Lênin')).toEqual(['Mác', 'Lê', 'nin', 'Mác', 'Lênin']);
    expect(texts('Ô-ga-ta I-a-sư-ô')).toEqual(['Ô', 'ga', 'ta', 'I', 'a', 'sư', 'ô']);
  });

  it('keeps decomposed letters and zero-width characters inside their token', () => {
    const text = 'Vie\u0302\u0323t Na\u200bm';
    expect(tokenize(text)).toEqual([
      { text: 'Vie\u0302\u0323t', start: 0, end: 6 },
      { text: 'Na\u200bm', start: 7, end: 11 },
    ]);
  });

  it('gives offsets that slice the original text to each token', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) =>
        tokenize(text).every((token, i, all) => text.slice(token.start, token.end) === token.text && token.end > token.start && (i === 0 || all[i - 1]!.end <= token.start)),
      ),
    );
  });
});
