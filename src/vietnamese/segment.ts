import { z } from 'zod';
import { ConfigError } from '../errors.ts';
import { cleanText } from './clean.ts';
import { classAt, SPACE } from './char-class.ts';
import { loadLanguageData } from './data.ts';
import { IntTable } from './int-table.ts';
import { syllableEnd } from './syllable-scanner.ts';
import { canonicalSyllable } from './syllable.ts';
import { memoizeBySubstring, memoizeByWord } from './memoize.ts';

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
const names = loadLanguageData('names.json', z.object({ surnames: z.array(z.string().min(1)), honorifics: z.array(z.string().min(1)), maxNameSyllables: z.number().int().min(2) }));
const surnames = new Set(names.surnames.map((surname) => surname.normalize('NFC')));
const honorifics = new Set(names.honorifics.map((honorific) => honorific.normalize('NFC')));
const NO_WEIGHTS = [0, 0, 0, 0, 0, 0] as const;
const syllableWeights = new Map(Object.entries(crf.syllables));
/**
 * The model's data writes one tone placement and one i/y spelling (`hoà`, `thoả`, `kĩ`), news
 * writes either (`hòa`, `thỏa`, `kỹ`): a syllable the model lacks as written is looked up by its
 * canonical spelling (`canonicalSyllable`), and the words of the lexicon are known by theirs, so
 * that `Cộng hòa` and `thỏa thuận` are words as `Cộng hoà` and `thoả thuận` are.
 */
const weightsByCanonical = new Map<string, (typeof crf.syllables)[string]>();
for (const [syllable, weights] of syllableWeights) {
  const canonical = canonicalSyllable(syllable);
  if (!weightsByCanonical.has(canonical) || canonical === syllable) weightsByCanonical.set(canonical, weights);
}
/**
 * The two- and three-syllable words as integers over syllable ids. The key of a pair of syllables
 * is first * ID_BASE + second. Its value in pairFlags has the bit BIGRAM when the pair is a
 * two-syllable word, and TRIGRAM_PREFIX times its id when it begins three-syllable words: one
 * lookup per pair of adjacent syllables answers both questions. The key of a trigram is that
 * prefix id * ID_BASE + its third syllable. Keys and values stay below 2^31, as IntTable needs.
 */
const ngramSyllableIds = new Map<string, number>();
const ID_BASE = 0x2000;
const BIGRAM = 1;
const TRIGRAM_PREFIX = 2;
const pairs = new Map<number, number>();
const trigrams = new Map<number, number>();
let trigramPrefixCount = 0;
for (const ngram of crf.ngrams) {
  const ids = ngram.split(' ').map((written) => {
    const syllable = canonicalSyllable(written);
    let id = ngramSyllableIds.get(syllable);
    if (id === undefined) ngramSyllableIds.set(syllable, (id = ngramSyllableIds.size + 1));
    return id;
  });
  const pairKey = ids[0]! * ID_BASE + ids[1]!;
  const flags = pairs.get(pairKey) ?? 0;
  if (ids.length === 2) pairs.set(pairKey, flags | BIGRAM);
  else {
    let prefixId = Math.floor(flags / TRIGRAM_PREFIX);
    if (prefixId === 0) pairs.set(pairKey, flags + (prefixId = ++trigramPrefixCount) * TRIGRAM_PREFIX);
    trigrams.set(prefixId * ID_BASE + ids[2]!, 1);
  }
}
if (ngramSyllableIds.size >= ID_BASE || trigramPrefixCount >= 2 ** 31 / ID_BASE) {
  throw new ConfigError('segmenter-crf.json.gz: too many distinct syllables in ngrams');
}
const pairFlags = new IntTable(pairs);
const trigramKeys = new IntTable(trigrams);

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

const ABBREVIATION = /^\p{Lu}\p{L}{0,2}\.$/u;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const DIGIT_START = /^\p{Nd}/u;
const WORD_RUN_ONLY = /^\p{L}+$/u;
const ALL_DIGITS = /^\p{Nd}+$/u;

