import { decodeTelex, isFoldedSyllable, isVietnameseSyllable } from '../vietnamese/index.ts';
import { termForms } from '../indexing/fields.ts';
import { fromRoman, toRoman } from './numerals.ts';
import type { WordRange } from './query-syntax.ts';

/** How often the index (or, failing it, the lexicon) holds a spelling; folded words throughout. */
export interface SpellingVocabulary {
  /** Documents holding the word. */
  wordDocuments(word: string): number;
  /** Documents holding the words next to each other; an upper bound will do. */
  phraseDocuments(words: readonly string[]): number;
}

/** Knows nothing: no spelling is read another way. */
export const NO_VOCABULARY: SpellingVocabulary = { wordDocuments: () => 0, phraseDocuments: () => 0 };

/**
 * A vocabulary of known phrases only (a lexicon, names): a known phrase counts as common, every
 * word as absent. For engines whose index cannot be asked how often it holds a word.
 */
export function phraseLexicon(phrases: Iterable<string>): SpellingVocabulary {
  const known = new Set(phrases);
  return { wordDocuments: () => 0, phraseDocuments: (words) => (known.has(words.join(' ')) ? Number.MAX_SAFE_INTEGER : 0) };
}

/** Another way to write the query's words: same meaning, other spelling. */
export interface SpellingVariant {
  kind: 'split' | 'joined' | 'numeral';
  words: string[];
  /** Runs of `words` that must be found as phrases: the syllables of a split word, a numeral and the word before it. */
  phrases: WordRange[];
}

/** A spelling read another way needs at least this many documents… */
const MIN_DOCUMENTS = 2;
/**
 * …and at least this share of the documents the typed spelling is in: `hanoi` is read `ha noi`,
 * which is far commoner, but `samsung` stays a brand even if `sâm sung` were written somewhere.
 */
const MIN_SHARE = 1 / 20;
const MIN_SPLIT_LETTERS = 4;
const MAX_SPLIT_SYLLABLES = 4;
const MAX_JOINED_SYLLABLES = 3;
const MAX_SYLLABLE_LETTERS = 7;

const common = (found: number, typed: number) => found >= MIN_DOCUMENTS && found >= typed * MIN_SHARE;

/** Every way to cut letters into 2–4 syllables without their marks: `hanoi` → `ha noi`, `han oi`. */
export function syllableSplits(letters: string, parts = MAX_SPLIT_SYLLABLES): string[][] {
  const splits: string[][] = [];
  for (let length = 1; length <= Math.min(MAX_SYLLABLE_LETTERS, letters.length - 1); length++) {
    const first = letters.slice(0, length);
    if (!isFoldedSyllable(first)) continue;
    const rest = letters.slice(length);
    if (isFoldedSyllable(rest)) splits.push([first, rest]);
    if (parts > 2) for (const split of syllableSplits(rest, parts - 1)) splits.push([first, ...split]);
  }
  return splits;
}

/**
 * The commonest split of a word typed without marks that is no syllable itself (`hochiminh`),
 * when it is common enough. A syllable typed in Telex (`nhaan`, nhân) is no joined name.
 */
function split(word: string, vocabulary: SpellingVocabulary): string[] | null {
  const folded = termForms(word).folded;
  if (folded !== word.toLowerCase() || folded.length < MIN_SPLIT_LETTERS || isFoldedSyllable(folded) || decodeTelex(word) !== null) return null;
  let best: string[] | null = null;
  let bestCount = 0;
  for (const candidate of syllableSplits(folded)) {
    const count = vocabulary.phraseDocuments(candidate);
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best && common(bestCount, vocabulary.wordDocuments(folded)) ? best : null;
}

/** Joined names typed as one word read as the syllables they are written with apart: `hanoi` → `ha noi`. */
function splitVariant(words: readonly string[], vocabulary: SpellingVocabulary): SpellingVariant | null {
  const variant: SpellingVariant = { kind: 'split', words: [], phrases: [] };
  for (const word of words) {
    const syllables = split(word, vocabulary);
    if (syllables) variant.phrases.push({ start: variant.words.length, end: variant.words.length + syllables.length });
    variant.words.push(...(syllables ?? [word]));
  }
  return variant.phrases.length > 0 ? variant : null;
}

/** Syllables typed apart read as the one word the index holds (`Lê Nin` → `lenin`), when that is common enough. */
function joinedVariant(words: readonly string[], vocabulary: SpellingVocabulary): SpellingVariant | null {
  const folded = words.map((word) => termForms(word).folded);
  const joined: string[] = [];
  for (let start = 0; start < words.length; ) {
    const length = [MAX_JOINED_SYLLABLES, 2].find((length) => {
      const run = folded.slice(start, start + length);
      if (run.length !== length || !run.every(isFoldedSyllable) || isFoldedSyllable(run.join(''))) return false;
      return common(vocabulary.wordDocuments(run.join('')), vocabulary.phraseDocuments(run));
    });
    joined.push(length ? folded.slice(start, start + length).join('') : words[start]!);
    start += length ?? 1;
  }
  return joined.length < words.length ? { kind: 'joined', words: joined, phrases: [] } : null;
}

const NUMBER = /^\d+$/;

/** A Roman numeral as a reader types it: uppercase, or a numeral that is no Vietnamese word (`xiii`, but not `vi`). */
function romanValue(word: string): number | null {
  const value = fromRoman(word);
  return value !== null && (word === word.toUpperCase() || !isVietnameseSyllable(word)) ? value : null;
}

/**
 * Numbers after a word read in the other numeral system, next to that word: `đại hội 13` →
 * `đại hội XIII` and back. Only after a word, since an ordinal follows what it counts
 * (Đại hội, khóa, Hội nghị, thế kỷ): alone, `VI` or `13` is too often something else.
 */
function numeralVariant(words: readonly string[]): SpellingVariant | null {
  const variant: SpellingVariant = { kind: 'numeral', words: [...words], phrases: [] };
  words.forEach((word, i) => {
    const before = words[i - 1];
    if (before === undefined || NUMBER.test(before) || romanValue(before) !== null) return;
    const other = NUMBER.test(word) ? toRoman(Number(word))?.toUpperCase() : romanValue(word)?.toString();
    if (other === undefined || other === null) return;
    variant.words[i] = other;
    variant.phrases.push({ start: i - 1, end: i + 1 });
  });
  return variant.phrases.length > 0 ? variant : null;
}

/** The other spellings of the query's words that readers type for the same thing. */
export function spellingVariants(words: readonly string[], vocabulary: SpellingVocabulary): SpellingVariant[] {
  return [splitVariant(words, vocabulary), joinedVariant(words, vocabulary), numeralVariant(words)].filter((variant) => variant !== null);
}
