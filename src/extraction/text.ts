import { cleanText, foldText } from '../vietnamese/index.ts';

/** Unicode cleanup (the language layer's cleanText) plus what page text needs: one kind of line break, no controls. */
export function normalizeText(text: string): string {
  return cleanText(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\v\f]/g, ' ')
    .replace(/[\x00-\x08\x0e-\x1f\x7f]/g, '');
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

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const toneCache = new Map<string, string>();

/**
 * A word with its tone mark moved to the end, so that both placements (`hoà`/`hòa`, `thuỵ`/`thụy`)
 * give the same key while every diacritic still counts (`Mỹ` ≠ `mỳ`). Case is kept.
 */
export function toneKey(word: string): string {
  let key = toneCache.get(word);
  if (key === undefined) {
    const decomposed = word.normalize('NFD');
    const tones = decomposed.match(TONE_MARKS)?.join('') ?? '';
    key = decomposed.replace(TONE_MARKS, '').normalize('NFC') + tones;
    if (toneCache.size < 200_000) toneCache.set(word, key);
  }
  return key;
}

export type TokenKind = 'word' | 'dash' | 'punct';

export interface Token {
  /** The token as written (NFC). */
  text: string;
  /** Lowercase, without diacritics. */
  folded: string;
  /** The word with diacritics and case, tone placement normalized (see toneKey). */
  toned: string;
  /** `toned`, lowercased. */
  accented: string;
  kind: TokenKind;
}

const TOKEN_PATTERN = /([\p{L}\p{M}\p{N}]+)|([-\u2010-\u2015\u2212])|(\S)/gu;

const wordTokens = new Map<string, Token>();

/** Tokens are never mutated, so one object per distinct word serves every occurrence. */
function wordToken(word: string): Token {
  let token = wordTokens.get(word);
  if (token === undefined) {
    const toned = toneKey(word);
    token = { text: word, folded: foldWord(word), toned, accented: toned.toLowerCase(), kind: 'word' };
    if (wordTokens.size < 200_000) wordTokens.set(word, token);
  }
  return token;
}

/** Words, dashes (any hyphen or dash, which transliterations and `Việt - Trung` use) and punctuation. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    if (match[1] !== undefined) {
      tokens.push(wordToken(match[1]));
    } else {
      const text = match[2] === undefined ? match[0] : '-';
      tokens.push({ text, folded: text, toned: text, accented: text, kind: match[2] === undefined ? 'punct' : 'dash' });
    }
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
