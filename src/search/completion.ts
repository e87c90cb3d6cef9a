import { decodeTelex, foldText, tokenize, wordTokenize } from '../vietnamese/index.ts';
import { termForms, type TermForms } from '../analysis/fields.ts';
import { editDistance } from './edit-distance.ts';
import type { Suggestion } from '../types/search.ts';

/** The folded words typed so far; the last one may be incomplete. */
export function typedWords(prefix: string): string[] {
  return tokenize(prefix).map((token) => foldText(token.text));
}

/** Whether a syllable of a title is what the reader typed at that place. */
type SyllableTest = (syllable: TermForms) => boolean;

/**
 * What the typed words may stand for, one test per word: as typed (the last word a prefix), as
 * Telex (`ddangr` is `đảng`, not `đang` or `đáng`), or, when `typos`, one edit away from a word of
 * four letters or more (`thu tuongg` → `Thủ tướng`).
 */
export interface PrefixReading {
  tests: SyllableTest[];
  /** The folded words to look the titles up by (the last one a prefix). */
  words: string[];
  /** The exact key (`ddangr`) of each word the reading decodes, which documents must hold. */
  exact: (string | null)[];
  /** Whether each word may also be one edit away from what was typed. */
  typos: boolean;
}

const MIN_TYPO_LENGTH = 4;

export function prefixReadings(prefix: string, typos: boolean): PrefixReading[] {
  const typed = tokenize(prefix).map((token) => token.text);
  if (typed.length === 0) return [];
  const last = typed.length - 1;
  const folded = typed.map((word) => foldText(word));
  const asTyped: PrefixReading = {
    words: folded,
    exact: folded.map(() => null),
    typos,
    tests: folded.map(
      (word, i) => (syllable) => (i === last ? syllable.folded.startsWith(word) : syllable.folded === word) || (typos && word.length >= MIN_TYPO_LENGTH && editDistance(syllable.folded, word, 1) <= 1),
    ),
  };
  const decoded = typed.map((word) => decodeTelex(word));
  if (decoded.every((word) => word === null)) return [asTyped];
  const telex: PrefixReading = {
    typos,
    exact: decoded.map((word) => (word === null ? null : termForms(word).exact)),
    words: decoded.map((word, i) => (word === null ? folded[i]! : termForms(word).folded)),
    tests: decoded.map((word, i) => {
      if (word === null) return asTyped.tests[i]!;
      const exact = termForms(word).exact;
      return (syllable) => syllable.exact === exact;
    }),
  };
  return [asTyped, telex];
}

/** A title cut into words (segmented: `Cộng sản` is one), each a run of syllables. */
interface TitleWord {
  syllables: { forms: TermForms; start: number; end: number }[];
  capitalized: boolean;
  /** Punctuation stands between this word and the one before: no phrase runs across it (`Hà Nội: Sẽ`). */
  afterBreak: boolean;
}

function titleWords(title: string): TitleWord[] {
  const words: TitleWord[] = [];
  let offset = 0;
  let afterBreak = false;
  for (const word of wordTokenize(title)) {
    const start = title.indexOf(word, offset);
    if (start < 0) continue;
    offset = start + word.length;
    const syllables = tokenize(word).map((token) => ({ forms: termForms(token.text), start: start + token.start, end: start + token.end }));
    if (syllables.length === 0 || syllables.some((syllable) => syllable.forms.folded === '')) {
      afterBreak = true;
      continue;
    }
    words.push({ syllables, capitalized: /^\p{Lu}/u.test(word), afterBreak });
    afterBreak = false;
  }
  return words;
}

/** The longest name that may follow a phrase and complete it, in words: `Đảng Cộng sản` + `Việt Nam`. */
const MAX_NAME_WORDS = 3;