/** What the model and the joining rules need to know about one syllable, computed once per distinct string. */
interface SyllableInfo {
  text: string;
  /**
   * The syllable after each separator of the output ('_' within a word, ' ' between words, as in
   * wordTokenize's words), so that writing a syllable out is one string concatenation, not two.
   */
  afterUnderscore: string;
  afterSpace: string;
  /** Id of the syllable in the n-gram list, 0 when no n-gram contains it. */
  ngramId: number;
  punctuation: boolean;
  digitStart: boolean;
  upperInitial: boolean;
  /** A family name of names.json, and a syllable that can follow one in a person's name. */
  surname: boolean;
  /** A form of address written before a name (`Ông`, `Bà`): never part of it. */
  honorific: boolean;
  /** Capitalized letters and a full stop: an initial or a short form (`N.`, `TP.`). */
  abbreviation: boolean;
  nameSyllable: boolean;
  /** Score of labels B and I from this syllable's own features (Python's str.isupper(), str.istitle() and its weights). */
  ownB: number;
  ownI: number;
  /** (B, I) it adds to the next syllable's scores, and to the previous syllable's scores. */
  asPreviousB: number;
  asPreviousI: number;
  asNextB: number;
  asNextI: number;
}

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
  const canonical = canonicalSyllable(lower);
  const weights = syllableWeights.get(lower) ?? weightsByCanonical.get(canonical) ?? NO_WEIGHTS;
  const upperInitial = isUpperInitial(syllable);
  return {
    text: syllable,
    afterUnderscore: `_${syllable}`,
    afterSpace: ` ${syllable}`,
    ngramId: ngramSyllableIds.get(canonical) ?? 0,
    punctuation: !WORD_CHAR.test(syllable),
    digitStart: DIGIT_START.test(syllable),
    upperInitial,
    surname: surnames.has(syllable),
    honorific: honorifics.has(syllable),
    abbreviation: ABBREVIATION.test(syllable),
    nameSyllable: upperInitial && syllable.slice(1) === syllable.slice(1).toLowerCase() && WORD_RUN_ONLY.test(syllable),
    ownB: BIAS[0] + weights[0] + (upper ? IS_UPPER[0] : 0) + (title ? IS_TITLE[0] : 0) + (digit ? IS_DIGIT[0] : 0),
    ownI: BIAS[1] + weights[1] + (upper ? IS_UPPER[1] : 0) + (title ? IS_TITLE[1] : 0) + (digit ? IS_DIGIT[1] : 0),
    asPreviousB: weights[2] + (title ? PREV_TITLE[0] : 0) + (upper ? PREV_UPPER[0] : 0),
    asPreviousI: weights[3] + (title ? PREV_TITLE[1] : 0) + (upper ? PREV_UPPER[1] : 0),
    asNextB: weights[4] + (title ? NEXT_TITLE[0] : 0) + (upper ? NEXT_UPPER[0] : 0),
    asNextI: weights[5] + (title ? NEXT_TITLE[1] : 0) + (upper ? NEXT_UPPER[1] : 0),
  };
}

function isUpperInitial(syllable: string): boolean {
  const first = syllable[0]!;
  return first !== first.toLowerCase();
}

const syllableInfo = memoizeByWord(describeSyllable);

/**
 * Scratch space of one line, reused from line to line so that the hot loop allocates nothing but
 * the syllable strings: the syllables, n-gram features, Viterbi back pointers and word starts.
 */
class LineBuffers {
  syllables: SyllableInfo[] = [];
  length = 0;
  bigram = new Uint8Array(64);
  trigram = new Uint8Array(64);
  /** Label scores of each syllable from its features: B (starts a word) and I (continues one). */
  emitB = new Float64Array(64);
  emitI = new Float64Array(64);
  /** Best score of the line's first i syllables cut into allowed words, the last of one syllable (B) or more (I), and its last word's length. */
  endB = new Float64Array(65);
  endI = new Float64Array(65);
  lengthB = new Uint8Array(65);
  lengthI = new Uint8Array(65);
  wordStart = new Uint8Array(64);

  /** 1 where a syllable follows the previous one without whitespace between them (`P.Đông`). */
  attached = new Uint8Array(64);

  push(info: SyllableInfo, attached: boolean): void {
    if (this.length === this.attached.length) {
      const grown = new Uint8Array(this.length * 2);
      grown.set(this.attached);
      this.attached = grown;
    }
    this.attached[this.length] = attached ? 1 : 0;
    this.syllables[this.length++] = info;
  }

