import { z } from 'zod';
import { cleanText } from './clean.ts';
import { loadLanguageData } from './data.ts';

const weightPair = z.tuple([z.number(), z.number()]);
const crfSchema = z.object({
  transitions: z.object({ BB: z.number(), BI: z.number(), IB: z.number(), II: z.number() }),
  flags: z.record(z.string(), weightPair),
  /** Per lowercase syllable: weights (B, I) as the current, previous and next syllable. */
  syllables: z.record(z.string(), z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number()])),
  /** Two- and three-syllable words, lowercase, syllables separated by a space. */
  ngrams: z.array(z.string()),
});

const crf = loadLanguageData('segmenter-crf.json.gz', crfSchema);
const names = loadLanguageData('names.json', z.object({ surnames: z.array(z.string().min(1)), maxNameSyllables: z.number().int().min(2) }));
const surnames = new Set(names.surnames.map((surname) => surname.normalize('NFC')));
const NO_WEIGHTS = [0, 0, 0, 0, 0, 0] as const;
const syllableWeights = new Map(Object.entries(crf.syllables));
const ngrams = new Set(crf.ngrams);


function flag(name: string): readonly [number, number] {
  return crf.flags[name] ?? [0, 0];
}
const BIAS = flag('bias');
const IS_UPPER = flag('word.isupper()');
const IS_TITLE = flag('word.istitle()');
const IS_DIGIT = flag('word.isdigit()');
const PREV_TITLE = flag('-1:word.istitle()');
const PREV_UPPER = flag('-1:word.isupper()');
const PREV_BIGRAM = flag('-1:word.bi_gram()');
const PREV_TRIGRAM = flag('-2:word.tri_gram()');
const NEXT_TITLE = flag('+1:word.istitle()');
const NEXT_UPPER = flag('+1:word.isupper()');
const NEXT_BIGRAM = flag('+1:word.bi_gram()');
const NEXT_TRIGRAM = flag('+2:word.tri_gram()');

/**
 * Syllables as the model was trained on them (pyvi's sylabelize): abbreviations with their dot,
 * URLs, e-mails, dates, times, numbers with separators, single punctuation marks and letter/digit
 * runs; plus, as Vietnamese treebanks write them, hyphenated transliterations ('Ô-ga-ta') and
 * dotted initials ('J.Mitchell') as one token.
 */
const SYLLABLE = new RegExp(
  [
    String.raw`[A-ZĐ]+\.`,
    String.raw`Tp\.`,
    String.raw`Mr\.`,
    String.raw`Mrs\.`,
    String.raw`Ms\.`,
    String.raw`Dr\.`,
    String.raw`ThS\.`,
    '==>',
    '->',
    String.raw`\.\.\.`,
    '>>',
    String.raw`[\p{L}\p{N}_]+://\S+`,
    String.raw`[a-zA-Z0-9_.+-]+@(?:[a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+`,
    String.raw`\p{Nd}{1,4}(?:[/-]\p{Nd}{1,2}){1,2}(?:[/-]\p{Nd}{1,4})?(?![\p{L}\p{N}])`,
    String.raw`\p{Nd}{1,2}(?::\p{Nd}{2}){1,2}`,
    String.raw`\p{Nd}+(?:[.,_]\p{Nd}+)+`,
    String.raw`[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)+`,
    String.raw`[^\p{L}\p{N}_\s]`,
    String.raw`[\p{L}\p{N}_]+`,
  ].join('|'),
  'gu',
);
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const DIGIT_START = /^\p{Nd}/u;
const WORD_RUN_ONLY = /^\p{L}+$/u;
const ALL_DIGITS = /^\p{Nd}+$/u;

interface Shape {
  upper: boolean;
  title: boolean;
  digit: boolean;
}

/** Python's str.isupper(), str.istitle() and str.isdigit(), which the model's features use. */
function shapeOf(syllable: string, lower: string): Shape {
  const upperForm = syllable.toUpperCase();
  let hasCased = false;
  let title = true;
  let previousCased = false;
  for (const char of syllable) {
    const isLower = char !== char.toUpperCase();
    const isUpper = char !== char.toLowerCase();
    if (isUpper && previousCased) title = false;
    if (isLower && !previousCased) title = false;
    if (isLower || isUpper) hasCased = true;
    previousCased = isLower || isUpper;
  }
  return { upper: hasCased && syllable === upperForm && syllable !== lower, title: hasCased && title, digit: ALL_DIGITS.test(syllable) };
}

function isPunctuation(syllable: string): boolean {
  return !WORD_CHAR.test(syllable);
}

