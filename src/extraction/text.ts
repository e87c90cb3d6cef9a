import { foldText } from '../vietnamese/fold.ts';

/**
 * Unicode cleanup before extraction. Stand-in until src/vietnamese exports cleanText:
 * NFC, unified line breaks and spaces, no invisible characters.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '');
}

const foldCache = new Map<string, string>();

/** foldText for one word; words repeat a lot, so folds are memoized. */
export function foldWord(word: string): string {
  let folded = foldCache.get(word);
  if (folded === undefined) {
    folded = foldText(word);
    if (foldCache.size < 200_000) foldCache.set(word, folded);
  }
  return folded;
}

export type TokenKind = 'word' | 'dash' | 'punct';

export interface Token {
  /** The token as written (NFC). */
  text: string;
  /** Lowercase, without diacritics. */
  folded: string;
  kind: TokenKind;
}

const TOKEN_PATTERN = /([\p{L}\p{M}\p{N}]+)|([-\u2010-\u2015\u2212])|(\S)/gu;

/** Words, dashes (any hyphen or dash, which transliterations and `Việt - Trung` use) and punctuation. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    if (match[1] !== undefined) tokens.push({ text: match[1], folded: foldWord(match[1]), kind: 'word' });
    else if (match[2] !== undefined) tokens.push({ text: '-', folded: '-', kind: 'dash' });
    else tokens.push({ text: match[0], folded: match[0], kind: 'punct' });
  }
  return tokens;
}

/** Syllables (space-separated words) of a line, lowercased, punctuation stripped. */
export function syllables(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

export function isCapitalized(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}
