import { confidentWords, decodeTelex, foldText, isVietnameseSyllable, type WordSpan } from '../vietnamese/index.ts';
import { termForms } from '../analysis/fields.ts';
import { parseQuerySyntax, queryWords as wordsOf, type WordRange } from './query-syntax.ts';
import { NO_VOCABULARY, spellingVariants, type SpellingVocabulary } from './spellings.ts';

/** One word of a query reading. `exact` is set when the reading carries diacritics. */
export interface QueryTerm {
  folded: string;
  exact: string | null;
}

/** Words of a reading that must be found next to each other; with their marks when `exact`. */
export interface PhraseRange extends WordRange {
  exact: boolean;
}

/**
 * One way to read the query. The typed reading comes first; the others are alternatives that
 * find more, never replace it: a Telex/VNI decoding (`ddangr` → `đảng`), the joined form of a
 * hyphenated transliteration (`Lê-nin` → `lenin`) or of syllables typed apart (`Lê Nin`),
 * a joined name split (`hanoi` → `ha noi`), numerals in the other system (`đại hội 13` →
 * `đại hội XIII`), and synonym expansions (`ĐCSVN`).
 */
export interface QueryReading {
  kind: 'typed' | 'telex' | 'joined' | 'synonym' | 'split' | 'numeral';
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
  /** Quoted words, the syllables of a split name, a numeral and the word it follows: each run must be a phrase. */
  phrases?: PhraseRange[];
}

export interface AnalyzedQuery {
  text: string;
  readings: QueryReading[];
  /** Words after a `-`: documents holding any of them are no match (the exact word when typed with marks). */
  excluded?: QueryTerm[];
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

/** The phrases as ranges of a reading's terms, exact when their words carry marks. */
function withPhrases(reading: QueryReading, ranges: readonly WordRange[]): QueryReading {
  if (ranges.length === 0) return reading;
  const exact = (range: WordRange) => reading.terms.slice(range.start, range.end).some((term) => term.exact !== null && term.exact !== term.folded);
  return { ...reading, phrases: ranges.map((range) => ({ ...range, exact: exact(range) })) };
}

/** Documents that make a word typed in a query one the index uses, rather than keys that happen to spell it. */
const WORD_IN_USE = 5;

/**
 * Reads a query the ways a Vietnamese user may have meant it. Pure: no engine, no I/O; the
 * vocabulary tells which other spellings of its words are common (see `spellings.ts`).
 * A quoted query is read as typed (and as Telex), its quoted words as phrases.
 */
export function analyzeQuery(text: string, synonyms: SynonymMap = new Map(), vocabulary: SpellingVocabulary = NO_VOCABULARY): AnalyzedQuery {
  const syntax = parseQuerySyntax(text);
  const { words } = syntax;
  const typed = readingOf('typed', words, true);
  const segment = typed.diacritized;
  const candidates = [typed];
  // A word the index uses (`IS`: `is` in about as many documents as `í`) is kept as typed in the
  // Telex reading: it is a word, not keys.
  const decodings = words.map((word) => decodeTelex(word));
  const keptAsTyped = words.map((word, i) => {
    const typedDocuments = vocabulary.wordDocuments(foldText(word));
    return decodings[i] !== null && typedDocuments >= WORD_IN_USE && 2 * typedDocuments >= vocabulary.wordDocuments(foldText(decodings[i]!));
  });
  const decoded = words.map((word, i) => (keptAsTyped[i] ? word : (decodings[i] ?? word)));
  const decodedCount = decoded.filter((word, i) => word !== words[i]).length;
  if (decodedCount > 0) {
    const telex = readingOf('telex', decoded, segment);
    telex.telexThroughout = 2 * decodedCount > words.length && decoded.every((word, i) => keptAsTyped[i] || isVietnameseSyllable(word));
    candidates.push(telex);
  }
  const quoted = syntax.phrases.length > 0;
  if (!quoted) {
    const joinedWords = parseQuerySyntax(text.replace(HYPHEN_BETWEEN_LETTERS, '$1')).words;
    if (joinedWords.length !== words.length) candidates.push(readingOf('joined', joinedWords, segment));
    candidates.push(...synonymReadings(words, synonyms, segment).slice(0, MAX_SYNONYM_READINGS));
    for (const variant of spellingVariants(words, vocabulary)) candidates.push(withPhrases(readingOf(variant.kind, variant.words, segment), variant.phrases));
  }
  const readings: QueryReading[] = [];
  for (const reading of candidates) {
    if (reading.terms.length > 0 && !readings.some((kept) => sameTerms(kept, reading))) readings.push(quoted ? withPhrases(reading, syntax.phrases) : reading);
  }
  const excluded = syntax.excluded.map((word) => {
    const forms = termForms(word);
    return { folded: forms.folded, exact: forms.exact !== forms.folded ? forms.exact : null };
  });
  return { text, readings, ...(excluded.length > 0 ? { excluded } : {}) };
}
