import { describe, expect, it } from 'vitest';
import { interpretQuery, mayReadOtherwise, scanText } from './interpretation.ts';
import { analyzeQuery } from './query.ts';

const interpret = (query: string, texts: readonly string[]) => interpretQuery(analyzeQuery(query), () => texts.map(scanText));

const PARTY_TEXTS = [
  'Tổng Bí thư Đảng Cộng sản Việt Nam tiếp đoàn đại biểu. Đảng Cộng sản Việt Nam luôn coi trọng quan hệ.',
  'Đảng Cộng sản Việt Nam và Đảng Cộng sản Trung Quốc ký kết hợp tác.',
  'Ông nói: đảng cộng sản việt nam của chúng ta là một khối.',
  'Thủ tướng Nguyễn Xuân Phúc đã tiếp. Thủ tướng đề nghị các bộ ngành. Thứ tự các bước',
  'Trump muốn nói gì với Triều Tiên? Tổng thống Trump muốn nói gì thì nói.',
];

describe('interpretQuery', () => {
  it('restores a folded query to its commonest written form, phrase by phrase', () => {
    expect(interpret('dang cong san viet nam', PARTY_TEXTS)).toEqual({ text: 'Đảng Cộng sản Việt Nam', changed: false });
    expect(interpret('thu tuong', PARTY_TEXTS)).toEqual({ text: 'Thủ tướng', changed: false });
  });

  it('reads the whole run, not a guess per syllable', () => {
    // Alone, "thu" is written "Thư" (Tổng Bí thư) and "Thứ" as often as "Thủ".
    expect(interpret('thu tuong nguyen xuan phuc', PARTY_TEXTS)?.text).toBe('Thủ tướng Nguyễn Xuân Phúc');
  });

  it('decodes Telex, in the texts’ own writing', () => {
    expect(interpret('ddangr coongj sanr', PARTY_TEXTS)).toEqual({ text: 'Đảng Cộng sản', changed: true });
    expect(interpret('trump muoons nois gif', PARTY_TEXTS)).toEqual({ text: 'Trump muốn nói gì', changed: true });
  });

  it('corrects a typo to the word the texts hold', () => {
    expect(interpret('Trunp muoons', PARTY_TEXTS)).toEqual({ text: 'Trump muốn', changed: true });
    expect(interpret('Mecedess', ['Xe Mercedes mới ra mắt', 'Mercedes-Benz'])).toEqual({ text: 'Mercedes', changed: true });
  });

  it('corrects a word taken for a typo where a text holds it too, when texts hold a close word more', () => {
    const texts = ['Donald Trump nói', 'Ông Donald Trump', 'Phản ứng với Donald Trunp'].map(scanText);
    const query = analyzeQuery('Donald Trunp');
    expect(interpretQuery(query, () => texts)).toBeNull();
    expect(interpretQuery(query, () => texts, new Set(['trunp']))).toEqual({ text: 'Donald Trump', changed: true });
    expect(interpretQuery(query, () => texts.slice(2), new Set(['trunp']))).toBeNull();
  });

  it('reads both i/y spellings of a word as one, and writes the commoner', () => {
    expect(interpret('ky thuat so', ['Kỹ thuật số lên ngôi', 'kĩ thuật số mới', 'Kỹ thuật số và đời sống'])?.text).toBe('Kỹ thuật số');
  });

  it('joins words into a phrase across spaces only, not across punctuation', () => {
    expect(interpret('thu tuong', ['Ông Thu, Tướng quân', 'Thủ tướng nói']))?.toEqual({ text: 'Thủ tướng', changed: false });
    expect(interpret('thu tuong', ['Ông Thu, Tướng quân'])?.text).toBe('Thu Tướng');
  });

  it('says nothing when the query is read as typed, case aside', () => {
    expect(interpret('Đảng Cộng sản', PARTY_TEXTS)).toBeNull();
    expect(interpret('trump', PARTY_TEXTS)).toBeNull();
    expect(interpret('dang cong san', [])).toBeNull();
  });

  it('keeps the exact words of a query typed with diacritics', () => {
    expect(interpret('Đảng cộng sản việt nam', PARTY_TEXTS)).toBeNull();
    expect(interpret('thủ tướng', PARTY_TEXTS)).toBeNull();
  });

  it('scans no text for a query typed with diacritics that the engine read as typed', () => {
    let scans = 0;
    const scan = () => {
      scans++;
      return PARTY_TEXTS.map(scanText);
    };
    expect(interpretQuery(analyzeQuery('Đảng cộng sản việt nam'), scan)).toBeNull();
    expect(scans).toBe(0);
    expect(interpretQuery(analyzeQuery('dang cong san'), scan)?.text).toBe('Đảng Cộng sản');
    expect(scans).toBe(1);
  });
});

describe('mayReadOtherwise', () => {
  it('is false only for a query typed with diacritics, with no Telex decoding and no word taken for a typo', () => {
    expect(mayReadOtherwise(analyzeQuery('Đảng Cộng sản'), new Set())).toBe(false);
    expect(mayReadOtherwise(analyzeQuery('dang cong san'), new Set())).toBe(true);
    expect(mayReadOtherwise(analyzeQuery('ddangr coongj sanr'), new Set())).toBe(true);
    expect(mayReadOtherwise(analyzeQuery('Thủ tuớng'), new Set(['tuong']))).toBe(true);
  });
});
