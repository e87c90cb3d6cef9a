import { isFunctionWord } from './boilerplate.ts';
import { isCapitalized, type Token, tokenize } from './text.ts';
import { isVietnameseSyllable } from '../vietnamese/index.ts';

/** `của` as tokens compare it (accented: tone mark last, not composed). */
export const OF = tokenize('của')[0]!.accented;

export const OPENING_QUOTES = new Set(['"', '“', '«']);
export const CLOSING_QUOTES = new Set(['"', '”', '»']);

export function isWord(token: Token | undefined): token is Token {
  return token?.kind === 'word';
}

/** A capitalised word that is not a function word or a code (`U23`, `400MP`). */
export function isNameWord(token: Token | undefined): boolean {
  return isWord(token) && isCapitalized(token.text) && !isFunctionWord(token.text) && !/\d/.test(token.text);
}

/** A name word of a foreign name, not an acronym: `Airlines`, `John`, `Fatah`. */
export function isForeignNameWord(token: Token | undefined): boolean {
  return isNameWord(token) && token!.text !== token!.text.toUpperCase() && !isVietnameseSyllable(token!.text);
}

/** A name word that is a Vietnamese syllable, not an acronym: `Huy`, `Lưu`. */
export function isVietnameseNameSyllable(token: Token | undefined): boolean {
  return isNameWord(token) && token!.text !== token!.text.toUpperCase() && isVietnameseSyllable(token!.text);
}

/** `Cai6` in `Lào Cai6.`: a name word with a list number glued to it. */
export function isNumberedNameWord(token: Token | undefined): boolean {
  return isWord(token) && /^\p{Lu}\p{Ll}+\d+$/u.test(token.text);
}

/** `400MP`, `6GB`, `T880`, `MT6750`: how model numbers are written (an age group such as `U23` is not one). */
export function isModelNumber(token: Token | undefined): boolean {
  return isWord(token) && (/^\d+\p{L}+$/u.test(token.text) || /^\p{L}+\d{3,}/u.test(token.text));
}

/** One of the phrases (accented, lowercase) ends right before `start`: `tại` Vienna, `xì gà` Cuba. */
export function precededBy(phrases: string[][], tokens: Token[], start: number): boolean {
  return phrases.some((phrase) => start >= phrase.length && phrase.every((word, offset) => tokens[start - phrase.length + offset]!.accented === word));
}

export function hasPhrase(tokens: Token[], phrase: string[]): boolean {
  for (let at = 0; at + phrase.length <= tokens.length; at++) {
    if (phrase.every((word, offset) => tokens[at + offset]!.folded === word)) return true;
  }
  return false;
}

/** `DUP`, `CNRT`, `PiS`, `MoDem`: one word with two capitals or more, as abbreviations are written. */
export function isAbbreviation(text: string): boolean {
  return /^\p{Lu}\p{L}*$/u.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

export function startsWithPhrase(phrases: string[][], tokens: Token[], at: number): string[] | undefined {
  return phrases.find((phrase) => phrase.every((word, offset) => tokens[at + offset]?.accented === word));
}

/** `(DPS)` at `at`: an abbreviation in parentheses, or null. */
export function abbreviationAt(tokens: Token[], at: number): string | null {
  const [open, abbreviation, close] = [tokens[at], tokens[at + 1], tokens[at + 2]];
  return open?.text === '(' && close?.text === ')' && isWord(abbreviation) && isAbbreviation(abbreviation.text) ? abbreviation.text : null;
}

const SENTENCE_ENDS = new Set(['.', '!', '?', '\n']);

/** The token range `[from, to)` of the sentence around `at`: between sentence-ending marks or line breaks. */
export function sentenceAround(tokens: Token[], at: number): [number, number] {
  let from = at;
  while (from > 0 && !SENTENCE_ENDS.has(tokens[from - 1]!.text)) from--;
  let to = at;
  while (to < tokens.length && !SENTENCE_ENDS.has(tokens[to]!.text)) to++;
  return [from, to];
}