  /** Makes the typed arrays hold the current line (with room for the look-ahead features) and zeroes them. */
  prepare(): void {
    const size = this.length + 2;
    if (this.bigram.length < size) {
      const capacity = Math.max(size, this.bigram.length * 2);
      this.bigram = new Uint8Array(capacity);
      this.trigram = new Uint8Array(capacity);
      this.emitB = new Float64Array(capacity);
      this.emitI = new Float64Array(capacity);
      this.endB = new Float64Array(capacity + 1);
      this.endI = new Float64Array(capacity + 1);
      this.lengthB = new Uint8Array(capacity + 1);
      this.lengthI = new Uint8Array(capacity + 1);
      this.wordStart = new Uint8Array(capacity);
    } else {
      this.bigram.fill(0, 0, size);
      this.trigram.fill(0, 0, size);
    }
  }
}

const line = new LineBuffers();

/** The longest word decoding allows: a person's name (`Nguyễn_Thị_Kim_Ngân`). */
const MAX_WORD_SYLLABLES = 4;
/**
 * Added to the score of a lowercase word of the list per syllable joined: the CRF alone leaves
 * listed words apart too often (`hãng hàng không`). Tuned on half of the shared gold file.
 */
const LEXICON_BONUS = 1;

/**
 * Whether syllables [start, start + length) may form one word: a two- or three-syllable word of
 * the model's word list, or a run of capitalized syllables (a name the list cannot hold).
 */
function mayFormWord(start: number, length: number): boolean {
  if (length === 1) return true;
  const { syllables, bigram, trigram } = line;
  if ((length === 2 && bigram[start + 1]) || (length === 3 && trigram[start + 2])) return true;
  for (let i = start; i < start + length; i++) if (!syllables[i]!.upperInitial) return false;
  return true;
}

/**
 * Sets line.wordStart[i] to 1 where syllable i starts a word: the labelling (B, I) of highest CRF
 * score among those whose words are all allowed by mayFormWord. pyvi's unconstrained Viterbi
 * chains overlapping words (`Học_sinh_học_sinh_học`, `Trung_Quốc_hội_đàm`); a word of the list
 * or a name is what treebanks call a word.
 */
function labelWordStarts(): void {
  const { syllables, length: n, bigram, trigram, emitB, emitI, endB, endI, lengthB, lengthI, wordStart } = line;
  /** Trigram prefix id of syllables i-2 and i-1, from the lookup of their pair. */
  let prefixId = 0;
  for (let i = 1; i < n; i++) {
    const id = syllables[i]!.ngramId;
    const previousId = syllables[i - 1]!.ngramId;
    if (id === 0 || previousId === 0) {
      prefixId = 0;
      continue;
    }
    const flags = pairFlags.get(previousId * ID_BASE + id);
    bigram[i] = flags & BIGRAM;
    if (prefixId !== 0) trigram[i] = trigramKeys.get(prefixId * ID_BASE + id);
    prefixId = Math.floor(flags / TRIGRAM_PREFIX);
  }
  for (let i = 0; i < n; i++) {
    const info = syllables[i]!;
    let b = info.ownB;
    let inside = info.ownI;
    if (i > 0) {
      const previous = syllables[i - 1]!;
      b += previous.asPreviousB + (bigram[i] ? PREV_BIGRAM[0] : 0) + (trigram[i] ? PREV_TRIGRAM[0] : 0);
      inside += previous.asPreviousI + (bigram[i] ? PREV_BIGRAM[1] : 0) + (trigram[i] ? PREV_TRIGRAM[1] : 0);
    }
    if (i < n - 1) {
      const next = syllables[i + 1]!;
      b += next.asNextB + (bigram[i + 1] ? NEXT_BIGRAM[0] : 0) + (trigram[i + 2] ? NEXT_TRIGRAM[0] : 0);
      inside += next.asNextI + (bigram[i + 1] ? NEXT_BIGRAM[1] : 0) + (trigram[i + 2] ? NEXT_TRIGRAM[1] : 0);
    }
    emitB[i] = b;
    emitI[i] = inside;
  }
  const { BB, BI, IB, II } = crf.transitions;
  endB[0] = 0;
  endI[0] = -Infinity;
  for (let end = 1; end <= n; end++) {
    endB[end] = -Infinity;
    endI[end] = -Infinity;
    let wordScore = 0;
    for (let length = 1; length <= MAX_WORD_SYLLABLES && length <= end; length++) {
      const start = end - length;
      // The word's labels B I I…: its first syllable's B score joins, the others' I scores shift.
      wordScore = length === 1 ? emitB[start]! : wordScore - emitB[start + 1]! + emitB[start]! + emitI[start + 1]! + (length === 2 ? BI : II);
      if (!mayFormWord(start, length)) continue;
      const before = start === 0 ? 0 : Math.max(endB[start]! + BB, endI[start]! + IB);
      const score = before + wordScore + (length > 1 && !line.syllables[start]!.upperInitial ? LEXICON_BONUS * (length - 1) : 0);
      if (length === 1) {
        endB[end] = score;
        lengthB[end] = 1;
      } else if (score > endI[end]!) {
        endI[end] = score;
        lengthI[end] = length;
      }
    }
  }
  wordStart.fill(0, 0, n);
  let endsInWord = endI[n]! > endB[n]!;
  for (let end = n; end > 0; ) {
    end -= endsInWord ? lengthI[end]! : 1;
    wordStart[end] = 1;
    endsInWord = endI[end]! + IB > endB[end]! + BB;
  }
}