/** True at i when syllable i continues the word of syllable i-1 (Viterbi over the labels B and I). */
function labelWordContinuations(syllables: readonly string[]): boolean[] {
  const n = syllables.length;
  const lowers = syllables.map((syllable) => syllable.toLowerCase());
  const shapes = syllables.map((syllable, i) => shapeOf(syllable, lowers[i]!));
  const bigram = lowers.map((lower, i) => i > 0 && ngrams.has(`${lowers[i - 1]} ${lower}`));
  const trigram = lowers.map((lower, i) => i > 1 && ngrams.has(`${lowers[i - 2]} ${lowers[i - 1]} ${lower}`));
  const backB = new Uint8Array(n); // 1 when the best path into B at i comes from I
  const backI = new Uint8Array(n);
  const { BB, BI, IB, II } = crf.transitions;
  let scoreB = 0;
  let scoreI = 0;
  for (let i = 0; i < n; i++) {
    const shape = shapes[i]!;
    let b = BIAS[0];
    let inside = BIAS[1];
    const add = (weights: readonly [number, number] | readonly number[], on: boolean, offset = 0) => {
      if (!on) return;
      b += weights[offset]!;
      inside += weights[offset + 1]!;
    };
    add(IS_UPPER, shape.upper);
    add(IS_TITLE, shape.title);
    add(IS_DIGIT, shape.digit);
    add(syllableWeights.get(lowers[i]!) ?? NO_WEIGHTS, true, 0);
    if (i > 0) {
      const previous = shapes[i - 1]!;
      add(PREV_TITLE, previous.title);
      add(PREV_UPPER, previous.upper);
      add(PREV_BIGRAM, bigram[i]!);
      add(syllableWeights.get(lowers[i - 1]!) ?? NO_WEIGHTS, true, 2);
      add(PREV_TRIGRAM, trigram[i]!);
    }
    if (i < n - 1) {
      const next = shapes[i + 1]!;
      add(NEXT_TITLE, next.title);
      add(NEXT_UPPER, next.upper);
      add(NEXT_BIGRAM, bigram[i + 1]!);
      add(syllableWeights.get(lowers[i + 1]!) ?? NO_WEIGHTS, true, 4);
      if (i < n - 2) add(NEXT_TRIGRAM, trigram[i + 2]!);
    }
    if (i === 0) {
      scoreB = b;
      scoreI = inside;
      continue;
    }
    const intoBFromB = scoreB + BB;
    const intoBFromI = scoreI + IB;
    const intoIFromB = scoreB + BI;
    const intoIFromI = scoreI + II;
    backB[i] = intoBFromI > intoBFromB ? 1 : 0;
    backI[i] = intoIFromI > intoIFromB ? 1 : 0;
    scoreB = Math.max(intoBFromB, intoBFromI) + b;
    scoreI = Math.max(intoIFromB, intoIFromI) + inside;
  }
  const continues = new Array<boolean>(n).fill(false);
  let inside = scoreI > scoreB;
  for (let i = n - 1; i > 0; i--) {
    continues[i] = inside;
    inside = (inside ? backI[i] : backB[i]) === 1;
  }
  return continues;
}

/** Syllables of one line, in the model's tokenization. */
function syllablesOf(text: string): string[] {
  return text.match(SYLLABLE) ?? [];
}

/** Groups syllables into words. Like pyvi, never joins punctuation or numbers, nor a capitalized syllable to a lowercase one. */
function groupWords(syllables: readonly string[]): string[][] {
  const continues = labelWordContinuations(syllables);
  const words: string[][] = [];
  syllables.forEach((syllable, i) => {
    const previous = syllables[i - 1];
    const joins =
      previous !== undefined &&
      continues[i] &&
      !isPunctuation(syllable) &&
      !isPunctuation(previous) &&
      !DIGIT_START.test(syllable) &&
      !DIGIT_START.test(previous) &&
      !(isUpperInitial(syllable) && !isUpperInitial(previous));
    if (joins) words.at(-1)!.push(syllable);
    else words.push([syllable]);
  });
  return words;
}

/** A family name followed by capitalized words is one word: the person's full name ('Nguyễn Phú_Trọng' → 'Nguyễn_Phú_Trọng'). */
function joinPersonNames(words: string[][]): string[][] {
  const joined: string[][] = [];
  for (let i = 0; i < words.length; i++) {
    const name = [...words[i]!];
    if (name.length === 1 && surnames.has(name[0]!)) {
      while (i + 1 < words.length && name.length + words[i + 1]!.length <= names.maxNameSyllables && words[i + 1]!.every(isNameSyllable)) {
        name.push(...words[++i]!);
      }
    }
    joined.push(name);
  }
  return joined;
}

function isNameSyllable(syllable: string): boolean {
  return isUpperInitial(syllable) && syllable.slice(1) === syllable.slice(1).toLowerCase() && WORD_RUN_ONLY.test(syllable);
}

function isUpperInitial(syllable: string): boolean {
  const first = syllable[0]!;
  return first !== first.toLowerCase();
}

/** Word segmentation: 'Đảng Cộng sản Việt Nam' → ['Đảng', 'Cộng sản', 'Việt Nam']; punctuation marks are words of their own. */
export function wordTokenize(text: string): string[] {
  return cleanText(text)
    .split('\n')
    .flatMap((line) => joinPersonNames(groupWords(syllablesOf(line))))
    .map((word) => word.join(' '));
}

/** The segmentation as one line, '_' joining the syllables of a word: 'Đảng Cộng_sản Việt_Nam'. */
export function segmentText(text: string): string {
  return wordTokenize(text)
    .map((word) => word.replaceAll(' ', '_'))
    .join(' ');
}

/** For `vnsearch segment` (stdin to stdout): each input line segmented on a line of its own. */
export function segmentLines(text: string): string {
  return text.split('\n').map(segmentText).join('\n');
}
