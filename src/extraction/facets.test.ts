import { describe, expect, it } from 'vitest';
import { parseGazetteer } from '../config/language-data.ts';
import { extractFacets } from './facets.ts';

const countries = (text: string) => extractFacets(text).countries;
const parties = (text: string) => extractFacets(text).parties;

describe('extractFacets', () => {
  it('matches canonical names, acronyms, transliterations and older spellings', () => {
    expect(parties('Ban Chấp hành Trung ương CPP của Campuchia chúc mừng Đảng ta').sort()).toEqual(['Đảng Cộng sản Việt Nam', 'Đảng Nhân dân Campuchia']);
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
    // Aliases of Vietnamese syllables without marks (Trung Hoa, Nga, Na Uy) keep their lack of marks.
    expect(countries('phản ứng trung hòa axit, ngà voi, cây na úy')).toEqual([]);
    expect(countries('Cộng hòa Nhân dân Trung Hoa, Nga và Na Uy')).toEqual(['Trung Quốc', 'Nga', 'Na Uy']);
    expect(countries('quan hệ với Căm-pu-chia')).toEqual(['Campuchia']);
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

  it("a country name inside a club, a brand, a model number or a person's name is not the country", () => {
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
    expect(countries('Đại sứ quán Mỹ gửi công hàm cho Bắc Kinh.')).toEqual(['Hoa Kỳ', 'Trung Quốc']);
  });

  it("context-bound names count when a content word governs them, never before a person's name or at a sentence start", () => {
    expect(countries('Mỹ điều 800 quân nhân đến Anh; báo giới Anh đưa tin.')).toEqual(['Anh', 'Hoa Kỳ']);
    expect(countries('Gia đình không xử lý tài xế gây tai nạn Anh Trần Chí Dũng.')).toEqual([]);
    expect(countries('Áo thun trắng? Giày thể thao? Thủ tướng Áo không bình luận.')).toEqual(['Áo']);
  });

  it('reads parties the gazetteer does not know: `Đảng` + name + country, canonicalized, with defined abbreviations', () => {
    expect(extractFacets('Đảng Xanh Hàn Quốc giành 3 ghế.')).toEqual({ parties: ['Đảng Xanh Hàn Quốc'], countries: ['Hàn Quốc'] });
    const brexit = 'Thủ tướng Anh lập chính phủ với đảng Hợp nhất Dân chủ (DUP). DUP ủng hộ Brexit, còn đảng Dân chủ Tự do phản đối.';
    expect(parties(brexit)).toEqual(['Đảng Hợp nhất Dân chủ', 'Đảng Dân chủ Tự do Anh']);
    expect(parties('Tại Moskva, người dân Nga dự các hoạt động do Đảng Cộng sản tổ chức.')).toEqual(['Đảng Cộng sản Liên bang Nga']);
  });

  it('people, offices, gangs and common nouns after `đảng` are not parties', () => {
    expect(parties('Ủy viên Trung ương Đảng Đinh La Thăng thăm Việt Nam.')).toEqual([]);
    expect(parties('Ban Cán sự Đảng Bộ Văn hóa Việt Nam họp.')).toEqual([]);
    expect(parties('Ông là thành viên băng đảng Yakuza ở Nhật Bản.')).toEqual([]);
    expect(parties('Anh làm bảo kê cho các băng đảng xã hội đen, rồi sang Pháp.')).toEqual([]);
    expect(parties('Nhiều nghị sĩ Hàn Quốc chuyển sang một đảng bảo thủ khác.')).toEqual([]);
    expect(parties('Đảng Cộng sản tổ chức hội nghị.')).toEqual([]);
  });

  it('a capital is its country where it stands for the government, not as a place, a venue or part of a name', () => {
    expect(countries('Bắc Kinh phản đối; Washington và Moscow im lặng.')).toEqual(['Trung Quốc', 'Hoa Kỳ', 'Nga']);
    expect(countries('Cuộc họp của OPEC dự kiến diễn ra tại Vienna. Máy bay hạ cánh ở sân bay Bắc Kinh.')).toEqual([]);
    expect(countries('Ông Trump rút khỏi thỏa thuận Paris về khí hậu.')).toEqual([]);
  });

  it("a country that names a kind of product, or in a credit or an outlet's domain, is not the country", () => {
    expect(countries('Anh K. chuyển sang ngậm xì gà Cuba, mặc áo kiểu Pháp.')).toEqual([]);
    expect(countries('Tổng thống Guterres đọc diễn văn. (Ảnh: Trần Long/Vietnam+) Ông cảm ơn Timor-Leste.')).toEqual(['Đông Timor']);
    expect(countries('Tàu không bị rò rỉ dầu ra biển./. Trung Hiếu/VOV.VN')).toEqual([]);
    expect(countries('Quan hệ VN - Nga phát triển tốt.')).toEqual(['Việt Nam', 'Nga']);
  });

  it('reads party names after a stance, across `và` before an abbreviation, and abbreviations after the head', () => {
    const france = 'Tại Pháp, đảng trung hữu Phong trào Dân chủ (MoDem) và đảng cực hữu Mặt trận Dân tộc (FN) tranh cử. MoDem dẫn đầu.';
    expect(parties(france)).toEqual(['Đảng Phong trào Dân chủ Pháp', 'Đảng Mặt trận Quốc gia Pháp']);
    expect(parties('Tại Ba Lan, người đứng đầu đảng Pháp luật và Công lý (PiS) phát biểu.')).toEqual(['Đảng Luật pháp và Công lý']);
    expect(parties('Ở Mỹ, hai đảng Cộng hòa và Dân chủ tranh cãi.')).toEqual(['Đảng Cộng hòa Mỹ', 'Đảng Dân chủ Mỹ']);
    expect(parties('Thủ tướng Anh: Công đảng có thể hợp lực với Đảng Dân tộc Scotland và Dân chủ Tự do để lập liên minh.').sort()).toEqual([
      'Công đảng Anh',
      'Đảng Dân chủ Tự do Anh',
      'Đảng Dân tộc Scotland',
    ]);
    expect(parties('Ở Mỹ, đảng Cộng hòa và Thượng viện bất đồng.')).toEqual(['Đảng Cộng hòa Mỹ']);
    expect(parties('Ông Guterres được cả đảng CNRT ở Timor Leste ủng hộ.')).toEqual(['Đảng CNRT Đông Timor']);
    expect(parties('Tại Anh, đảng Ukip công bố cương lĩnh.')).toEqual(['Đảng Độc lập Anh']);
    expect(parties('Ở Hàn Quốc, đảng đối lập Minjoo phản đối.')).toEqual(['Đảng Dân chủ Hàn Quốc']);
  });

  it('members of a known party count as the party; a cell of the Party, a proposed name or a name said to be a known party do not add one', () => {
    expect(parties('Ở Mỹ, tin tặc nhắm vào các đảng viên Dân chủ cao cấp.')).toEqual(['Đảng Dân chủ Mỹ']);
    expect(parties('Kỷ luật ông Minh, đảng viên Chi bộ thôn Phú Vinh ở Việt Nam.')).toEqual([]);
    expect(parties('Đảng Saenuri ở Hàn Quốc đổi tên thành đảng Sức mạnh Tiền bạc.')).toEqual(['Đảng Quyền lực Nhân dân']);
    expect(parties('Chủ tịch đảng Mặt trận Cách mạng vì Timor Leste độc lập (còn gọi là đảng Fretilin) thắng cử.')).toEqual(['Đảng Fretilin']);
    expect(parties('Ban Cán sự Đảng NHNN Việt Nam họp.')).toEqual([]);
  });

  it('a party name read without its country keeps the country of its first reading', () => {
    const korea = 'Lãnh đạo đảng Nhân dân ở Hàn Quốc từ chức. Ông Moon gặp lãnh đạo đảng Nhân dân, bàn quan hệ đồng minh với Mỹ.';
    expect(parties(korea)).toEqual(['Đảng Nhân dân Hàn Quốc']);
  });

  it('a name never runs from one paragraph into the next', () => {
    expect(parties('Kỷ luật cán bộ thể hiện trách nhiệm của Đảng\n\nViệc phát hiện sai phạm ở Việt Nam.')).toEqual([]);
    expect(parties('Thủ tướng Anh kêu gọi bầu cử.\n\nĐảng\nBảo thủ thắng.')).toEqual([]);
  });

  it("a party's acronym needs its country and is not part of a code", () => {
    expect(extractFacets('Radar tìm kiếm SPS-40 trên tàu AN/SPS của Mỹ.')).toEqual({ parties: [], countries: ['Hoa Kỳ'] });
    expect(extractFacets('Kênh ANC đưa tin về vụ tấn công ở Manila, Philippines.')).toEqual({ parties: [], countries: ['Philippines'] });
    expect(parties('Ở Nam Phi, ANC giành đa số.')).toEqual(['Đại hội Dân tộc Phi']);
  });

  it("a party the gazetteer does not know is not a one-party state's", () => {
    expect(parties('Nghị sĩ Hàn Quốc Kim thuộc đảng Nhân dân đối lập bàn về Triều Tiên.')).toEqual(['Đảng Nhân dân Hàn Quốc']);
    expect(parties('Khối Dân – Chính Đảng TP họp ở Việt Nam.')).toEqual([]);
    expect(parties('Tại Trung Quốc, Đảng Cộng sản tổ chức hội nghị.')).toEqual(['Đảng Cộng sản Trung Quốc']);
  });

  it('a name the gazetteer knows for one of the countries goes there; `ở nước này` is the country just named', () => {
    expect(parties('Chủ tịch Hạ viện Anh phản đối chuyến thăm. Nghị sĩ đảng Lao động đối lập Stephen Doughty phản đối ông Trump của Mỹ.')).toEqual(['Công đảng Anh']);
    expect(parties('Đức ủng hộ phạt tiền. Một tòa ở Áo yêu cầu xóa bài xúc phạm người đứng đầu Đảng Xanh ở nước này.')).toEqual(['Đảng Xanh Áo']);
  });

  it('prefers the country whose parties the text names for certain over a nearer one', () => {
    expect(parties('Ở Hàn Quốc, đảng Hàn Quốc Tự do và đảng Bareun phản đối Nhật Bản.')).toEqual(['Đảng Quyền lực Nhân dân', 'Đảng Bareun Hàn Quốc']);
  });

  it("reads a party's country after its name, and names a person's name does not make", () => {
    expect(parties('Tại Mỹ, CIA loại đảng Ennahdha của Tunisia khỏi danh sách.')).toEqual(['Đảng Ennahdha Tunisia']);
    expect(parties('Ở Mỹ, ứng viên đảng Dân chủ (DP) đối lập Mông Cổ thắng cử.')).toEqual(['Đảng Dân chủ Mông Cổ']);
    expect(parties('Tại Pháp, ứng viên đảng cực hữu Marine Le Pen dẫn đầu.')).toEqual([]);
    expect(parties('Ở Campuchia, cựu lãnh đạo đảng đối lập Sam Rainsy về nước.')).toEqual([]);
  });

  it('a known name that goes on is another party; lowercase words before an abbreviation belong to the name', () => {
    expect(parties('Tại Hy Lạp, đảng Dân chủ Mới đối lập dẫn đầu.')).toEqual(['Đảng Dân chủ Mới Hy Lạp']);
    expect(parties('Tại Séc, Đảng Dân chủ xã hội (CSSD) cầm quyền phản đối.')).toEqual(['Đảng Dân chủ Xã hội Séc']);
    expect(parties('Ở Đức, tỷ lệ ủng hộ đảng Xanh bảo vệ môi trường tăng.')).toEqual(['Đảng Xanh Đức']);
    expect(parties('Ở Mỹ, đảng Dân chủ Hillary Clinton thua.')).toEqual(['Đảng Dân chủ Mỹ']);
    expect(parties('Cờ trong tay đảng Cộng hòa Không phải thẩm phán ở Mỹ.')).toEqual(['Đảng Cộng hòa Mỹ']);
    expect(parties('Ở Pháp, đảng Xã hội (PS) và đảng bảo thủ Những người Cộng hòa (LR) thua.')).toEqual(['Đảng Xã hội Pháp', 'Đảng Những người Cộng hòa']);
    expect(parties('Tại Hà Lan, đảng Cánh tả Xanh (GroenLinks) tăng.')).toEqual(['Đảng Cánh tả Xanh Hà Lan']);
  });

  it("a related-article link, an outlet's stamp and a common word that starts with a short name are not the country", () => {
    expect(countries('Trẻ uống sữa. [Trung Quốc trong top 10 nước có trẻ tử vong nhiều nhất] Bên cạnh đó, Mỹ khuyến cáo.')).toEqual(['Hoa Kỳ']);
    expect(countries('Messi ghi bàn. Hoàng Tâm - Thể Thao Việt Nam | 02:05 17/06/2017')).toEqual([]);
    expect(countries('Hung thủ tấn công bảo tàng. Ý đồ của nhóm Anh em Hồi giáo. Danh hiệu Anh hùng lao động.')).toEqual([]);
    expect(countries('Võ sĩ quyền Anh Mayweather thắng. Nhạc sĩ Đức Huy, ca sĩ Ý Lan hát. Đáp án môn tiếng Đức.')).toEqual([]);
    expect(countries('Ảnh: M.Đức. Đảng cầm quyền Anh đổi tỷ USD; rapper nổi tiếng Hàn Quốc.')).toEqual(['Anh', 'Hàn Quốc']);
    expect(countries('Tổ chức quyền Anh thế giới họp; trời nổi gió Lào. Theo chính quyền Anh, người dân Ý và quân Pháp đến.')).toEqual(['Anh', 'Italy', 'Pháp']);
    expect(countries('Lương tăng [theo hệ số của Việt Nam và các nước khác] mỗi năm.')).toEqual(['Việt Nam']);
    expect(countries('Hải quân Mỹ điều tàu.\n\nHạ Tú/ Theo Gia đình Việt Nam')).toEqual(['Hoa Kỳ']);
    expect(countries('Mẫu SUV ra mắt tại triển lãm Geneva 2017. Đạt thủ con dao Thái Lan trong người.')).toEqual([]);
  });

  it('a short name in parentheses after a place is the country, a club is not', () => {
    expect(countries('Giải điền kinh diễn ra tại London (Anh) và Viên (Áo).')).toEqual(['Anh', 'Áo']);
    expect(countries('Tiền đạo Mbappe (Monaco) ghi bàn, HLV và cầu thủ mừng chiến thắng ở Champions League.')).toEqual([]);
  });

  it('works with a gazetteer given in memory, validated with zod', () => {
    const gazetteer = parseGazetteer({
      countries: [{ name: 'Lào', aliases: [{ text: 'Lào', exact: true }] }],
      parties: [{ name: 'Đảng Nhân dân Cách mạng Lào', country: 'Lào', aliases: ['LPRP'] }],
    });
    expect(extractFacets('LPRP ở Lào', gazetteer)).toEqual({ parties: ['Đảng Nhân dân Cách mạng Lào'], countries: ['Lào'] });
    expect(() => parseGazetteer({ countries: [{ name: '' }], parties: [] })).toThrow();
  });
});
