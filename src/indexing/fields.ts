import type { SearchDocument } from '../types/document.ts';
import { normalizeForMatching, foldText, tokenize, toExactKey, transliterationJoins } from '../vietnamese/index.ts';

/**
 * The searchable forms of a document that both engines index. Engines fold diacritics on their
 * own, so the `*_exact` fields carry a lossless ASCII key per syllable (`bán` → `bans`, `bạn` →
 * `banj`) that keeps the words apart; `*_folded` hold the same syllables without marks, position
 * for position, so phrases line up in both.
 */
export interface IndexFields {
  title_folded: string;
  title_exact: string;
  body_folded: string;
  body_exact: string;
  /** Joined forms of hyphenated transliterations (`Lê-nin` → `lenin`), so `Lenin` finds them. */
  joined: string;
}

export interface AnalyzedText {
  folded: string;
  exact: string;
}

/** Folded and exact forms of a text, one token each, aligned by position. */
export function analyzeText(text: string): AnalyzedText {
  const tokens = tokenize(normalizeForMatching(text));
  return {
    folded: tokens.map((token) => foldText(token.text)).join(' '),
    exact: tokens.map((token) => toExactKey(token.text)).join(' '),
  };
}

export function buildIndexFields(document: SearchDocument): IndexFields {
  const title = analyzeText(document.title);
  const body = analyzeText(document.body);
  const joined = new Set([...transliterationJoins(document.title), ...transliterationJoins(document.body)]);
  return {
    title_folded: title.folded,
    title_exact: title.exact,
    body_folded: body.folded,
    body_exact: body.exact,
    joined: [...joined].join(' '),
  };
}
