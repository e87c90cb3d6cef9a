import { describe, expect, it } from 'vitest';
import { classAt, DECIMAL_DIGIT, INVISIBLE, LETTER, MARK, NUMBER, runEnd, SPACE, UNDERSCORE, widthAt } from './char-class.ts';

describe('classAt', () => {
  it('classifies Vietnamese letters, marks, digits and spaces like \\p{..} and \\s', () => {
    expect(classAt('Đ', 0)).toBe(LETTER);
    expect(classAt('ữ', 0)).toBe(LETTER);
    expect(classAt('e\u0323', 1)).toBe(MARK);
    expect(classAt('7', 0)).toBe(NUMBER | DECIMAL_DIGIT);
    expect(classAt('½', 0)).toBe(NUMBER);
    expect(classAt('\u00a0', 0)).toBe(SPACE);
    expect(classAt('_', 0)).toBe(UNDERSCORE);
    expect(classAt('\u200b', 0)).toBe(INVISIBLE);
    expect(classAt('–', 0)).toBe(0);
  });

  it('reads surrogate pairs as one code point and lone surrogates as nothing', () => {
    expect(classAt('𝐀', 0)).toBe(LETTER);
    expect(widthAt('𝐀', 0)).toBe(2);
    expect(classAt('\ud835', 0)).toBe(0);
    expect(widthAt('\ud835x', 0)).toBe(1);
  });
});

describe('runEnd', () => {
  it('ends a run of letters at the first character of another class', () => {
    expect(runEnd('Nguyễn Phú Trọng', 0, LETTER)).toBe(6);
    expect(runEnd('Vie\u0302\u0323t Nam', 0, LETTER | MARK)).toBe(6);
  });
});
