/**
 * Roman numerals as readers meet them in Vietnamese news: the ordinals of congresses, terms,
 * plenums and centuries (`Đại hội XIII`, `khóa XIV`, `thế kỷ XXI`), all below 40. Larger ones
 * would need L, C, D and M, which stand alone far more often for sizes, grades and vitamins
 * (`size L`, `vitamin C`) than for numbers, so only I, V and X are read.
 */
const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;
const TENS = ['', 'x', 'xx', 'xxx'];
const UNITS = ['', 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix'];
const MAX_ROMAN = 39;

/** The Roman numeral (lowercase) of 1–39, else null. */
export function toRoman(value: number): string | null {
  if (!Number.isInteger(value) || value < 1 || value > MAX_ROMAN) return null;
  return TENS[Math.floor(value / 10)]! + UNITS[value % 10]!;
}

/** The value of a Roman numeral written in I, V and X (any case, canonical spelling), else null. */
export function fromRoman(numeral: string): number | null {
  const match = ROMAN.exec(numeral.toLowerCase());
  if (!match || numeral === '') return null;
  return TENS.indexOf(match[1]!) * 10 + UNITS.indexOf(match[2]!);
}
