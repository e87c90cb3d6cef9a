import type { SearchDocument } from '../types/document.ts';
import { confidentTextWords, foldNormalized, forEachToken, normalizeForMatching, toExactKey, transliterationJoins } from '../vietnamese/index.ts';
import { memoizeBySubstring, memoizeByWord } from '../vietnamese/memoize.ts';
import { NOT_TOKEN_CHARACTER, PAIR_JOINER } from './tokens.ts';

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
  /**
   * The words of more than one syllable of the title and body, as the segmenter finds them where
   * no other word overlaps them (`confidentTextWords`), each once, syllables joined by `_`
   * (`hang_khong`, `tong_bi_thu`): a query's word found here (or inside one of these) is a word of
   * the document, not two syllables that only touch across a word boundary (`khách_hàng không`)
   * nor a guess between overlapping readings (`những học sinh học tốt`).
   */
  words_folded: string;
  words_exact: string;
}

/** The folded and exact forms of a word, or of a text (its words' forms, aligned by position). */
export interface TermForms {
  folded: string;
  exact: string;
}

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
export function analyzeText(text: string): TermForms {
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

const MAX_INDEXED_WORD_SYLLABLES = 4;

/** One word (`tổng bí thư`) as a folded and an exact token (`tong_bi_thu`), or null when a syllable leaves no token. */
const wordTokens = memoizeByWord((word): TermForms | null => {
  const forms = word.split(' ').map(termForms);
  if (forms.length > MAX_INDEXED_WORD_SYLLABLES || forms.some((form) => form.folded === '')) return null;
  return { folded: forms.map((form) => form.folded).join(PAIR_JOINER), exact: forms.map((form) => form.exact).join(PAIR_JOINER) };
});

/** Multi-syllable words the text forms with confidence, folded and exact, each once. */
export function analyzeWords(text: string): TermForms {
  const folded = new Set<string>();
  const exact = new Set<string>();
  // Words recur within and across documents: each distinct word is turned into tokens once.
  for (const word of confidentTextWords(text)) {
    const tokens = wordTokens(word);
    if (!tokens) continue;
    folded.add(tokens.folded);
    exact.add(tokens.exact);
  }
  return { folded: [...folded].join(' '), exact: [...exact].join(' ') };
}

function wordFields(document: SearchDocument): Pick<IndexFields, 'words_folded' | 'words_exact'> {
  // One segmentation pass over both: a title is one line of its own, so no word spans the two.
  const words = analyzeWords(`${document.title}\n${document.body}`);
  return { words_folded: words.folded, words_exact: words.exact };
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
    ...wordFields(document),
  };
}
