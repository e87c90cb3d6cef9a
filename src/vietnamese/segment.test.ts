import { describe, expect, it } from 'vitest';
import { confidentTextWords, segmentText, wordTokenize } from './segment.ts';

describe('wordTokenize', () => {
  it('groups syllables into words', () => {
    expect(wordTokenize('Đảng Cộng sản Việt Nam')).toEqual(['Đảng', 'Cộng sản', 'Việt Nam']);
  });

  it('keeps punctuation marks as words of their own', () => {
    expect(wordTokenize('(ĐCSVN) - Hà Nội.')).toEqual(['(', 'ĐCSVN', ')', '-', 'Hà Nội', '.']);
  });

  it('knows a word whatever its tone placement and i/y spelling, as news writes either', () => {
    for (const word of ['thoả thuận', 'thỏa thuận', 'hoà bình', 'hòa bình', 'thuỷ sản', 'thủy sản', 'kĩ thuật', 'kỹ thuật']) expect(wordTokenize(word)).toEqual([word]);
    expect(wordTokenize('Đảng Cộng hòa')).toEqual(['Đảng', 'Cộng hòa']);
    expect(wordTokenize('Đảng Cộng hoà')).toEqual(['Đảng', 'Cộng hoà']);
  });

  it('segments NFD input like precomposed input', () => {
    const text = 'Đồng chí Lê Hoài Trung khẳng định';
    expect(wordTokenize(text.normalize('NFD'))).toEqual(wordTokenize(text));
  });
});

describe('segmentText', () => {
  it('segments the seed documents’ sentences, names included', () => {
    expect(segmentText('Đồng chí Lê Hoài Trung khẳng định, Đảng Cộng sản Việt Nam coi trọng quan hệ hữu nghị truyền thống với Đảng Cộng sản Nhật Bản')).toBe(
      'Đồng_chí Lê_Hoài_Trung khẳng_định , Đảng Cộng_sản Việt_Nam coi_trọng quan_hệ hữu_nghị truyền_thống với Đảng Cộng_sản Nhật_Bản',
    );
    expect(segmentText('chúc mừng Tổng Bí thư Nguyễn Phú Trọng tái đắc cử')).toBe('chúc_mừng Tổng_Bí_thư Nguyễn_Phú_Trọng tái đắc_cử');
    expect(segmentText('Trưởng Ban Đối ngoại Trung ương')).toBe('Trưởng Ban Đối_ngoại Trung_ương');
  });

  it('keeps transliterations, dates and times as one token', () => {
    expect(segmentText('đồng chí Ô-ga-ta I-a-sư-ô')).toBe('đồng_chí Ô-ga-ta I-a-sư-ô');
    expect(segmentText('Ngày 26/4/2021 lúc 22:06')).toBe('Ngày 26/4/2021 lúc 22:06');
    expect(segmentText('chủ nghĩa Mác - Lênin')).toBe('chủ_nghĩa Mác - Lênin');
  });

  it('returns an empty string for blank input', () => {
    expect(segmentText('')).toBe('');
    expect(segmentText('  \n ')).toBe('');
  });
});

describe('segmentText on names and overlapping words', () => {
  it('keeps full names whole and forms of address apart', () => {
    expect(segmentText('Chủ tịch Quốc hội Nguyễn Thị Kim Ngân')).toBe('Chủ_tịch Quốc_hội Nguyễn_Thị_Kim_Ngân');
    expect(segmentText('Ông Đinh La Thăng')).toBe('Ông Đinh_La_Thăng');
  });

  it('cuts overlapping words into words of the list', () => {
    expect(segmentText('Hà Nội công bố kế hoạch')).toBe('Hà_Nội công_bố kế_hoạch');
    expect(segmentText('Học sinh học sinh học')).toBe('Học_sinh học sinh_học');
    expect(segmentText('hãng hàng không Vietjet')).toBe('hãng hàng_không Vietjet');
    expect(segmentText('khi khách hàng không trả lời')).toBe('khi khách_hàng không trả_lời');
  });
});

describe('confidentTextWords', () => {
  it('keeps the words of several syllables that no other possible word overlaps', () => {
    expect(confidentTextWords('Giá vé của hãng hàng không tăng mạnh')).toEqual(['hàng không']);
    expect(confidentTextWords('Chủ tịch Quốc hội Nguyễn Thị Kim Ngân')).toEqual(['Chủ tịch', 'Quốc hội', 'Nguyễn Thị Kim Ngân']);
  });

  it('drops a word that a listed word or a name straddles, whichever reading the segmenter chose', () => {
    expect(segmentText('những học sinh học tốt')).toBe('những học sinh_học tốt');
    expect(confidentTextWords('những học sinh học tốt')).toEqual([]);
    expect(confidentTextWords('nhân dân chủ động')).toEqual([]);
    expect(confidentTextWords('Trung Quốc hội đàm với Mỹ')).toEqual([]);
  });

  it('never joins words across lines', () => {
    expect(confidentTextWords('học sinh\nhọc tốt')).toEqual(['học sinh']);
  });
});