/**
 * The phrases of a title that complete the typed words, in the title's spelling: from the start
 * of a word, the typed words to the end of the word the last one ends in (`thu tu` → `Thủ tướng`,
 * never `Thủ tướng yêu`), then the same followed by the name after it, when one does: the whole
 * run of capitalised words, of a few words at most (`dang cong san` → `Đảng Cộng sản Việt Nam`).
 * No phrase runs across punctuation.
 */
export function completionsIn(title: string, reading: PrefixReading): string[] {
  const words = titleWords(title);
  const found: string[] = [];
  const { tests } = reading;
  for (let first = 0; first < words.length; first++) {
    // Match syllable by syllable from the start of this word.
    let word = first;
    let syllable = 0;
    let matched = 0;
    while (matched < tests.length && word < words.length && !(matched > 0 && syllable === 0 && words[word]!.afterBreak) && tests[matched]!(words[word]!.syllables[syllable]!.forms)) {
      matched++;
      syllable++;
      if (syllable === words[word]!.syllables.length) {
        word++;
        syllable = 0;
      }
    }
    if (matched < tests.length) continue;
    const end = syllable === 0 ? word : word + 1;
    const startOffset = words[first]!.syllables[0]!.start;
    const phraseTo = (wordEnd: number) => title.slice(startOffset, words[wordEnd - 1]!.syllables.at(-1)!.end).replace(/\s+/g, ' ');
    found.push(phraseTo(end));
    let nameEnd = end;
    while (nameEnd < words.length && words[nameEnd]!.capitalized && !words[nameEnd]!.afterBreak) nameEnd++;
    if (nameEnd > end && nameEnd - end <= MAX_NAME_WORDS) found.push(phraseTo(nameEnd));
  }
  return found;
}

/** Suggestions before their true counts: each phrase in its commonest spelling, and how many titles of the sample hold it. */
export function candidatePhrases(titles: Iterable<string>, readings: readonly PrefixReading[]): Suggestion[] {
  const byKey = new Map<string, Map<string, number>>();
  for (const title of titles) {
    const phrases = new Set(readings.flatMap((reading) => completionsIn(title, reading)));
    for (const phrase of phrases) {
      const key = foldText(phrase).toLowerCase();
      const spellings = byKey.get(key) ?? new Map<string, number>();
      spellings.set(phrase, (spellings.get(phrase) ?? 0) + 1);
      byKey.set(key, spellings);
    }
  }
  return [...byKey.values()]
    .map((spellings) => {
      const [text] = [...spellings].sort((a, b) => b[1] - a[1])[0]!;
      return { text, count: [...spellings.values()].reduce((sum, count) => sum + count, 0) };
    })
    .sort((a, b) => b.count - a.count || a.text.length - b.text.length);
}

/** Candidates of the sample whose true counts are asked for, per suggestion returned. */
export const CANDIDATES_PER_SUGGESTION = 3;

/**
 * Suggestions from a sample of titles: the phrases completing the typed words, ranked by how many
 * documents hold them (`count`, from the index); tried with one typo allowed only when the words
 * as typed (or as Telex) complete nothing.
 */
export async function suggestFromTitles(
  prefix: string,
  limit: number,
  titlesFor: (readings: PrefixReading[]) => Promise<Iterable<string>>,
  count: (phrases: string[]) => Promise<number[]>,
): Promise<Suggestion[]> {
  for (const typos of [false, true]) {
    const readings = prefixReadings(prefix, typos);
    if (readings.length === 0) return [];
    const candidates = candidatePhrases(await titlesFor(readings), readings).slice(0, limit * CANDIDATES_PER_SUGGESTION);
    if (candidates.length === 0) continue;
    const counts = await count(candidates.map((candidate) => candidate.text));
    return candidates
      .map((candidate, i) => ({ text: candidate.text, count: counts[i]! }))
      .filter((suggestion) => suggestion.count > 0)
      .sort((a, b) => b.count - a.count || a.text.length - b.text.length)
      .slice(0, limit);
  }
  return [];
}
