import { classAt, INVISIBLE, LETTER, MARK, NUMBER, runEnd, widthAt } from './char-class.ts';

export interface Token {
  text: string;
  /** UTF-16 offsets into the input string: `input.slice(start, end) === text`. */
  start: number;
  end: number;
}

const STARTS_TOKEN = LETTER | NUMBER;
/** Letters, digits, combining marks (NFD input) and invisible characters that cleanText would drop (zero-width, soft hyphen). */
const CONTINUES_TOKEN = LETTER | MARK | NUMBER | INVISIBLE;

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}

/**
 * Splits text into syllable/word tokens: runs of letters and digits; hyphens, punctuation and
 * spaces separate them ('COVID-19' → 'COVID', '19'). A run starts with a letter or digit
 * (`[\p{L}\p{N}][\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060\ufeff]*`). Offsets index into the original
 * input so a highlighter can wrap the original text.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachToken(text, (start, end) => tokens.push({ text: text.slice(start, end), start, end }));
  return tokens;
}

/**
 * Calls `visit` with the offsets of each token `tokenize` would give, without building tokens:
 * for callers that look words up in place (`memoizeBySubstring`) and would only drop the objects.
 */
export function forEachToken(text: string, visit: (start: number, end: number) => void): void {
  for (let start = 0; start < text.length; ) {
    const code = text.charCodeAt(start);
    if (code < 0x80 ? !isAsciiAlphanumeric(code) : (classAt(text, start) & STARTS_TOKEN) === 0) {
      start += code < 0x80 ? 1 : widthAt(text, start);
      continue;
    }
    const end = runEnd(text, start, CONTINUES_TOKEN);
    visit(start, end);
    start = end;
  }
}
