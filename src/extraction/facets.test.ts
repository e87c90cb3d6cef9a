import { describe, expect, it } from 'vitest';
import { parseGazetteer } from '../config/language-data.ts';
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

  it('a country name inside a club, a brand, a model number or a person\'s name is not the country', () => {
    const transfer = 'Lãnh đạo Monaco tuyên bố tiền đạo Kylian Mbappe không phải để bán, dù Man City sẵn sàng chi 100 triệu bảng. HLV Pep Guardiola đến Pháp ăn tối.';
    expect(countries(transfer)).toEqual(['Pháp']);
    expect(countries('Hoàng tử Albert của Công quốc Monaco thăm Hà Nội; du khách đến Monaco ngày càng đông.')).toEqual(['Monaco']);
    expect(countries('Máy dùng chip A9 và bộ xử lý đồ họa Mali 400MP, chạy Android.')).toEqual([]);
    expect(countries('Đồ họa: Mali – T720, hoặc Mali-T880. U23 Việt Nam - U23 Thái Lan.')).toEqual(['Việt Nam', 'Thái Lan']);
    expect(countries('Tổng thống Mali kêu gọi ngừng bắn.')).toEqual(['Mali']);
    expect(countries('Quỹ Japan Asian MB Capital tăng trưởng 20%. Ông Israel Adesanya đến sân cỏ AS Monaco.')).toEqual([]);
  });

  it('`miền Nam Italy`, `Đại sứ quán Mỹ`: a direction or an office before a country does not make a name', () => {
    expect(countries('Hội nghị G7 ở miền Nam Italy.')).toEqual(['Italy']);
    expect(countries('Đại sứ quán Mỹ tại Bắc Kinh gửi công hàm.')).toEqual(['Hoa Kỳ', 'Trung Quốc']);
  });

  it('context-bound names count when a content word governs them, never before a person\'s name or at a sentence start', () => {
    expect(countries('Mỹ điều 800 quân nhân đến Anh; báo giới Anh đưa tin.')).toEqual(['Anh', 'Hoa Kỳ']);
    expect(countries('Gia đình không xử lý tài xế gây tai nạn Anh Trần Chí Dũng.')).toEqual([]);
    expect(countries('Áo thun trắng? Giày thể thao? Thủ tướng Áo không bình luận.')).toEqual(['Áo']);
  });

  it('reads parties the gazetteer does not know: `Đảng` + name + country, canonicalized, with defined abbreviations', () => {
    expect(extractFacets('Đảng Xanh Hàn Quốc giành 3 ghế.')).toEqual({ parties: ['Đảng Xanh Hàn Quốc'], countries: ['Hàn Quốc'] });
    const brexit = 'Thủ tướng Anh lập chính phủ với đảng Hợp nhất Dân chủ (DUP). DUP ủng hộ Brexit, còn đảng Dân chủ Tự do phản đối.';
    expect(parties(brexit)).toEqual(['Đảng Hợp nhất Dân chủ Anh', 'Đảng Dân chủ Tự do Anh']);
    expect(parties('Tại Moskva, người dân Nga dự các hoạt động do Đảng Cộng sản tổ chức.')).toEqual(['Đảng Cộng sản Liên bang Nga']);
  });

  it('people, offices, gangs and common nouns after `đảng` are not parties', () => {
    expect(parties('Ủy viên Trung ương Đảng Đinh La Thăng thăm Việt Nam.')).toEqual([]);
    expect(parties('Ban Cán sự Đảng Bộ Văn hóa Việt Nam họp.')).toEqual([]);
    expect(parties('Ông là thành viên băng đảng Yakuza ở Nhật Bản.')).toEqual([]);
    expect(parties('Nhiều nghị sĩ Hàn Quốc chuyển sang một đảng bảo thủ khác.')).toEqual([]);
    expect(parties('Đảng Cộng sản tổ chức hội nghị.')).toEqual([]);
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
