import { z } from 'zod';
import { ConfigError } from '../errors.ts';
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
/**
 * The two- and three-syllable words as small integers over syllable ids: a bigram is
 * first * ID_BASE + second, a trigram is (id of its first two syllables among trigram prefixes) *
 * ID_BASE + third. Both stay below 2^30, so V8 keeps them as small integers and hashes them fast.
 */
const ngramSyllableIds = new Map<string, number>();
const ID_BASE = 0x2000;
const bigramKeys = new Set<number>();
const trigramPrefixIds = new Map<number, number>();
const trigramKeys = new Set<number>();
for (const ngram of crf.ngrams) {
  const ids = ngram.split(' ').map((syllable) => {
    let id = ngramSyllableIds.get(syllable);
    if (id === undefined) ngramSyllableIds.set(syllable, (id = ngramSyllableIds.size + 1));
    return id;
  });
  const bigramKey = ids[0]! * ID_BASE + ids[1]!;
  if (ids.length === 2) bigramKeys.add(bigramKey);
  else {
    let prefixId = trigramPrefixIds.get(bigramKey);
    if (prefixId === undefined) trigramPrefixIds.set(bigramKey, (prefixId = trigramPrefixIds.size + 1));
    trigramKeys.add(prefixId * ID_BASE + ids[2]!);
  }
}
if (ngramSyllableIds.size >= ID_BASE || trigramPrefixIds.size >= 2 ** 30 / ID_BASE) {
  throw new ConfigError('segmenter-crf.json.gz: too many distinct syllables in ngrams');
}

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

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const DIGIT_START = /^\p{Nd}/u;
const WORD_RUN_ONLY = /^\p{L}+$/u;
const ALL_DIGITS = /^\p{Nd}+$/u;

/** What the model and the joining rules need to know about one syllable, computed once per distinct string. */
interface SyllableInfo {
  lower: string;
  /** Id of the syllable in the n-gram list, 0 when no n-gram contains it. */
  ngramId: number;
  /** Python's str.isupper() and str.istitle(), which the model's features use. */
  upper: boolean;
  title: boolean;
  punctuation: boolean;
  digitStart: boolean;
  upperInitial: boolean;
  /** Score of labels B and I from this syllable's own features, and its weights as neighbour. */
  ownB: number;
  ownI: number;
  /** (B, I) added to the next syllable's scores, and to the previous syllable's scores. */
  asPrevious: readonly [number, number];
  asNext: readonly [number, number];
}

const CACHE_LIMIT = 200_000;
const syllableInfos = new Map<string, SyllableInfo>();

function describeSyllable(syllable: string): SyllableInfo {
  const lower = syllable.toLowerCase();
  let hasCased = false;
  let title = true;
  let previousCased = false;
  for (const char of syllable) {
    const isLower = char !== char.toUpperCase();
    const isUpper = char !== char.toLowerCase();
    if ((isUpper && previousCased) || (isLower && !previousCased)) title = false;
    hasCased ||= isLower || isUpper;
    previousCased = isLower || isUpper;
  }
  const upper = hasCased && syllable === syllable.toUpperCase() && syllable !== lower;
  title &&= hasCased;
  const digit = ALL_DIGITS.test(syllable);
  const weights = syllableWeights.get(lower) ?? NO_WEIGHTS;
  const first = syllable[0]!;
  return {
    lower,
    ngramId: ngramSyllableIds.get(lower) ?? 0,
    upper,
    title,
    punctuation: !WORD_CHAR.test(syllable),
    digitStart: DIGIT_START.test(syllable),
    upperInitial: first !== first.toLowerCase(),
    ownB: BIAS[0] + weights[0] + (upper ? IS_UPPER[0] : 0) + (title ? IS_TITLE[0] : 0) + (digit ? IS_DIGIT[0] : 0),
    ownI: BIAS[1] + weights[1] + (upper ? IS_UPPER[1] : 0) + (title ? IS_TITLE[1] : 0) + (digit ? IS_DIGIT[1] : 0),
    asPrevious: [weights[2] + (title ? PREV_TITLE[0] : 0) + (upper ? PREV_UPPER[0] : 0), weights[3] + (title ? PREV_TITLE[1] : 0) + (upper ? PREV_UPPER[1] : 0)],
    asNext: [weights[4] + (title ? NEXT_TITLE[0] : 0) + (upper ? NEXT_UPPER[0] : 0), weights[5] + (title ? NEXT_TITLE[1] : 0) + (upper ? NEXT_UPPER[1] : 0)],
  };
}

function syllableInfo(syllable: string): SyllableInfo {
  let info = syllableInfos.get(syllable);
  if (info === undefined) {
    info = describeSyllable(syllable);
    if (syllableInfos.size >= CACHE_LIMIT) syllableInfos.clear();
    syllableInfos.set(syllable, info);
  }
  return info;
}