/** Like pyvi, never joins punctuation or numbers, nor a capitalized syllable to a lowercase one. */
function applyJoiningRules(): void {
  const { syllables, length: n, wordStart } = line;
  for (let i = 1; i < n; i++) {
    if (wordStart[i] === 1) continue;
    const info = syllables[i]!;
    const previous = syllables[i - 1]!;
    if (info.punctuation || previous.punctuation || info.digitStart || previous.digitStart || (info.upperInitial && !previous.upperInitial)) wordStart[i] = 1;
  }
}

/**
 * A family name followed by capitalized words is one word, the person's full name
 * ('Nguyễn_Thị Kim_Ngân' → 'Nguyễn_Thị_Kim_Ngân'); a form of address before it stays apart
 * ('Ông_Đinh_La_Thăng' → 'Ông Đinh_La_Thăng').
 */
function joinPersonNames(): void {
  const { syllables, length: n, wordStart } = line;
  const wordEnd = (start: number) => {
    let end = start + 1;
    while (end < n && wordStart[end] === 0) end++;
    return end;
  };
  const allNameSyllables = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (!syllables[i]!.nameSyllable) return false;
    return true;
  };
  for (let start = 0; start < n; ) {
    let end = wordEnd(start);
    if (syllables[start]!.honorific && start + 1 < n && syllables[start + 1]!.nameSyllable) {
      wordStart[start + 1] = 1;
      end = start + 1;
    } else if (syllables[start]!.surname && allNameSyllables(start, end)) {
      while (end < n) {
        const nextEnd = wordEnd(end);
        if (nextEnd - start > names.maxNameSyllables || !allNameSyllables(end, nextEnd)) break;
        wordStart[end] = 0;
        end = nextEnd;
      }
    }
    start = end;
  }
}

/** An abbreviation written onto a name is one word with it, as treebanks write it: `P.Đông_Hưng_Thuận`, `N.ẨN`. */
function joinAbbreviations(): void {
  const { syllables, length: n, wordStart, attached } = line;
  for (let i = 1; i < n; i++) {
    if (attached[i] === 1 && syllables[i]!.upperInitial && syllables[i - 1]!.abbreviation) wordStart[i] = 0;
  }
}

/**
 * Whether another word the segmenter could form straddles the boundary before syllable b of the
 * line: a word of the list (`học_sinh` across `học | sinh_học`), or a name, a run of capitalized
 * syllables (`Trung_Quốc` across `Trung | Quốc_hội`). A word with such an edge is a guess
 * between overlapping readings, not a word the text says with confidence.
 */
function straddled(b: number): boolean {
  const { syllables, length: n, bigram, trigram } = line;
  if (b <= 0 || b >= n) return false;
  return bigram[b] === 1 || trigram[b] === 1 || trigram[b + 1] === 1 || (syllables[b - 1]!.nameSyllable && syllables[b]!.nameSyllable);
}

/**
 * Called with each syllable in order: whether it starts a word, and whether another possible
 * word straddles the boundary before it (see `straddled`; false at the start of a line).
 */
type SyllableVisitor = (syllable: SyllableInfo, startsWord: boolean, straddledBefore: boolean) => void;

/** Segments the line held in `line` and passes each syllable to `visit`. */
function segmentLine(visit: SyllableVisitor): void {
  if (line.length === 0) return;
  line.prepare();
  labelWordStarts();
  applyJoiningRules();
  joinPersonNames();
  joinAbbreviations();
  for (let i = 0; i < line.length; i++) visit(line.syllables[i]!, line.wordStart[i] === 1, straddled(i));
  line.length = 0;
}

