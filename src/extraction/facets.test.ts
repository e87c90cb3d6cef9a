import { describe, expect, it } from 'vitest';
import { parseGazetteer } from './config.ts';
import { extractFacets } from './facets.ts';

const countries = (text: string) => extractFacets(text).countries;
const parties = (text: string) => extractFacets(text).parties;

describe('extractFacets', () => {
  it('matches canonical names, acronyms, transliterations and older spellings', () => {
    expect(parties('Ban Chấp hành Trung ương CPP chúc mừng Đảng ta')).toEqual(['Đảng Nhân dân Campuchia', 'Đảng Cộng sản Việt Nam']);
    expect(countries('quan hệ với Cam-pu-chia và Chi-lê')).toEqual(['Campuchia', 'Chile']);
    expect(countries('Thuỵ Điển và Thụy Điển')).toEqual(['Thụy Điển']);
    expect(countries('hàng hóa từ TQ')).toEqual(['Trung Quốc']);
    expect(parties('Đảng Cộng sản Ấn Độ (Mác-xít) và CPI(M)')).toEqual(['Đảng Cộng sản Ấn Độ (Mác-xít)']);
  });

  it('a party implies its country', () => {
    expect(extractFacets('đoàn đại biểu Đảng Cộng sản Nhật Bản')).toEqual({
      parties: ['Đảng Cộng sản Nhật Bản'],
      countries: ['Nhật Bản'],
    });
  });

  it('does not confuse words that fold alike (thủy điện, nhất bạn, ba lần, mà lại)', () => {
    expect(countries('nhà máy thủy điện, người bạn tốt nhất bạn bè, ba lần, mà lại')).toEqual([]);
    expect(countries('Nhà nước pháp quyền, tư pháp, mỳ ăn liền, phân làn')).toEqual([]);
  });

  it('keeps short names out of personal and place names', () => {
    expect(countries('ông Đức, Phạm Đức Ấn, Hằng Nga, huyện Mỹ Đức, tỉnh Lào Cai, sân Mỹ Đình')).toEqual([]);
    expect(countries('Tổng thống Mỹ Donald Trump gặp Thủ tướng Đức')).toEqual(['Hoa Kỳ', 'Đức']);
  });

  it('regions are not countries: Mỹ Latinh, Nam Mỹ, châu Âu', () => {
    expect(countries('các nước Mỹ Latinh, Nam Mỹ và châu Âu')).toEqual([]);
  });

  it('context-bound `Anh` counts after a context word or in a list of countries, not as a pronoun', () => {
    expect(countries('Thủ tướng Anh Theresa May')).toEqual(['Anh']);
    expect(countries('Mỹ, Anh và Pháp')).toEqual(['Hoa Kỳ', 'Anh', 'Pháp']);
    expect(countries('Anh ấy học tiếng Anh')).toEqual([]);
  });

  it('bare party names need a country in the text; with several candidates the nearest country decides', () => {
    expect(parties('Đảng Cộng hòa kiểm soát Quốc hội Mỹ')).toEqual(['Đảng Cộng hòa Mỹ']);
    expect(parties('Đảng Cộng hòa kiểm soát Quốc hội')).toEqual([]);
    expect(parties('Tại Nhật Bản, thủ tướng gặp Đại sứ Mỹ. Ông nói đảng Dân chủ ủng hộ Tokyo.')).toEqual(['Đảng Dân chủ Mỹ']);
    expect(parties('Thượng nghị sĩ Mỹ gặp nghị sĩ Hàn Quốc, nghị sỹ đảng Dân chủ Park Gyeong-seug.')).toEqual(['Đảng Dân chủ Hàn Quốc']);
  });

  it('works with a gazetteer given in memory, validated with zod', () => {
    const gazetteer = parseGazetteer({
      countries: [{ name: 'Lào', aliases: [{ text: 'Lào', exact: true }] }],
      parties: [{ name: 'Đảng Nhân dân Cách mạng Lào', country: 'Lào', aliases: ['LPRP'] }],
    });
    expect(extractFacets('LPRP', gazetteer)).toEqual({ parties: ['Đảng Nhân dân Cách mạng Lào'], countries: ['Lào'] });
    expect(() => parseGazetteer({ countries: [{ name: '' }], parties: [] })).toThrow();
  });
});
