import { describe, expect, it } from 'vitest';
import { segmentText, wordTokenize } from './segment.ts';

describe('wordTokenize', () => {
  it('groups syllables into words', () => {
    expect(wordTokenize('Đảng Cộng sản Việt Nam')).toEqual(['Đảng', 'Cộng sản', 'Việt Nam']);
  });

  it('keeps punctuation marks as words of their own', () => {
    expect(wordTokenize('(ĐCSVN) - Hà Nội.')).toEqual(['(', 'ĐCSVN', ')', '-', 'Hà Nội', '.']);
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