// No syllable spans whitespace, and the chunks between whitespace repeat a lot ('sản', 'Nam.',
// '(ĐCSVN)'), so each distinct chunk is scanned into syllables once.
const syllablesOfChunk = memoizeBySubstring((chunk): readonly SyllableInfo[] => {
  const found: SyllableInfo[] = [];
  for (let index = 0; index < chunk.length; ) {
    const end = syllableEnd(chunk, index);
    found.push(syllableInfo(chunk.slice(index, end)));
    index = end;
  }
  return found;
});

function isWhitespace(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code > SPACE_CHAR && code < 0x80) return false;
  return code === SPACE_CHAR || (classAt(text, index) & SPACE) !== 0;
}

/** Each syllable of the text in order, with whether it starts a word; lines are segmented independently. */
function forEachSyllable(text: string, visit: SyllableVisitor): void {
  const cleaned = cleanText(text);
  line.length = 0;
  for (let index = 0; index < cleaned.length; ) {
    if (isWhitespace(cleaned, index)) {
      if (cleaned.charCodeAt(index) === NEWLINE) segmentLine(visit);
      index++;
      continue;
    }
    let end = index + 1;
    while (end < cleaned.length && !isWhitespace(cleaned, end)) end++;
    let attached = false;
    for (const info of syllablesOfChunk(cleaned, index, end)) {
      line.push(info, attached);
      attached = true;
    }
    index = end;
  }
  segmentLine(visit);
}

const NEWLINE = 0x0a;
const SPACE_CHAR = 0x20;

/** The model's words of two and three syllables (`thành phố`), as its word list writes them. */
export function lexiconWords(): readonly string[] {
  return crf.ngrams;
}

/** Word segmentation: 'Đảng Cộng sản Việt Nam' → ['Đảng', 'Cộng sản', 'Việt Nam']; punctuation marks are words of their own. */
export function wordTokenize(text: string): string[] {
  const words: string[] = [];
  forEachSyllable(text, (syllable, startsWord) => {
    if (startsWord) words.push(syllable.text);
    else words[words.length - 1] += syllable.afterSpace;
  });
  return words;
}

/** The segmentation as one line, '_' joining the syllables of a word: 'Đảng Cộng_sản Việt_Nam'. */
export function segmentText(text: string): string {
  let segmented = '';
  forEachSyllable(text, (syllable, startsWord) => {
    segmented += segmented === '' ? syllable.text : startsWord ? syllable.afterSpace : syllable.afterUnderscore;
  });
  return segmented;
}

/**
 * The words of more than one syllable of a text (syllables separated by a space) that the text
 * forms with confidence: no other word the segmenter could form straddles either edge. In
 * `những học sinh học tốt` the segmenter may read `học sinh_học`, but `học_sinh` overlaps it, so
 * the text does not say `sinh_học` with confidence; `hãng hàng_không` does say `hàng_không`.
 */
export function confidentTextWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let syllableCount = 0;
  let confidentStart = false;
  const endWord = (straddledEnd: boolean) => {
    if (syllableCount > 1 && confidentStart && !straddledEnd) words.push(word);
  };
  forEachSyllable(text, (syllable, startsWord, straddledBefore) => {
    if (!startsWord) {
      word += syllable.afterSpace;
      syllableCount++;
      return;
    }
    endWord(straddledBefore);
    word = syllable.text;
    syllableCount = 1;
    confidentStart = !straddledBefore;
  });
  endWord(false);
  return words;
}

/** A word of a query as the half-open range [start, end) of its syllables. */
export interface WordSpan {
  start: number;
  end: number;
}

/**
 * The words of more than one syllable that a query's syllables form with confidence, as
 * `confidentTextWords` finds them in a text. `học sinh học` has none (`học_sinh` and `sinh_học`
 * overlap): such syllables keep their plain reading rather than a guess.
 */
export function confidentWords(syllables: readonly string[]): WordSpan[] {
  line.length = 0;
  for (const syllable of syllables) line.push(syllableInfo(syllable), false);
  const n = line.length;
  if (n < 2) {
    line.length = 0;
    return [];
  }
  line.prepare();
  labelWordStarts();
  applyJoiningRules();
  joinPersonNames();
  const { wordStart } = line;
  const words: WordSpan[] = [];
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && wordStart[end] === 0) end++;
    if (end - start > 1 && !straddled(start) && !straddled(end)) words.push({ start, end });
    start = end;
  }
  line.length = 0;
  return words;
}
