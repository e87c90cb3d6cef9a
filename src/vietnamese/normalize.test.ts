import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from './clean.ts';
import { foldText } from './fold.ts';
import { normalizeForMatching } from './normalize.ts';

describe('cleanText', () => {
  it('makes decomposed input identical to precomposed', () => {
    expect(cleanText('Vie\u0302\u0323t Nam'.normalize('NFD'))).toBe('Việt Nam');
    expect(cleanText('Đảng Cộng sản'.normalize('NFD'))).toBe('Đảng Cộng sản');
  });

  it('drops invisible characters and maps spaces, full-width forms, quotes and Đ look-alikes', () => {
    expect(cleanText('Hà\u200bNội\u00ad')).toBe('HàNội');
    expect(cleanText('Lê\u00a0Hoài\u202fTrung')).toBe('Lê Hoài Trung');
    expect(cleanText('ＣＯＶＩＤ－１９')).toBe('COVID-19');
    expect(cleanText('“Đổi mới” ‘ok’')).toBe('"Đổi mới" \'ok\'');
    expect(cleanText('\u00d0ảng \u0189oàn \u00f0ồng')).toBe('Đảng Đoàn đồng');
  });

  it('keeps case and the writer’s tone placement', () => {
    expect(cleanText('Uỷ ban hoà bình')).toBe('Uỷ ban hoà bình');
  });
});

describe('normalizeForMatching', () => {
  it('puts the tone mark in one place (classic style)', () => {
    expect(normalizeForMatching('hoà')).toBe(normalizeForMatching('hòa'));
    expect(normalizeForMatching('hoà')).toBe('hòa');
    expect(normalizeForMatching('thuỷ')).toBe('thủy');
    expect(normalizeForMatching('khoẻ')).toBe('khỏe');
    expect(normalizeForMatching('Uỷ ban')).toBe('Ủy ban');
    expect(normalizeForMatching('HOÀ BÌNH')).toBe('HÒA BÌNH');
    expect(normalizeForMatching('hoàng người quốc khuỷu')).toBe('hoàng người quốc khuỷu');
  });

  it('maps the i/y spelling variants to y', () => {
    expect(normalizeForMatching('kĩ thuật')).toBe('kỹ thuật');
    expect(normalizeForMatching('lí do')).toBe('lý do');
    expect(normalizeForMatching('nước Mĩ')).toBe('nước Mỹ');
    expect(normalizeForMatching('qui định')).toBe('quy định');
    expect(normalizeForMatching('chi bộ')).toBe('chi bộ');
  });

  it('leaves non-Vietnamese words alone', () => {
    expect(normalizeForMatching('résumé COVID-19 (ĐCSVN)')).toBe('résumé COVID-19 (ĐCSVN)');
  });

  it('gives NFD and precomposed input the same form', () => {
    const text = 'Đồng chí Lê Hoài Trung, Trưởng Ban Đối ngoại Trung ương';
    expect(normalizeForMatching(text.normalize('NFD'))).toBe(normalizeForMatching(text));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => normalizeForMatching(normalizeForMatching(text)) === normalizeForMatching(text)));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => normalizeForMatching(normalizeForMatching(text)) === normalizeForMatching(text)));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => cleanText(cleanText(text)) === cleanText(text)));
  });

  it('is idempotent on Vietnamese-looking text', () => {
    const letters = fc.constantFrom(...'aăâeêioôơuưyđ bcdghklmnpqrstvxAĐƯ\u0300\u0301\u0303\u0309\u0323\u0302\u200b');
    const text = fc.array(letters, { maxLength: 20 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (value) => normalizeForMatching(normalizeForMatching(value)) === normalizeForMatching(value)),
      { numRuns: 2000 },
    );
  });

  it('never changes what folding gives', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => foldText(normalizeForMatching(text)) === foldText(text)));
  });
});
