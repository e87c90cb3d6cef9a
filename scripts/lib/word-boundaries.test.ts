import { describe, expect, it } from 'vitest';
import { WordBoundaryJudge } from './word-boundaries.ts';

describe('WordBoundaryJudge', () => {
  const judge = WordBoundaryJudge.fromViet74K();

  it('tells a word from syllables that touch across a word boundary', () => {
    expect(judge.formsWord('hàng không', 'Giá vé hãng hàng không tăng.')).toBe(true);
    expect(judge.formsWord('hàng không', 'khi khách hàng không trả lời')).toBe(false);
    expect(judge.formsWord('sinh học', 'những học sinh học tốt')).toBe(false);
    expect(judge.formsWord('sinh học', 'đa dạng sinh học')).toBe(true);
    expect(judge.formsWord('quốc hội', 'Trung Quốc hội đàm với Mỹ')).toBe(false);
    expect(judge.formsWord('dân chủ', 'nhân dân chủ động phòng chống')).toBe(false);
  });

  it('reads a name of the lexicon only where the text capitalizes it', () => {
    expect(judge.formsWord('trung học', 'bảo vệ trường trung học bị sát hại')).toBe(true);
    expect(judge.formsWord('hàng không', 'Trường Trung hàng không')).toBe(true);
  });

  it('finds the word in any sentence of the text, never across punctuation', () => {
    expect(judge.formsWord('hàng không', 'khách hàng không trả lời. Ngành hàng không tăng trưởng')).toBe(true);
    expect(judge.formsWord('hàng không', 'bán hàng, không lãi')).toBe(false);
  });
});
