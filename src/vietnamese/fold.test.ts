import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCodeUnits, foldNormalized, foldText } from './fold.ts';
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

describe('foldCodeUnits', () => {
  it('folds letter by letter, keeping every offset', () => {
    expect(foldCodeUnits('Đảng Cộng sản – Lê-nin 北京')).toBe('dang cong san   le-nin   ');
  });

  it('keeps the length of any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => foldCodeUnits(text).length === text.length));
  });
});
