import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForLocating, foldNormalized, foldText, foldUtf8ForLocating } from './fold.ts';
import { normalizeForMatching } from './normalize.ts';

describe('foldText', () => {
  it('folds Vietnamese exactly', () => {
    expect(foldText('Đảng Cộng sản')).toBe('dang cong san');
    expect(foldText('Người Việt, Thủ tướng Nguyễn Xuân Phúc')).toBe('nguoi viet, thu tuong nguyen xuan phuc');
    expect(foldText('(ĐCSVN)')).toBe('(dcsvn)');
  });

  it('folds tone-placement, i/y and NFD variants alike', () => {
    expect(foldText('hoà')).toBe(foldText('hòa'));
    expect(foldText('kĩ thuật')).toBe(foldText('kỹ thuật'));
    expect(foldText('Mĩ')).toBe('my');
    expect(foldText('Việt'.normalize('NFD'))).toBe('viet');
  });

  it('keeps hyphens and turns dashes into hyphens', () => {
    expect(foldText('Mác – Lê-nin')).toBe('mac - le-nin');
    expect(foldText('Mác - Lênin')).toBe('mac - lenin');
  });

  it('uses unidecode for other scripts', () => {
    expect(foldText('Москва')).toBe('moskva');
    expect(foldText('Ðà Nẵng')).toBe('da nang');
    expect(foldText('Đà Nẵng – “Tổng thống Putin” nói: Москва ...')).toBe('da nang - "tong thong putin" noi: moskva ...');
  });

  it('never throws and gives ASCII', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => /^[\x00-\x7f]*$/.test(foldText(text))));
  });
});

describe('foldNormalized', () => {
  it('folds the normalized text as foldText folds the raw one', () => {
    expect(foldNormalized(normalizeForMatching('Thuỷ, hoà, kĩ'))).toBe('thuy, hoa, ky');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => foldNormalized(normalizeForMatching(text)) === foldText(text)));
  });
});

describe('foldForLocating', () => {
  it('folds letter by letter, y as i, keeping every offset and telling whitespace from other characters', () => {
    expect(foldForLocating('Đảng Cộng sản – Lê-nin 北京, Mỹ\u00a0Kỳ')).toBe('dang cong san \x01 le-nin \x01\x01, mi ki');
  });

  it('keeps the length of any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => foldForLocating(text).length === text.length));
  });
});

describe('foldUtf8ForLocating', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it('folds UTF-8 code point by code point, with where each starts', () => {
    const { located, offsets } = foldUtf8ForLocating(encode('Đảng 北京 😀!'));
    expect(located).toBe('dang \x01\x01 \x01!');
    expect([...offsets]).toEqual([0, 2, 5, 6, 7, 8, 11, 14, 15, 19, 20]);
  });

  it('agrees with foldForLocating on any text of single-unit characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xd7ff }).map((code) => String.fromCharCode(code)) }), (text) => {
        const { located, offsets } = foldUtf8ForLocating(encode(text));
        const decoder = new TextDecoder();
        return located === foldForLocating(text) && [...located].every((_, i) => decoder.decode(encode(text).subarray(offsets[i], offsets[i + 1])) === text[i]);
      }),
    );
  });

  it('locates each byte that cannot start a sequence as one character, and a sequence cut short at the end too', () => {
    expect(foldUtf8ForLocating(Uint8Array.from([0x61, 0xff, 0x80, 0x62, 0xe1])).located).toBe('a\x01\x01b\x01');
  });
});

describe('locating folds above the letter table', () => {
  it('tell whitespace from other characters as \\s does', () => {
    for (let code = 0x1f00; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      expect(foldForLocating(char)).toBe(/\s/.test(char) ? ' ' : '\x01');
    }
  });
});
