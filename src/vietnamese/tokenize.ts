export interface Token {
  text: string;
  /** UTF-16 offsets into the input string: `input.slice(start, end) === text`. */
  start: number;
  end: number;
}

/**
 * A run starts with a letter or digit and goes on through letters, digits, combining marks (NFD
 * input) and invisible characters that cleanText would drop (zero-width, soft hyphen).
 */
const WORD_RUN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060\ufeff]*/gu;

/**
 * Splits text into syllable/word tokens: runs of letters and digits; hyphens, punctuation and
 * spaces separate them ('COVID-19' → 'COVID', '19'). Offsets index into the original input so a
 * highlighter can wrap the original text.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD_RUN)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}
