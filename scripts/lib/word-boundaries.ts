import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { normalizeForMatching } from '../../src/vietnamese/index.ts';

/**
 * The judge of word-boundary precision: forward maximum matching over the Viet74K lexicon
 * (`@vntk/dictionary`). It shares neither method nor word list with the project's segmenter (a
 * CRF from pyvi), so it can say whether a hit's syllables form the query's word without grading
 * the segmenter against itself.
 */
export class WordBoundaryJudge {
  private readonly words: Set<string>;
  private static readonly MAX_WORD_SYLLABLES = 4;

  /** Entries written with capitals are names (`Trường Trung`): capitalized runs stand for them, lowercase text never matches them. */
  constructor(lexicon: Iterable<string>) {
    this.words = new Set(
      [...lexicon]
        .filter((entry) => entry === entry.toLowerCase())
        .map(comparableWord)
        .filter((word) => word.includes(' ')),
    );
  }

  static fromViet74K(): WordBoundaryJudge {
    const packageJson = createRequire(import.meta.url).resolve('@vntk/dictionary/package.json');
    return new WordBoundaryJudge(readFileSync(join(dirname(packageJson), 'data', 'Viet74K.txt'), 'utf8').split('\n'));
  }

  /** Whether some occurrence of the query's syllables in the text forms a word, segmented by greedy longest match from the left of each sentence. */
  formsWord(query: string, text: string): boolean {
    const wanted = syllablesOf(query);
    if (wanted.length === 0) return false;
    for (const written of sentencesOf(text)) {
      const sentence = written.map((syllable) => syllable.toLowerCase());
      const starts = this.wordStarts(
        sentence,
        written.map((syllable, i) => syllable !== sentence[i]),
      );
      for (let at = 0; at + wanted.length <= sentence.length; at++) {
        if (!wanted.every((syllable, i) => sentence[at + i] === syllable)) continue;
        // No word of the greedy segmentation begins inside the occurrence: its syllables are one
        // word (`hàng_không`) or lie inside one (`hãng_hàng_không`), not two that touch (`khách_hàng không`).
        if (starts.slice(at + 1, at + wanted.length).every((start) => !start)) return true;
      }
    }
    return false;
  }

  /**
   * starts[i] is true when syllable i begins a word of the greedy segmentation. A run of
   * capitalized syllables is a name, one word (`Trung Quốc`): the lexicon holds few names.
   */
  private wordStarts(sentence: readonly string[], capitalized: readonly boolean[]): boolean[] {
    const starts = new Array<boolean>(sentence.length).fill(false);
    for (let at = 0; at < sentence.length; ) {
      starts[at] = true;
      let length = 1;
      while (capitalized[at + length - 1] && capitalized[at + length] && length < WordBoundaryJudge.MAX_WORD_SYLLABLES) length++;
      if (length > 1) {
        at += length;
        continue;
      }
      for (let candidate = Math.min(WordBoundaryJudge.MAX_WORD_SYLLABLES, sentence.length - at); candidate > 1; candidate--) {
        if (this.words.has(sentence.slice(at, at + candidate).join(' '))) {
          length = candidate;
          break;
        }
      }
      at += length;
    }
    return starts;
  }
}

function comparableWord(text: string): string {
  return syllablesOf(text).join(' ');
}

function syllablesOf(text: string): string[] {
  return normalizeForMatching(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Runs of syllables between punctuation marks: no word spans a comma or a full stop. */
function sentencesOf(text: string): string[][] {
  return normalizeForMatching(text)
    .split(/[^\p{L}\p{N}\s]+/u)
    .map((part) => part.split(/\s+/u).filter(Boolean))
    .filter((part) => part.length > 0);
}
