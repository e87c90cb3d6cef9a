import { describe, expect, it } from 'vitest';
import { parseGazetteer } from '../config/language-data.ts';
import { extractFacets } from './facets.ts';

const countries = (text: string) => extractFacets(text).countries;
const parties = (text: string) => extractFacets(text).parties;

describe('extractFacets', () => {
  it('matches canonical names, acronyms, transliterations and older spellings', () => {
    expect(parties('Ban Chấp hành Trung ương CPP của Campuchia chúc mừng Đảng CSVN').sort()).toEqual(['Đảng Cộng sản Việt Nam', 'Đảng Nhân dân Campuchia']);
    // `Đảng ta` (our Party) is a bare `Đảng`, like `Đảng và Nhà nước`: the Party is not named.
    expect(parties('Đảng ta luôn coi trọng quan hệ với Lào')).toEqual([]);
    expect(countries('quan hệ với Cam-pu-chia và Chi-lê')).toEqual(['Campuchia', 'Chile']);
    expect(countries('Thuỵ Điển và Thụy Điển')).toEqual(['Thụy Điển']);
    expect(countries('hàng hóa từ TQ')).toEqual(['Trung Quốc']);
    expect(countries('Bahrain và Các tiểu vương quốc Arab thống nhất cắt quan hệ')).toEqual(['Bahrain', 'Các Tiểu vương quốc Ả Rập Thống nhất']);
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

  it('a name written all in lowercase across words of the lexicon is those words (cập nhật bản vá, nam phi công)', () => {
    expect(countries('Người dùng nên cập nhật bản vá; máy bay chở một nam phi công; đấu thầu tập trung quốc gia; bài viết năm ngoái.')).toEqual([]);
    expect(countries('Nhật Bản khuyên cập nhật bản vá. U22 việt nam thắng.')).toEqual(['Nhật Bản', 'Việt Nam']);
  });

  it('keeps short names out of personal and place names', () => {
    expect(countries('ông Đức, Phạm Đức Ấn, Hằng Nga, huyện Mỹ Đức, tỉnh Lào Cai, sân Mỹ Đình')).toEqual([]);
    expect(countries('Một mình anh Quốc làm thuê; anh sang Anh quốc du học.')).toEqual(['Anh']);
    expect(countries('Tổng thống Mỹ Donald Trump gặp Thủ tướng Đức')).toEqual(['Hoa Kỳ', 'Đức']);
    // `Đức` before a religious or royal title is the honorific.
    expect(countries('Đức Phật, Đức Giáo hoàng và Đức vua Tây Ban Nha')).toEqual(['Tây Ban Nha']);
  });

  it('regions are not countries: Mỹ Latinh, Nam Mỹ, châu Âu', () => {
    expect(countries('các nước Mỹ Latinh, Nam Mỹ và châu Âu')).toEqual([]);
  });

  it('context-bound `Anh` counts after a context word or in a list of countries, not as a pronoun', () => {
    expect(countries('Thủ tướng Anh Theresa May')).toEqual(['Anh']);
    expect(countries('Mỹ, Anh và Pháp')).toEqual(['Hoa Kỳ', 'Anh', 'Pháp']);
    expect(countries('Anh ấy học tiếng Anh')).toEqual([]);
  });

  it('a bare name written in lowercase describes a party, unless the text also writes it as a name', () => {
    expect(parties('Tổng thống Pháp thăm Seoul; một phần ba chính trị gia đảng Saenuri chuyển sang một đảng bảo thủ khác.')).toEqual(['Đảng Quyền lực Nhân dân']);
    expect(parties('Đảng Bảo thủ thắng ở Anh; đảng bảo thủ này mất đa số.')).toEqual(['Đảng Bảo thủ Anh']);
  });

  it('one name, parties of several countries: the country the text gives decides', () => {
    expect(parties('Ở Maroc, đảng Công lý và Phát triển thắng cử.')).toEqual(['Đảng Công lý và Phát triển Maroc']);
    expect(parties('Ở Thổ Nhĩ Kỳ, đảng Công lý và Phát triển thắng cử.')).toEqual(['Đảng Công lý và Phát triển']);
    expect(parties('Ông Le Maire thuộc đảng Bảo thủ làm Bộ trưởng Kinh tế Pháp.')).toEqual(['Đảng Những người Cộng hòa']);
    expect(parties('Tổng thống Pháp gặp Thủ tướng Ireland, lãnh đạo đảng Fine Gael; đảng đối lập Fianna Fáil phản đối.')).toEqual(['Đảng Fine Gael Ireland', 'Đảng Fianna Fail Ireland']);
  });

  it('outside its own sentence, a country whose parties the text names for certain decides whose a bare party name is', () => {
    const korea = 'Ông Hong thuộc đảng Hàn Quốc Tự do. "Ai có thể nói với Mỹ, Trung Quốc, Nhật Bản và Triều Tiên?" – ông Moon thuộc đảng Dân chủ nói.';
    expect(parties(korea).sort()).toEqual(['Đảng Dân chủ Hàn Quốc', 'Đảng Quyền lực Nhân dân']);
    expect(parties(korea.replace('Mỹ, Trung Quốc, Nhật Bản và Triều Tiên', 'Nhật Bản')).sort()).toEqual(['Đảng Dân chủ Hàn Quốc', 'Đảng Quyền lực Nhân dân']);
    // In its own sentence, a country that is neither a place nor one of a list decides.
    expect(parties('Ông Hong thuộc đảng Hàn Quốc Tự do. Tại Tokyo, Thủ tướng Nhật Bản và đảng Dân chủ đối lập tranh cãi.').sort()).toEqual(['Đảng Dân chủ Nhật Bản', 'Đảng Quyền lực Nhân dân']);
  });

  it('otherwise the country the text is most about decides, and a country named as a destination says little', () => {
    const seoul = 'Người dân Hàn Quốc ủng hộ Tổng thống Hàn Quốc. Hệ thống THAAD của Mỹ gây tranh cãi. Đảng Dân chủ giành 50%.';
    expect(parties(seoul)).toEqual(['Đảng Dân chủ Hàn Quốc']);
    expect(parties('Người dân Hàn Quốc ủng hộ Tổng thống Hàn Quốc. Hai nghị sĩ của đảng Dân chủ được cử tới Nhật Bản.')).toEqual(['Đảng Dân chủ Hàn Quốc']);
  });

  it('bare party names need a country in the text; with several candidates equally named, the nearest decides', () => {
    expect(parties('Đảng Cộng hòa kiểm soát Quốc hội Mỹ')).toEqual(['Đảng Cộng hòa Mỹ']);
    expect(parties('Đảng Cộng hòa kiểm soát Quốc hội')).toEqual([]);
    expect(parties('Tại Nhật Bản, thủ tướng gặp Đại sứ Mỹ. Ông nói đảng Dân chủ ủng hộ.')).toEqual(['Đảng Dân chủ Mỹ']);
    expect(parties('Thượng nghị sĩ Mỹ gặp nghị sĩ Hàn Quốc, nghị sỹ đảng Dân chủ Park Gyeong-seug.')).toEqual(['Đảng Dân chủ Hàn Quốc']);
  });

  it("a country name inside a club, a brand, a model number or a person's name is not the country", () => {
    const transfer = 'Lãnh đạo Monaco tuyên bố tiền đạo Kylian Mbappe không phải để bán, dù Man City sẵn sàng chi 100 triệu bảng. HLV Pep Guardiola đến Pháp ăn tối.';
    expect(countries(transfer)).toEqual(['Pháp']);
    expect(countries('Hoàng tử Albert của Công quốc Monaco thăm Hà Nội; du khách đến Monaco ngày càng đông.')).toEqual(['Monaco']);
    // In a text about sport, a club after a word of transfer is the club, even after a context word (`sang`).
    expect(countries('Tiền đạo Jordi Mboula đã chuyển sang Monaco thi đấu. Cầu thủ ghi bàn ở giải vô địch quốc gia.')).toEqual([]);
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

  it('a text that uses the pronoun `anh` again and again reads a governed `Anh` as the pronoun, not after a context word', () => {
    const interview = 'Chào anh Quang, anh là ca sĩ. Điều gì khiến anh hài lòng về ngôi nhà mới Anh là người yêu động vật?';
    expect(countries(interview)).toEqual([]);
    expect(countries(`${interview} Anh sẽ sang Anh học.`)).toEqual(['Anh']);
    expect(countries('Rooney nói anh không chơi bài; anh thắng 200 bảng, anh vui. Thủ quân của tuyển Anh bị bắt gặp.')).toEqual(['Anh']);
    expect(countries('Mỹ điều 800 quân nhân đến Anh.')).toEqual(['Hoa Kỳ', 'Anh']);
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
    expect(parties('Nhiều nghị sĩ Hàn Quốc chuyển sang một đảng bảo thủ khác.')).toEqual([]);
    expect(parties('Đảng Cộng sản tổ chức hội nghị.')).toEqual([]);
  });

  it('a capital is its country where it stands for the government, not as a place, a venue or part of a name', () => {
    expect(countries('Bắc Kinh phản đối; Washington và Moscow im lặng.')).toEqual(['Trung Quốc', 'Hoa Kỳ', 'Nga']);
    expect(countries('Cuộc họp của OPEC dự kiến diễn ra tại Vienna. Máy bay hạ cánh ở sân bay Bắc Kinh.')).toEqual([]);
    expect(countries('Ông Trump rút khỏi thỏa thuận Paris về khí hậu.')).toEqual([]);
    expect(countries('Giá dầu Brent tại thị trường London tăng; cà phê trên sàn London giảm.')).toEqual([]);
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

  it('reads a name as the text writes it: a stance in lowercase, a word that begins after the name, a gang, `ở nước này`', () => {
    expect(parties('Ở Pháp, đảng Xã hội (PS) và đảng bảo thủ Những người Cộng hòa (LR) thua.').sort()).toEqual(['Đảng Những người Cộng hòa', 'Đảng Xã hội Pháp']);
    expect(parties('Ở Đức, tỷ lệ ủng hộ đảng Xanh bảo vệ môi trường tăng.')).toEqual(['Đảng Xanh Đức']);
    expect(parties('Anh làm bảo kê cho các băng đảng xã hội đen, rồi sang Pháp.')).toEqual([]);
    expect(parties('Đức ủng hộ phạt tiền. Một tòa ở Áo yêu cầu xóa bài xúc phạm người đứng đầu Đảng Xanh ở nước này.')).toEqual(['Đảng Xanh Áo']);
  });

  it('a link is not read for parties; members are `những người` of a known party; parties the gazetteer now knows', () => {
    expect(parties('Ông Kenny từ chức. [Thủ tướng Ireland quan ngại về liên minh đảng Bảo thủ và đảng DUP] Đảng Fine Gael và Fianna Fail ủng hộ.')).toEqual([
      'Đảng Fine Gael Ireland',
      'Đảng Fianna Fail Ireland',
    ]);
    expect(parties('Nếu những người Dân chủ ở Mỹ kêu gọi luận tội. Tác phẩm Người Cộng sản đầu tiên ra mắt.')).toEqual(['Đảng Dân chủ Mỹ']);
    expect(parties('Chị Hà, phóng viên Báo Điện tử Đảng Cộng sản, đi lễ chùa ở Việt Nam.')).toEqual([]);
  });

  it("a party's acronym needs its country", () => {
    expect(extractFacets('Kênh ANC đưa tin về vụ tấn công ở Manila, Philippines.')).toEqual({ parties: [], countries: ['Philippines'] });
    expect(parties('Ở Nam Phi, ANC giành đa số.')).toEqual(['Đại hội Dân tộc Phi']);
  });

  it('a short name is not the country after an initial, before a Vietnamese name, or ending a word', () => {
    expect(countries('Ảnh: M.Đức. Nhạc sĩ Đức Huy và Trường Mầm non Mỹ Thanh. Khấn Đức Ông. Võ sĩ quyền Anh thắng; trời nổi gió Lào.')).toEqual([]);
    expect(countries('Tổng số tiền là 1.207 tỉ đồng. Ng.Nga\nThuyền viên an toàn. Tr.Đức')).toEqual([]);
    expect(countries('Quan hệ với Mỹ. Nga phản đối.')).toEqual(['Hoa Kỳ', 'Nga']);
    expect(countries('Ông gặp nhà báo Mỹ John Smith. Theo chính quyền Anh, Tổ chức quyền Anh thế giới họp; rapper nổi tiếng Hàn Quốc hát.')).toEqual(['Hoa Kỳ', 'Anh', 'Hàn Quốc']);
    expect(extractFacets('Mẫu xe ra mắt tại triển lãm Geneva. Đạt thủ con dao Thái Lan. Quán ăn Hàn Quốc đông khách.')).toEqual({ parties: [], countries: [] });
    expect(extractFacets('Ông giao báo ở vùng tây bắc Washington; đảng Cộng hòa ủng hộ.')).toEqual({ parties: ['Đảng Cộng hòa Mỹ'], countries: ['Hoa Kỳ'] });
    expect(countries('Cầu thủ gốc Argentina Đỗ Merlo ghi bàn.')).toEqual(['Argentina']);
    expect(countries('Đà tăng của VN-Index được bảo toàn; quan hệ VN - Nga tốt đẹp.')).toEqual(['Việt Nam', 'Nga']);
    expect(countries('Phiên chiều: VN-Index giảm điểm.')).toEqual([]);
    expect(countries('Cơn sốt đồ Hàn Quốc lan rộng.')).toEqual([]);
    expect(countries('In bản đồ Việt Nam.')).toEqual(['Việt Nam']);
    expect(countries('Hải quân Mỹ điều tàu.\n\nHạ Tú/ Theo Gia đình Việt Nam')).toEqual(['Hoa Kỳ']);
  });

  it("a party the gazetteer does not know is not a one-party state's", () => {
    expect(parties('Nghị sĩ Hàn Quốc Kim thuộc đảng Nhân dân đối lập bàn về Triều Tiên.')).toEqual(['Đảng Nhân dân Hàn Quốc']);
    expect(parties('Tại Trung Quốc, Đảng Cộng sản tổ chức hội nghị.')).toEqual(['Đảng Cộng sản Trung Quốc']);
  });

  it('a name the gazetteer does not know goes to the countries whose parties the text names for certain', () => {
    expect(parties('Ở Hàn Quốc, đảng Hàn Quốc Tự do và đảng Minjung phản đối Nhật Bản.')).toEqual(['Đảng Quyền lực Nhân dân', 'Đảng Minjung Hàn Quốc']);
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

describe('extractFacets: what is not the state', () => {
  it("a byline, a related article's headline or a link list is not the article's text", () => {
    expect(countries('Buffon thi đấu từ 1994. Hoàng Tâm - Thể Thao Việt Nam | 02:05 17/06/2017')).toEqual([]);
    expect(countries('Trẻ cần ăn hoa quả. [Trung Quốc trong top 10 nước có trẻ tử vong nhiều nhất] Bên cạnh đó, Mỹ khuyên...')).toEqual(['Hoa Kỳ']);
    expect(countries('Xem ảnh. Tin liên quan Nàng WAGs Thụy Sĩ vẫn gợi cảm bất chấp thời gian')).toEqual([]);
    // Nor does it name a party, with or without the party's country in the article.
    const headline = 'Ông Kenny rời Thủ tướng Anh. [Thủ tướng Ireland quan ngại về liên minh đảng Bảo thủ và đảng DUP] Trước đó, ông rút khỏi đảng Fine Gael.';
    expect(parties(headline)).toEqual(['Đảng Fine Gael Ireland']);
    expect(parties(headline.replace('[', '').replace(']', '')).sort()).toEqual(['Đảng Bảo thủ Anh', 'Đảng Fine Gael Ireland', 'Đảng Hợp nhất Dân chủ']);
  });

  it('a name does not run across a line: a title ending in `Đảng` does not name a party with the lead', () => {
    expect(parties('Kỷ luật cán bộ thể hiện trách nhiệm của Đảng\n\nViệc phát hiện sai phạm ở Việt Nam')).toEqual([]);
  });

  it("a country in a geographic name is not the state, in the state's own waters it is", () => {
    expect(countries('Tên lửa rơi xuống biển Nhật Bản. Gió Lào thổi qua Đà Nẵng; đàm phán về bán đảo Triều Tiên.')).toEqual([]);
    expect(countries('Tàu lạ xâm phạm vùng biển Nhật Bản.')).toEqual(['Nhật Bản']);
  });

  it('a country at the end of the name of a contest, a title or a publication is part of the name', () => {
    expect(countries('Cô từng thi Hoa hậu Việt Nam 2016, Miss Áo dài Nữ sinh Việt Nam 2014 và The Face Việt Nam.')).toEqual([]);
    expect(countries('Cô là Hoa khôi Học viện Hàng không Việt Nam 2012; loài voọc có trong Sách Đỏ Việt Nam.')).toEqual([]);
    expect(countries("Tại Giải Bóng bầu dục quốc gia Mỹ (NFL), tuổi nghề ngắn. Cô thi Vietnam's Next Top Model.")).toEqual([]);
    // A head that is also a context word makes the country right before it; a phrase is no name.
    expect(countries('Nữ hoàng Anh tiếp khách. Giải pháp cho Việt Nam là gì?')).toEqual(['Anh', 'Việt Nam']);
    // `Pháp mở rộng` is the French Open where the tail is capitalised or, in a text about sport, no clause goes on.
    expect(countries('Tay vợt Nadal lần thứ 10 vô địch Pháp mở rộng. Anh từng dự Úc Mở rộng, giải Grand Slam đầu năm.')).toEqual([]);
    expect(countries('Việt Nam và Mỹ mở rộng hợp tác; người tiêu dùng Nhật Bản mở rộng ra khu vực.')).toEqual(['Việt Nam', 'Hoa Kỳ', 'Nhật Bản']);
    // A publication's country after `của` is its nationality, not its name's.
    expect(countries('Theo Báo điện tử Giáo dục Việt Nam và Tạp chí Nhi khoa Mỹ, Báo The Mirror của Anh đưa tin.')).toEqual(['Anh']);
  });

  it('a country after a language word, and the countries listed after it, are languages', () => {
    expect(countries('Cô nói tiếng Tây Ban Nha, Bồ Đào Nha và tiếng Anh; ngành Ngôn ngữ Anh.')).toEqual([]);
    expect(countries('Cô nói tiếng Tây Ban Nha với người Bồ Đào Nha.')).toEqual(['Bồ Đào Nha']);
    expect(countries('Sách in bằng 3 thứ tiếng Anh, Pháp, Tây Ban Nha. Tiếng Anh là môn bắt buộc.')).toEqual([]);
  });

  it('a city that is no seat of government is no country (`định cư ở Dubai`)', () => {
    expect(countries('Cô lấy chồng và định cư ở Dubai; khoản vay được Abu Dhabi bảo lãnh.')).toEqual(['Các Tiểu vương quốc Ả Rập Thống nhất']);
  });

  it('a one-word name the text also gives a person (`Nguyễn Thị Nga`) is that person, unless a context word or a list makes it the state', () => {
    const trial = 'Tòa xử bị cáo Nguyễn Thị Nga. Sau 14 năm, Nga bị bắt. Nhận thấy vai trò của Nga, công an truy nã.';
    expect(countries(trial)).toEqual([]);
    expect(countries(`${trial} Tổng thống Nga và Pháp, Nga gửi điện.`)).toEqual(['Nga', 'Pháp']);
    // A middle name is no given name, and a direction places within the country.
    expect(countries('Bà Vũ Thị Mỹ Ngọc nói. Mỹ tăng thuế. Vùng Viễn Đông Nga lạnh.')).toEqual(['Hoa Kỳ', 'Nga']);
  });

  it('a capital inside a name (a person, an event) is not the government', () => {
    expect(countries('ĐB Lưu Bình Nhưỡng phát biểu. Sharapova thắng ở Rome Masters.')).toEqual([]);
    expect(countries('Bình Nhưỡng phản đối.')).toEqual(['Triều Tiên']);
  });

  it('a context-bound name alone in parentheses after a name places it (`London (Anh)`)', () => {
    expect(countries('Giải diễn ra tại London (Anh); tiến sĩ ở Đại học Coventry (Anh) cho biết.')).toEqual(['Anh']);
    expect(countries('Anh (anh trai) đi làm.')).toEqual([]);
  });

  it('compounds and honours that open with a country name are not the country', () => {
    expect(countries('Thăm Mẹ Việt Nam Anh hùng; tổ chức Anh em Hồi giáo; các Anh hùng liệt sĩ.')).toEqual([]);
    expect(countries('Lào Cai6. Tỉnh Lào Cai.')).toEqual([]);
  });
});

describe('extractFacets: how parties are written', () => {
  it('a second name joined by a conjunction (`và`, `lẫn`, `hay`) is a party too, where the gazetteer knows it', () => {
    expect(parties('Ở Mỹ, cả hai đảng Dân chủ và Cộng hòa đều phản đối.')).toEqual(['Đảng Dân chủ Mỹ', 'Đảng Cộng hòa Mỹ']);
    expect(parties('Tổng thống Mỹ bị nhiều nghị sĩ cả Cộng hòa lẫn Dân chủ chỉ trích.')).toEqual(['Đảng Cộng hòa Mỹ', 'Đảng Dân chủ Mỹ']);
    const britain = 'Tại Anh, Công đảng có thể hợp lực với Đảng Dân tộc Scotland và Dân chủ Tự do để lập liên minh.';
    expect(parties(britain)).toEqual(['Đảng Dân tộc Scotland', 'Công đảng Anh', 'Đảng Dân chủ Tự do Anh']);
    expect(parties('Ở Mỹ, đảng Dân chủ và Tổng thống Trump bất đồng.')).toEqual(['Đảng Dân chủ Mỹ']);
  });

  it('a word for members before a bare name counts the known party (`thượng nghị sĩ Cộng hòa`)', () => {
    expect(parties('Ở Mỹ, thượng nghị sĩ Cộng hòa Joni Ernst nhận định.')).toEqual(['Đảng Cộng hòa Mỹ']);
    expect(parties('Bức tường ở Mexico bị một số nghị sỹ bảo thủ của Cộng hòa Mỹ chỉ trích.')).toEqual(['Đảng Cộng hòa Mỹ']);
    expect(parties('Nhiều nghị sĩ Quốc hội Mỹ và nghị sĩ Hàn Quốc gặp nhau.')).toEqual([]);
  });

  it("a person whose first name reads as a Vietnamese syllable follows the party's name, not in it (`Dân chủ Ron Wyden`)", () => {
    expect(parties('Ở Mỹ, thượng nghị sĩ Dân chủ Ron Wyden nhận định.')).toEqual(['Đảng Dân chủ Mỹ']);
    expect(parties('Ông gặp lãnh đạo Đảng Đinh La Thăng ở Mỹ.')).toEqual([]);
  });

  it("a country's name after a party head says whose party it is, it is not the party's name", () => {
    // Here `Tối Cao Nga` reads as a person, so that no mention of the state is near to stop the name.
    expect(parties('Lãnh đạo đảng đối lập Nga bị buộc tội. Ông tranh cử tổng thống Nga. Tòa án Tối Cao Nga phủ quyết.')).toEqual([]);
    expect(parties('Ở Pháp, các cánh chính trị trong đảng LR (Những người cộng hòa) bàn tính; đảng FN thì không.')).toEqual(['Đảng Những người Cộng hòa', 'Đảng Mặt trận Quốc gia Pháp']);
  });

  it('a foreign name misspelt by a letter is the known party; a name given several countries is a kind of party', () => {
    expect(parties('Ở Tunisia, đảng Ennahhda tố cáo các cuộc tấn công.')).toEqual(['Đảng Ennahda Tunisia']);
    expect(parties('Ở Tunisia, đảng Ennahhdaa tố cáo các cuộc tấn công.')).toEqual(['Đảng Ennahhdaa Tunisia']);
    expect(parties('CIA loại các đảng Hồi giáo của Maroc và Tunisia khỏi danh sách.')).toEqual([]);
    expect(parties('CIA loại đảng Công lý và Phát triển của Maroc và đảng Ennahdha của Tunisia khỏi danh sách.').sort()).toEqual(['Đảng Công lý và Phát triển Maroc', 'Đảng Ennahda Tunisia']);
  });

  it('a noun for members counts right before a known bare name, never as the start of a name', () => {
    expect(parties('Hạ viện Mỹ hiện do những người Cộng hòa kiểm soát.')).toEqual(['Đảng Cộng hòa Mỹ']);
    expect(parties('Nhà báo Lê Duy (Báo Người Lao động) nói về Triều Tiên. Theo Cao Lực (Người Lao động)')).toEqual([]);
    expect(parties('Ca khúc "Người Cộng sản đầu tiên" ở Việt Nam; Nguyễn Văn Cừ, người chiến sỹ Cộng sản lỗi lạc.')).toEqual([]);
  });

  it('the name as the text writes it, where it is longer or shorter than an alias that needs a country', () => {
    expect(parties('Ở Romania, Đảng Tự do Quốc gia đối lập yêu cầu Thủ tướng từ chức.')).toEqual(['Đảng Tự do Quốc gia Romania']);
    expect(parties('Ở Hy Lạp, 31,8% ủng hộ đảng Dân chủ Mới đối lập.')).toEqual(['Đảng Dân chủ Mới Hy Lạp']);
    expect(parties('Ở Hàn Quốc, ông Moon thuộc đảng Dân chủ tự do thắng cử.')).toEqual(['Đảng Dân chủ Hàn Quốc']);
  });

  it('an abbreviation after the name closes it, or names the known party it is; `của` + country gives its country', () => {
    const montenegro = 'Nga tạm giữ phó Chủ tịch đảng Dân chủ xã hội (DPS) cầm quyền của Montenegro tại Moscow. Mỹ phản đối.';
    expect(parties(montenegro)).toEqual(['Đảng Dân chủ xã hội Montenegro']);
    expect(parties('Ở Mỹ và Italy, đảng Dân chủ (PD) của ông Renzi bị thách thức.')).toEqual(['Đảng Dân chủ Italy']);
    expect(parties('Ở Đức và Mỹ, lãnh đạo đảng Dân chủ Xã hội (SPD) phản ứng.')).toEqual(['Đảng Dân chủ Xã hội Đức']);
  });

  it('a bare name goes to the nearest country whose party of that name is known, before a nearer one without', () => {
    expect(parties('Ông Kim ở Hàn Quốc nói về chính sách Triều Tiên, ông thuộc đảng Nhân dân đối lập.')).toEqual(['Đảng Nhân dân Hàn Quốc']);
    expect(parties('Ở Mỹ, Nghị sĩ Cộng hòa Chuck Grassley hỏi luật sư Nga.')).toEqual(['Đảng Cộng hòa Mỹ']);
  });

  it('a stance is written in lowercase: a capitalised word after the head is the name', () => {
    expect(parties('Tại Pháp, đảng REM của ông Macron và đảng liên minh MoDem thắng lớn.')).toEqual(['Đảng Phong trào Dân chủ Pháp', 'Đảng Nền Cộng hòa Tiến bước']);
    expect(parties('Ở Bangladesh, Đảng Liên minh Quốc gia (BNA) lên nắm quyền.')).toEqual(['Đảng Liên minh Quốc gia Bangladesh']);
    expect(parties('Ở Bangladesh, Đảng Liên minh Awami (BAL) lên nắm quyền.')).toEqual(['Liên đoàn Awami']);
  });

  it('a person after the head or a stance is no party, in any language (`đảng cực hữu Marine Le Pen`)', () => {
    expect(parties('Tại Pháp, ứng viên đảng cực hữu Marine Le Pen dẫn đầu.')).toEqual([]);
    expect(parties('Campuchia cho lãnh đạo đảng đối lập Sam Rainsy về nước.')).toEqual([]);
  });

  it('a known name in another case or before a known abbreviation is that party; a capitalised function word ends a name', () => {
    expect(parties('Tại Pháp, đảng REM liên minh với đảng Modem của ông Bayrou.')).toEqual(['Đảng Nền Cộng hòa Tiến bước', 'Đảng Phong trào Dân chủ Pháp']);
    expect(parties('Tại Pháp, tổng thư ký của đảng La REM nói ở Syria.')).toEqual(['Đảng Nền Cộng hòa Tiến bước']);
    expect(parties('Ở Mỹ, cờ trong tay đảng Cộng hòa Không phải thẩm phán quyết định.')).toEqual(['Đảng Cộng hòa Mỹ']);
  });

  it("an alias written in lowercase is the alias where its party's country is in the text, and `của` gives a bare alias its country", () => {
    expect(parties('Ở Pháp, đảng Mặt trận quốc gia của bà Le Pen được 13%.')).toEqual(['Đảng Mặt trận Quốc gia Pháp']);
    expect(parties('CIA của Mỹ cho biết đảng Công lý và Phát triển của Maroc không còn trong danh sách.')).toEqual(['Đảng Công lý và Phát triển Maroc']);
  });

  it('a currency, a compound and an event a city names are not the state', () => {
    expect(countries('Giá 666.000 bảng Anh, tức 800.000 đô la Mỹ hay 90 triệu yên Nhật.')).toEqual([]);
    // Not where the word ends a word of the lexicon: `cộng đồng` is a community, `đầu bảng` the top of a table.
    expect(countries('Khoảng 9 tỷ đồng Việt Nam. Cộng đồng Hàn Quốc ủng hộ đội đầu bảng Thụy Sỹ.')).toEqual(['Hàn Quốc', 'Thụy Sĩ']);
    // The money still says whose party a bare name is, and the party implies its country.
    expect(extractFacets('Giá bảng Anh hồi phục khi đảng Bảo thủ cầm quyền dẫn trước.')).toEqual({ parties: ['Đảng Bảo thủ Anh'], countries: ['Anh'] });
    expect(countries('Hung thủ thật sự đã bị bắt. Hung khí là con dao.')).toEqual([]);
    expect(countries('Bay với Vietnam Airlines; Hồ Văn Cường đăng quang Vietnam Idol Kids 2016.')).toEqual([]);
    expect(countries('Tổng thống Philippines Rodrigo Duterte gặp Thủ tướng Japan Shinzo Abe.')).toEqual(['Philippines', 'Nhật Bản']);
    expect(countries('Mẫu xe ra mắt tại triển lãm Geneva 2017. Geneva phản đối.')).toEqual(['Thụy Sĩ']);
  });

  it('a party abbreviation that the text defines for something else, or joins to a model or a company, is not the party', () => {
    expect(parties('Kế hoạch năng lượng sạch (CPP) của Mỹ có hiệu lực; CPP giảm khí thải.')).toEqual([]);
    expect(parties('Tàu có radar SPS-40 và dự án PVV-Vinapharm ở Hà Nội.')).toEqual([]);
    expect(parties('Thủ tướng Campuchia nói đảng CPP sẽ thắng.')).toEqual(['Đảng Nhân dân Campuchia']);
    expect(parties('Ở Nhật Bản, liên minh cầm quyền Dân chủ Tự do (LDP) - Công minh được ủng hộ.')).toEqual(['Đảng Dân chủ Tự do Nhật Bản']);
  });

  it('a name closed by an abbreviation keeps its words where the text writes it again without it', () => {
    const czech = 'Ở Séc, Đảng Dân chủ xã hội (CSSD) dẫn đầu. Chủ tịch Đảng Dân chủ xã hội, ông Sobotka, từ chức; Mỹ theo dõi.';
    expect(parties(czech)).toEqual(['Đảng Dân chủ xã hội Séc']);
  });
});

describe('extractFacets: words and names that contain a country', () => {
  it("a country in a war's name is not the state", () => {
    expect(countries('Ông tham gia kháng chiến chống thực dân Pháp và kháng chiến chống Mỹ cứu nước.')).toEqual([]);
    expect(countries('Ông phản đối cuộc chiến Iraq; nội chiến Syria kéo dài.')).toEqual([]);
    expect(countries('Mỹ không kích Syria.')).toEqual(['Hoa Kỳ', 'Syria']);
  });

  it('a short name that opens a common word of the lexicon, or that a pronoun follows, is that word', () => {
    expect(countries('Mỹ phẩm và mỹ thuật. Ý kiến của ông? "Ý tôi là thế," Rubio nói. Đức tin của họ.')).toEqual([]);
    expect(countries('Ý và Đức phản đối.')).toEqual(['Italy', 'Đức']);
  });

  it("a capitalised function word inside a person's name keeps the name going (`Cao Toàn Mỹ`, `Phạm Thế Nhật`)", () => {
    expect(countries('Luật sư của ông Cao Toàn Mỹ và anh Phạm Thế Nhật cho biết.')).toEqual([]);
    // Two people of the text are no list of countries; a country before such a word is no family name.
    expect(countries('Vụ án giữa Trương Hồ Phương Nga và Cao Toàn Mỹ. Thế nhưng cả Nga và Mỹ đều cười.')).toEqual([]);
    expect(countries('Nguyễn Thị Nga dự họp. Nga và Mỹ ký hiệp định.')).toEqual(['Nga', 'Hoa Kỳ']);
    expect(countries('1. Úc Tại Úc, phụ nữ tiếp xúc nhiều với ánh nắng.')).toEqual(['Australia']);
  });

  it("landmarks, canals, cups and a city's climate deal are not the state", () => {
    expect(countries('Bức tường Berlin sụp đổ; tàu qua kênh đào Panama; MU đoạt Siêu cúp Anh; chung kết Cúp Nhà vua Tây Ban Nha; Hiệp định khí hậu Paris.')).toEqual([]);
    expect(countries('Người dân Bắc Ailen phản đối.')).toEqual(['Anh']);
    expect(countries('Học sinh Trường THPT chuyên Hà Nội - Amsterdam đoạt giải; vụ hồ sơ Panama; phía Vietnam Airlines cho biết.')).toEqual([]);
    expect(countries('Ngoại trưởng Saudi Arabia Adel al-Jubeir tuyên bố.')).toEqual(['Ả Rập Xê Út']);
  });

  it("a head's later words in either case: the Copa del Rey, Miss Egypt and a film festival are not the state; a queen is", () => {
    expect(countries('Barca vào chung kết Cúp nhà Vua Tây Ban Nha; cô làm giám khảo Hoa Hậu Ai Cập; phim dự Liên hoan phim Berlin.')).toEqual([]);
    expect(countries('Nữ hoàng Anh tiếp khách. Hoa Hậu Hàn Quốc 2017 đăng quang.')).toEqual(['Anh']);
    // A word that places is no syllable of a cup's name: the country is where the cup is played.
    expect(countries('Đội tuyển Anh vô địch World Cup U20 tại Hàn Quốc.')).toEqual(['Anh', 'Hàn Quốc']);
  });

  it('a country in a nickname is not the state', () => {
    expect(countries('Monaco, đội bóng được mệnh danh Brazil của châu Âu; thành phố được mệnh danh là "Paris phương Đông".')).toEqual(['Monaco']);
    expect(countries('Brazil của châu Âu thắng Pháp.')).toEqual(['Brazil', 'Pháp']);
  });

  it("a home country after a foreign brand closes the name of the brand's local company; a sport's is the team", () => {
    expect(countries('Giám đốc Truyền thông Grab Việt Nam cho biết; Công ty TNHH Uber Việt Nam nộp thuế; LG Electronics Việt Nam tung clip.')).toEqual([]);
    expect(countries('Sức mạnh của Futsal Việt Nam; hãng Toyota Nhật Bản; U23 Việt Nam thắng.')).toEqual(['Việt Nam', 'Nhật Bản']);
    expect(countries('Grab mở rộng ở Việt Nam và Thái Lan.')).toEqual(['Việt Nam', 'Thái Lan']);
  });

  it('the countries of a list of languages are languages, languages the gazetteer lacks among them', () => {
    expect(countries('Danh mục được dịch ra tiếng Nga, Anh, Hindi, Trung Quốc, Arab, Việt Nam, Đức và Malaysia; tiếng Hindi và Pháp.')).toEqual([]);
    expect(countries('Ông nói tiếng Anh, Pháp. Đức và Malaysia ký hiệp định.')).toEqual(['Đức', 'Malaysia']);
  });

  it("`chống` again after a war's name, in a list, names a second war", () => {
    expect(countries('Ông tham gia hai cuộc kháng chiến chống Pháp, chống Mỹ và chiến tranh bảo vệ biên giới.')).toEqual([]);
    expect(countries('Ông tham gia kháng chiến chống Pháp, Mỹ chống khủng bố.')).toEqual(['Hoa Kỳ']);
  });

  it('a short name opening a sentence or a credit before a capitalised Vietnamese function word is a name (`Đức Toàn`)', () => {
    expect(countries('Mọi đóng góp xin gửi về tòa soạn. Đức Toàn\n(Ảnh: Như Ý Theo báo Lao động)')).toEqual([]);
    expect(countries('Những chiếc tàu chiến ở Nga Những chiếc tàu; Holi, Ấn Độ Không ai vắng mặt.')).toEqual(['Nga', 'Ấn Độ']);
  });

  it('a plain spelling stands for unmarked text only: marked text with other marks is another word', () => {
    expect(countries('Theo KTS Ngô Viết Nam Sơn; bức thư viết năm 1951.')).toEqual([]);
    expect(countries('Viet Nam, Vietnam và Hồng Kong.')).toEqual(['Việt Nam', 'Hồng Kông']);
  });

  it('a league, a derby, a disease, a school subject and a canal are not the state', () => {
    expect(countries('Benfica dẫn đầu giải VĐQG Bồ Đào Nha; Dortmund đoạt cúp quốc gia Đức; trận derby London; bệnh viêm não Nhật Bản; đề thi môn Anh văn; mương Nhật Bản.')).toEqual([]);
    expect(countries('Anh vô địch giải vô địch Hà Lan; ăn ở một nhà hàng Pháp; ngộ độc cỏ Mỹ; học ở Đại học Tokyo; đại dịch cúm Tây Ban Nha.')).toEqual([]);
    expect(countries('Cầu thủ người Bồ Đào Nha ghi bàn.')).toEqual(['Bồ Đào Nha']);
  });

  it("an age group makes its country's team, a ministry its country, and a country after a foreign place and a comma places it", () => {
    expect(countries('U20 Anh thắng U20 Argentina 3-0.')).toEqual(['Anh', 'Argentina']);
    expect(countries('Bộ trưởng Quốc phòng Litva Raimundas Karoblis phát biểu.')).toEqual(['Lithuania']);
    expect(countries('Vụ trộm xảy ra ở Solihull, Anh. Sau trận đấu, Anh nói.')).toEqual(['Anh']);
    // `ĐT` (đội tuyển) and `CH` (Cộng hòa) are context words, not name words that start a name.
    expect(countries('Messi dẫn dắt ĐT Argentina; tay vợt người CH Czech thắng.')).toEqual(['Argentina', 'Séc']);
  });

  it('ginseng and rice named for a country are kinds, not the state', () => {
    expect(countries('Các loại sâm Hàn Quốc, sâm Mỹ; giống lúa Nhật được trồng thử.')).toEqual([]);
  });
});

describe('extractFacets: parties named in other ways', () => {
  it("a party's one foreign word next to a foreign name word is a person's name (`Abdel Fatah Al Sisi`)", () => {
    expect(parties('Tổng thống Ai Cập Abdel Fatah Al Sisi tiếp đoàn Palestine.')).toEqual([]);
    expect(parties('Phong trào Fatah của Palestine hoan nghênh.')).toEqual(['Phong trào Fatah']);
    expect(parties('Quân đội Syria tấn công Mặt trận Fatah al-Sham ở Palestine.')).toEqual([]);
  });

  it("a party's acronym after a word for another kind of thing is that thing's, in the whole text; a mixed-case one is matched as written", () => {
    expect(parties('Chỉ số CPI tháng Một của Ấn Độ tăng. CPI tăng 5%.')).toEqual([]);
    expect(parties('Hãng thông tấn PTI của Pakistan đưa tin.')).toEqual([]);
    expect(parties('Xe dùng heo Brembo 4 pis, nhập từ Ba Lan.')).toEqual([]);
    expect(parties('Đảng PiS của Ba Lan thắng.')).toEqual(['Đảng Luật pháp và Công lý']);
  });

  it('a party head capitalised inside a sentence names the party even where the name is in lowercase', () => {
    expect(parties('Tại nước Anh, bà May giành chức lãnh đạo Đảng bảo thủ cầm quyền.')).toEqual(['Đảng Bảo thủ Anh']);
    expect(parties('Tại nước Anh, một đảng bảo thủ khác ra đời.')).toEqual([]);
  });

  it('a name in quotes after the head is the name, lowercase words and all', () => {
    expect(parties('Ở Pháp, công tố viên điều tra Đảng "Phong trào dân chủ" của bà Goulard.')).toEqual(['Đảng Phong trào Dân chủ Pháp']);
    expect(parties('Lãnh đạo đảng đối lập “Batkivshina” của Ukraine kêu gọi.')).toEqual(['Đảng Batkivshina Ukraine']);
  });
});
