import { confidentWords, decodeTelex, foldText, isVietnameseSyllable, normalizeForMatching, tokenize, type WordSpan } from '../vietnamese/index.ts';
import { termForms } from '../analysis/fields.ts';

/** One word of a query reading. `exact` is set when the reading carries diacritics. */
export interface QueryTerm {
  folded: string;
  exact: string | null;
}

/**
 * One way to read the query. The typed reading comes first; the others are alternatives that
 * find more, never replace it: a Telex/VNI decoding (`ddangr` → `đảng`), the joined form of a
 * hyphenated transliteration (`Lê-nin` → `lenin`), and synonym expansions (`ĐCSVN`).
 */
export interface QueryReading {
  kind: 'typed' | 'telex' | 'joined' | 'synonym';
  terms: QueryTerm[];
  /** True when the words carry diacritics the user meant: exact forms must rank first. */
  diacritized: boolean;
  /**
   * The terms that form a word of more than one syllable with confidence (`hàng_không`), as
   * ranges of `terms`. Only a query typed with diacritics is segmented, in its diacritized
   * readings other than Telex decodings: without marks, syllables are too ambiguous to join
   * (`hang khong` is also `háng khống`), and a decoding or the marks of a synonym's expansion
   * in a folded query are guesses of ours, which must not lift some readings above the others.
   */
  words: WordSpan[];
  /** The reading's words as written (decoded, for a Telex reading), one per term. */
  written: string[];
  /**
   * A Telex reading of a query typed in Telex throughout: most of its words were decoded, and
   * every word is a Vietnamese syllable (`lamf gif` → `làm gì`; not `trump muốn nói gì`, nor
   * `cay nay torng` → `tỏng`, a typo of `trong` that happens to decode). It counts as much as the
   * typed words, whatever they match (`gif` is also a word of the index).
   */
  telexThroughout: boolean;
}

export interface AnalyzedQuery {
  text: string;
  readings: QueryReading[];
}

/** Folded alias phrase → canonical phrases it stands for (`dcsvn` → [`Đảng Cộng sản Việt Nam`]). */
export type SynonymMap = ReadonlyMap<string, readonly string[]>;

const HYPHEN_BETWEEN_LETTERS = /(\p{L})-(?=\p{L})/gu;
const MAX_SYNONYM_WORDS = 4;
/** More readings make every search slower and rarely find more. */
const MAX_SYNONYM_READINGS = 4;

/** `segment`: whether the user typed diacritics, so that the reading's words may be joined (see `QueryReading.words`). */
function readingOf(kind: QueryReading['kind'], words: readonly string[], segment: boolean): QueryReading {
  const forms = words.map(termForms);
  const diacritized = forms.some((form) => form.exact !== form.folded);
  const terms = forms.map((form) => ({ folded: form.folded, exact: diacritized ? form.exact : null }));
  return {
    kind,
    terms,
    diacritized,
    words: segment && diacritized && kind !== 'telex' ? confidentWords(words) : [],
    written: [...words],
    telexThroughout: false,
  };
}

/** The words of a text that leave a token once folded. */
function wordsOf(text: string): string[] {
  return tokenize(normalizeForMatching(text))
    .map((token) => token.text)
    .filter((word) => termForms(word).folded !== '');
}

function sameTerms(a: QueryReading, b: QueryReading): boolean {
  return a.terms.length === b.terms.length && a.terms.every((term, i) => term.folded === b.terms[i]?.folded && term.exact === b.terms[i]?.exact);
}

function synonymReadings(words: readonly string[], synonyms: SynonymMap, segment: boolean): QueryReading[] {
  const folded = words.map((word) => foldText(word));
  const readings: QueryReading[] = [];
  for (let start = 0; start < words.length; start++) {
    for (let length = Math.min(MAX_SYNONYM_WORDS, words.length - start); length >= 1; length--) {
      const expansions = synonyms.get(folded.slice(start, start + length).join(' '));
      for (const expansion of expansions ?? []) {
        readings.push(readingOf('synonym', [...words.slice(0, start), ...wordsOf(expansion), ...words.slice(start + length)], segment));
      }
    }
  }
  return readings;
}

/** Reads a query the ways a Vietnamese user may have meant it. Pure: no engine, no I/O. */
export function analyzeQuery(text: string, synonyms: SynonymMap = new Map()): AnalyzedQuery {
  const words = wordsOf(text);
  const typed = readingOf('typed', words, true);
  const segment = typed.diacritized;
  const candidates = [typed];
  const decoded = words.map((word) => decodeTelex(word) ?? word);
  const decodedCount = decoded.filter((word, i) => word !== words[i]).length;
  if (decodedCount > 0) {
    const telex = readingOf('telex', decoded, segment);
    telex.telexThroughout = 2 * decodedCount > words.length && decoded.every((word) => isVietnameseSyllable(word));
    candidates.push(telex);
  }
  const joinedText = text.replace(HYPHEN_BETWEEN_LETTERS, '$1');
  if (joinedText !== text) candidates.push(readingOf('joined', wordsOf(joinedText), segment));
  candidates.push(...synonymReadings(words, synonyms, segment).slice(0, MAX_SYNONYM_READINGS));
  const readings: QueryReading[] = [];
  for (const reading of candidates) {
    if (reading.terms.length > 0 && !readings.some((kept) => sameTerms(kept, reading))) readings.push(reading);
  }
  return { text, readings };
}
