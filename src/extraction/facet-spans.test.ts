import { describe, expect, it } from 'vitest';
import { LINE_BREAK, nonArticlePositions, tokenizeLines } from './facet-spans.ts';
import { tokenize } from './text.ts';

const LINK_CUES = [
  ['tin', 'liên', 'quan'],
  ['xem', 'thêm'],
];
const TEASER_CUES = [tokenize('Bấm xem').map((token) => token.accented)];

/** The words of a text that are not the article's own. */
function outside(text: string): string {
  const tokens = tokenizeLines(text);
  const positions = nonArticlePositions(tokens, LINK_CUES, TEASER_CUES);
  return tokens
    .filter((token, at) => positions.has(at) && token.kind === 'word')
    .map((token) => token.text)
    .join(' ');
}

describe('tokenizeLines', () => {
  it('puts a line break between lines, and none for blank lines', () => {
    const tokens = tokenizeLines('Kỷ luật của Đảng\n\nViệc phát hiện');
    expect(tokens.map((token) => token.text)).toEqual(['Kỷ', 'luật', 'của', 'Đảng', '\n', 'Việc', 'phát', 'hiện']);
    expect(tokens[4]).toBe(LINE_BREAK);
  });
});

describe('nonArticlePositions', () => {
  it("marks the byline before an outlet's publication stamp, back to the sentence's start", () => {
    expect(outside('Ảnh: Daily Star. Hoàng Tâm - Thể Thao Việt Nam | 02:05 17/06/2017')).toBe('Hoàng Tâm Thể Thao Việt Nam');
    expect(outside('Ông nói ở Việt Nam rằng giá là 5 | 6 đồng.')).toBe('');
  });

  it('marks a headline in brackets, not a short insertion', () => {
    expect(outside('Họ nói. [Trung Quốc trong top 10 nước có trẻ tử vong] Bên cạnh đó')).toBe('Trung Quốc trong top 10 nước có trẻ tử vong');
    expect(outside('"Họ [Mỹ] sẽ rút quân", ông nói.')).toBe('');
  });

  it('marks the headlines after a capitalised link cue up to the sentence end, not the words in a sentence', () => {
    expect(outside('Hết. Tin liên quan Nàng WAGs Thụy Sĩ gợi cảm\nBài khác')).toBe('Tin liên quan Nàng WAGs Thụy Sĩ gợi cảm');
    expect(outside('>> Xem thêm: Sony Xperia sẽ ra mắt? Hiện Samsung đang dẫn đầu.')).toBe('Xem thêm Sony Xperia sẽ ra mắt');
    expect(outside('Bạn đọc có thể xem thêm về Việt Nam.')).toBe('');
  });

  it("marks a related article's teaser before a closing cue and `>>`, back to the sentence before it", () => {
    expect(outside('Ông giành 7 danh hiệu. Vì chuyện tiền: SAO Barca giã từ ĐT Thổ Nhĩ Kỳ. Bấm xem >> Tiến Long')).toBe('Vì chuyện tiền SAO Barca giã từ ĐT Thổ Nhĩ Kỳ Bấm xem');
    expect(outside('Bấm xem ảnh ở Việt Nam.')).toBe('');
  });
});
