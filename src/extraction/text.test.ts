import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from './text.ts';

/** What tokenize replaced, kept as the oracle it must agree with. */
function tokenizeByRegex(text: string): { text: string; kind: string }[] {
  return [...text.matchAll(/([\p{L}\p{M}\p{N}]+)|([-\u2010-\u2015\u2212])|(\S)/gu)].map((match) =>
    match[1] !== undefined ? { text: match[1], kind: 'word' } : match[2] !== undefined ? { text: '-', kind: 'dash' } : { text: match[0], kind: 'punct' },
  );
}

const simple = (text: string) => tokenize(text).map(({ text, kind }) => ({ text, kind }));

describe('extraction tokenize', () => {
  it('splits words, dashes and punctuation', () => {
    expect(simple('Việt – Trung: Lê-nin, 2021!')).toEqual([
      { text: 'Việt', kind: 'word' },
      { text: '-', kind: 'dash' },
      { text: 'Trung', kind: 'word' },
      { text: ':', kind: 'punct' },
      { text: 'Lê', kind: 'word' },
      { text: '-', kind: 'dash' },
      { text: 'nin', kind: 'word' },
      { text: ',', kind: 'punct' },
      { text: '2021', kind: 'word' },
      { text: '!', kind: 'punct' },
    ]);
  });

  it('tokenizes any text as the regular expression it replaced', () => {
    const vietnamese = fc.constantFrom(...'aăâđeêioôơuưyÀÁẢÃẠĐàáảãạằắẳẵặầấẩẫậềếểễệỳýỷỹỵ-–—−_.,;:!?"“”()\u00a0\u200b\u0301\u0323 \n\t😀𝟘'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: vietnamese })), (text) => {
        expect(simple(text)).toEqual(tokenizeByRegex(text));
      }),
    );
  });
});
