import { describe, expect, it } from 'vitest';
import { syllableEnd } from './syllable-scanner.ts';

/** Every syllable of the text, skipping whitespace, as the segmenter sees them. */
function syllables(text: string): string[] {
  const found: string[] = [];
  for (let index = 0; index < text.length; ) {
    if (/\s/.test(text[index]!)) {
      index++;
      continue;
    }
    const end = syllableEnd(text, index);
    found.push(text.slice(index, end));
    index = end;
  }
  return found;
}

describe('syllableEnd', () => {
  it('keeps e-mail addresses and URLs whole', () => {
    expect(syllables('Liên hệ: ban.doi.ngoai@dangcongsan.vn hoặc https://dangcongsan.vn/thoi-su.html')).toEqual([
      'Liên',
      'hệ',
      ':',
      'ban.doi.ngoai@dangcongsan.vn',
      'hoặc',
      'https://dangcongsan.vn/thoi-su.html',
    ]);
  });

  it('keeps dates, times and grouped numbers whole, and backtracks as the regex did', () => {
    expect(syllables('lúc 7:30:15 ngày 30/4/1975, GDP 6,81% (3.500,5 tỷ)')).toEqual(['lúc', '7:30:15', 'ngày', '30/4/1975', ',', 'GDP', '6,81', '%', '(', '3.500,5', 'tỷ', ')']);
    // Not a date (a digit follows the day), so it is a hyphenated compound.
    expect(syllables('giai đoạn 2017-2018')).toEqual(['giai', 'đoạn', '2017-2018']);
  });

  it('splits abbreviations with their dot and keeps transliterations whole', () => {
    expect(syllables('tại TP.HCM, ThS. Lê Văn A và Ô-ga-ta...')).toEqual(['tại', 'TP.', 'HCM', ',', 'ThS.', 'Lê', 'Văn', 'A', 'và', 'Ô-ga-ta', '...']);
  });

  it('takes a symbol or emoji outside the BMP as one syllable', () => {
    expect(syllables('Hà Nội 😀!')).toEqual(['Hà', 'Nội', '😀', '!']);
  });
});
