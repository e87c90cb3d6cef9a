import { cleanText, foldText } from '../vietnamese/index.ts';
import { memoizeByWord } from '../vietnamese/memoize.ts';
import { classAt, LETTER, MARK, NUMBER, runEnd, SPACE, widthAt } from '../vietnamese/char-class.ts';

/** Unicode cleanup (the language layer's cleanText) plus what page text needs: one kind of line break, no controls. */
export function normalizeText(text: string): string {
  return cleanText(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\v\f]/g, ' ')
    .replace(/[\x00-\x08\x0e-\x1f\x7f]/g, '');
}

/** foldText for one word, memoized. */
export const foldWord = memoizeByWord(foldText);

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * A word with its tone mark moved to the end, so that both placements (`hoà`/`hòa`, `thuỵ`/`thụy`)
 * give the same key while every diacritic still counts (`Mỹ` ≠ `mỳ`). Case is kept.
 */
export const toneKey = memoizeByWord((word) => {
  const decomposed = word.normalize('NFD');
  const tones = decomposed.match(TONE_MARKS)?.join('') ?? '';
  return decomposed.replace(TONE_MARKS, '').normalize('NFC') + tones;
});

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

/** Tokens are never mutated, so one object per distinct word serves every occurrence. */
const wordToken = memoizeByWord((word): Token => {
  const toned = toneKey(word);
  return { text: word, folded: foldWord(word), toned, accented: toned.toLowerCase(), kind: 'word' };
});

const DASH: Token = { text: '-', folded: '-', toned: '-', accented: '-', kind: 'dash' };
const WORD = LETTER | MARK | NUMBER;
const isDash = (code: number) => code === 0x2d || (code >= 0x2010 && code <= 0x2015) || code === 0x2212;

/**
 * Words (runs of letters, marks and digits), dashes (any hyphen or dash, which transliterations
 * and `Việt - Trung` use) and punctuation (any other character but whitespace, one each). A
 * scanner over character classes: the regular expression it replaces
 * (`([\p{L}\p{M}\p{N}]+)|([-\u2010-\u2015\u2212])|(\S)`) was a tenth of a full build.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (let at = 0; at < text.length; ) {
    const flags = classAt(text, at);
    if ((flags & WORD) !== 0) {
      const end = runEnd(text, at, WORD);
      tokens.push(wordToken(text.slice(at, end)));
      at = end;
      continue;
    }
    const width = widthAt(text, at);
    if ((flags & SPACE) === 0) {
      const character = text.slice(at, at + width);
      tokens.push(isDash(text.charCodeAt(at)) ? DASH : { text: character, folded: character, toned: character, accented: character, kind: 'punct' });
    }
    at += width;
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
