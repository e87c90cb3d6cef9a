import { decodeTelex, isFoldedSyllable, isVietnameseSyllable } from '../vietnamese/index.ts';
import { termForms } from '../analysis/fields.ts';
import { fromRoman, toRoman } from './numerals.ts';
import type { WordRange } from './query-syntax.ts';

/** How often the index (or, failing it, the lexicon) holds a spelling; folded words throughout. */
export interface SpellingVocabulary {
  /** Documents holding the word. */
  wordDocuments(word: string): number;
  /** Documents holding the words next to each other; an upper bound will do. */
  phraseDocuments(words: readonly string[]): number;
  /** Documents where the words form one word or name (`Hà Nội`, `thành phố`), not two that only touch; an upper bound will do. */
  compoundDocuments(words: readonly string[]): number;
  /** When the word reads as a typo, the documents holding its likeliest correction (`thuong` for `tuhong`); else 0. */
  correctionDocuments(word: string): number;
}

/** Knows nothing: no spelling is read another way. */
export const NO_VOCABULARY: SpellingVocabulary = { wordDocuments: () => 0, phraseDocuments: () => 0, compoundDocuments: () => 0, correctionDocuments: () => 0 };

/**
 * A vocabulary of known words and names only (a lexicon): a known one counts as common, every
 * joined word as absent. For engines whose index cannot be asked how often it holds a word.
 */
export function phraseLexicon(phrases: Iterable<string>): SpellingVocabulary {
  const known = new Set(phrases);
  return { ...NO_VOCABULARY, compoundDocuments: (words) => (known.has(words.join(' ')) ? Number.MAX_SAFE_INTEGER : 0) };
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
 * …and, to split a word typed as one, at least this share of the documents the typed spelling is
 * in, as a word or name: `hanoi` is read `Hà Nội`, far commoner, and `Lenin` also `Lê Nin`, rarer
 * in the news but written so on purpose, while `samsung` stays a brand beside a stray `sâm sung`.
 */
const MIN_SHARE = 1 / 20;
const MIN_SPLIT_LETTERS = 4;
const MAX_SPLIT_SYLLABLES = 4;
const MAX_JOINED_SYLLABLES = 3;
const MAX_SYLLABLE_LETTERS = 7;

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

/** Whether swapping two neighbouring letters makes a syllable: `doung` is `duong` mistyped, not `đồ uống` joined. */
function swappedSyllable(letters: string): boolean {
  for (let i = 0; i + 1 < letters.length; i++) {
    if (isFoldedSyllable(letters.slice(0, i) + letters[i + 1] + letters[i] + letters.slice(i + 2))) return true;
  }
  return false;
}

/**
 * The split of a word typed without marks that is no syllable itself (`hochiminh`) into the
 * syllables of the word or name the index holds most often, when that is common enough and
 * commoner than the word's typo correction (`danang`: `Đà Nẵng` before `dananh`). A syllable
 * mistyped (`doung`) or typed in Telex (`nhaan`, nhân) is no joined name: syllables met by
 * chance (`do ung`) would pass for one.
 */
function split(word: string, vocabulary: SpellingVocabulary): string[] | null {
  const folded = termForms(word).folded;
  if (folded !== word.toLowerCase() || folded.length < MIN_SPLIT_LETTERS || isFoldedSyllable(folded) || decodeTelex(word) !== null) return null;
  if (swappedSyllable(folded)) return null;
  let best: string[] | null = null;
  let bestCount = 0;
  for (const candidate of syllableSplits(folded)) {
    const count = vocabulary.compoundDocuments(candidate);
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  const likely = bestCount >= MIN_DOCUMENTS && bestCount >= vocabulary.wordDocuments(folded) * MIN_SHARE && bestCount > vocabulary.correctionDocuments(folded);
  return likely ? best : null;
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

/**
 * Syllables typed apart read as the one word the index holds (`Lê Nin` → `lenin`), when the word
 * is at least as common as the syllables next to each other: typed apart is how Vietnamese is
 * written, so `bắt cóc ở` stays itself beside `Coco`, and `Bộ Y` beside `boy`.
 */
function joinedVariant(words: readonly string[], vocabulary: SpellingVocabulary): SpellingVariant | null {
  const folded = words.map((word) => termForms(word).folded);
  const joined: string[] = [];
  for (let start = 0; start < words.length; ) {
    const length = [MAX_JOINED_SYLLABLES, 2].find((length) => {
      const run = folded.slice(start, start + length);
      if (run.length !== length || !run.every(isFoldedSyllable) || isFoldedSyllable(run.join(''))) return false;
      const joinedDocuments = vocabulary.wordDocuments(run.join(''));
      return joinedDocuments >= MIN_DOCUMENTS && joinedDocuments >= vocabulary.phraseDocuments(run);
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
