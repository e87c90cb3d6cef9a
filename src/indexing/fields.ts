import type { SearchDocument } from '../types/document.ts';
import { foldNormalized, forEachToken, normalizeForMatching, toExactKey, transliterationJoins } from '../vietnamese/index.ts';
import { memoizeBySubstring } from '../vietnamese/memoize.ts';

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

export interface TermForms {
  folded: string;
  exact: string;
}

/** Engines must see one token per word: unidecode can turn a letter into several (`⅓` → `1/3`). */
const NOT_TOKEN_CHARACTER = /[^a-z0-9]+/g;

/**
 * The folded and exact forms of one word as written (any case, any tone placement), each a
 * single `[a-z0-9]*` token; empty for a word with no letter or digit left after folding.
 */
export function termForms(word: string): TermForms {
  return termFormsOf(word, 0, word.length);
}

/** termForms of text.slice(start, end), looked up without slicing the text when the word was seen before. */
const termFormsOf = memoizeBySubstring((word): TermForms => {
  const normalized = normalizeForMatching(word);
  return { folded: foldNormalized(normalized).replace(NOT_TOKEN_CHARACTER, ''), exact: toExactKey(normalized).replace(NOT_TOKEN_CHARACTER, '') };
});

/** Folded and exact forms of a text, one token each, aligned by position. */
export function analyzeText(text: string): AnalyzedText {
  const folded: string[] = [];
  const exact: string[] = [];
  forEachToken(text, (start, end) => {
    const forms = termFormsOf(text, start, end);
    if (!forms.folded) return;
    folded.push(forms.folded);
    exact.push(forms.exact);
  });
  return { folded: folded.join(' '), exact: exact.join(' ') };
}

/** A document with its searchable forms, computed once (in a worker thread when indexing). */
export interface PreparedDocument {
  document: SearchDocument;
  fields: IndexFields;
  /**
   * What the document was made from (its input and the extraction pipeline's version), stored
   * with it: the indexer rewrites a document only when this differs from what the index holds.
   */
  contentHash?: string;
}

export function prepareDocument(document: SearchDocument): PreparedDocument {
  return { document, fields: buildIndexFields(document) };
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