/** True at i when syllable i continues the word of syllable i-1 (Viterbi over the labels B and I). */
function labelWordContinuations(infos: readonly SyllableInfo[]): Uint8Array {
  const n = infos.length;
  const bigram = new Uint8Array(n + 1);
  const trigram = new Uint8Array(n + 2);
  for (let i = 1; i < n; i++) {
    const id = infos[i]!.ngramId;
    const previousId = infos[i - 1]!.ngramId;
    if (id === 0 || previousId === 0) continue;
    const bigramKey = previousId * ID_BASE + id;
    if (ngramKeys.has(bigramKey)) bigram[i] = 1;
    const firstId = i > 1 ? infos[i - 2]!.ngramId : 0;
    if (firstId !== 0 && ngramKeys.has(firstId * ID_BASE * ID_BASE + bigramKey)) trigram[i] = 1;
  }
  const backB = new Uint8Array(n); // 1 when the best path into B at i comes from I
  const backI = new Uint8Array(n);
  const { BB, BI, IB, II } = crf.transitions;
  let scoreB = 0;
  let scoreI = 0;
  for (let i = 0; i < n; i++) {
    const info = infos[i]!;
    let b = info.ownB;
    let inside = info.ownI;
    if (i > 0) {
      const previous = infos[i - 1]!.asPrevious;
      b += previous[0] + (bigram[i] ? PREV_BIGRAM[0] : 0) + (trigram[i] ? PREV_TRIGRAM[0] : 0);
      inside += previous[1] + (bigram[i] ? PREV_BIGRAM[1] : 0) + (trigram[i] ? PREV_TRIGRAM[1] : 0);
    }
    if (i < n - 1) {
      const next = infos[i + 1]!.asNext;
      b += next[0] + (bigram[i + 1] ? NEXT_BIGRAM[0] : 0) + (trigram[i + 2] ? NEXT_TRIGRAM[0] : 0);
      inside += next[1] + (bigram[i + 1] ? NEXT_BIGRAM[1] : 0) + (trigram[i + 2] ? NEXT_TRIGRAM[1] : 0);
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
  const continues = new Uint8Array(n);
  let inside = scoreI > scoreB;
  for (let i = n - 1; i > 0; i--) {
    continues[i] = inside ? 1 : 0;
    inside = (inside ? backI[i] : backB[i]) === 1;
  }
  return continues;
}

// Space-separated chunks repeat a lot ('sản', 'Nam.', '(ĐCSVN)'), and no syllable spans a space,
// so each distinct chunk is split by the regex once.
const chunkSyllables = new Map<string, readonly string[]>();

/** Syllables of one line, in the model's tokenization. */
function syllablesOf(line: string): string[] {
  const syllables: string[] = [];
  for (const chunk of line.split(' ')) {
    if (chunk === '') continue;
    let split = chunkSyllables.get(chunk);
    if (split === undefined) {
      split = chunk.match(SYLLABLE) ?? [];
      if (chunkSyllables.size >= CACHE_LIMIT) chunkSyllables.clear();
      chunkSyllables.set(chunk, split);
    }
    for (const syllable of split) syllables.push(syllable);
  }
  return syllables;
}

/** Groups syllables into words. Like pyvi, never joins punctuation or numbers, nor a capitalized syllable to a lowercase one. */
function groupWords(syllables: readonly string[]): string[][] {
  const infos = syllables.map(syllableInfo);
  const continues = labelWordContinuations(infos);
  const words: string[][] = [];
  for (let i = 0; i < syllables.length; i++) {
    const info = infos[i]!;
    const previous = infos[i - 1];
    const joins =
      previous !== undefined &&
      continues[i] === 1 &&
      !info.punctuation &&
      !previous.punctuation &&
      !info.digitStart &&
      !previous.digitStart &&
      !(info.upperInitial && !previous.upperInitial);
    if (joins) words.at(-1)!.push(syllables[i]!);
    else words.push([syllables[i]!]);
  }
  return words;
}

/** A family name followed by capitalized words is one word: the person's full name ('Nguyễn Phú_Trọng' → 'Nguyễn_Phú_Trọng'). */
function joinPersonNames(words: string[][]): string[][] {
  const joined: string[][] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.length !== 1 || !surnames.has(word[0]!)) {
      joined.push(word);
      continue;
    }
    const name = [...word];
    while (i + 1 < words.length && name.length + words[i + 1]!.length <= names.maxNameSyllables && words[i + 1]!.every(isNameSyllable)) {
      name.push(...words[++i]!);
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

function segmentWords(text: string): string[][] {
  return cleanText(text)
    .split('\n')
    .flatMap((line) => joinPersonNames(groupWords(syllablesOf(line))));
}

/** Word segmentation: 'Đảng Cộng sản Việt Nam' → ['Đảng', 'Cộng sản', 'Việt Nam']; punctuation marks are words of their own. */
export function wordTokenize(text: string): string[] {
  return segmentWords(text).map((word) => word.join(' '));
}

/** The segmentation as one line, '_' joining the syllables of a word: 'Đảng Cộng_sản Việt_Nam'. */
export function segmentText(text: string): string {
  return segmentWords(text)
    .map((word) => word.join('_'))
    .join(' ');
}
