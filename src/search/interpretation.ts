import { forEachToken, normalizeForMatching } from '../vietnamese/index.ts';
import { termForms } from '../analysis/fields.ts';
import type { AnalyzedQuery, QueryReading, QueryTerm } from './query.ts';
import { editDistance } from './edit-distance.ts';

/** How the results read the query: `interpreted` when it differs from the typed text. */
export interface Interpretation {
  /** The query as read, as the corpus writes it (`thu tuong` → `Thủ tướng`). */
  text: string;
  /** True when a typo was corrected or a decoding (Telex) was read instead of the typed words. */
  changed: boolean;
}

/** One word of a text: its forms, and where it is. */
interface TextWord {
  folded: string;
  exact: string;
  start: number;
  end: number;
}

/** A text as the reading of a query reads it: its first words with their forms. Worth keeping for a text that comes up often. */
export interface ScannedText {
  text: string;
  words: TextWord[];
  /** Where each folded word is, in `words`. */
  at: Map<string, number[]>;
}

/** Words this short are not corrected: one letter turns a Vietnamese syllable into another. */
const MIN_CORRECTED_LENGTH = 4;
/** Words this long may be two edits from what was meant (`mecedess`); none is a Vietnamese syllable. */
const MIN_TWO_EDIT_LENGTH = 7;
/** Only the space between two words joins them into a phrase: punctuation ends one. */
const JOINING_GAP = /^[ \t\u00a0]+$/;

/** A text is read this far: the title, and the lead of the body, say what the article is about. */
export const READ_CHARS = 2000;

export function scanText(whole: string): ScannedText {
  const text = whole.slice(0, READ_CHARS);
  const words: TextWord[] = [];
  const at = new Map<string, number[]>();
  forEachToken(text, (start, end) => {
    const { folded, exact } = termForms(text.slice(start, end));
    if (!folded) return;
    const positions = at.get(folded);
    if (positions) positions.push(words.length);
    else at.set(folded, [words.length]);
    words.push({ folded, exact, start, end });
  });
  return { text, words, at };
}

const matches = (word: TextWord, term: QueryTerm) => word.folded === term.folded && (term.exact === null || word.exact === term.exact);
const holds = ({ words, at }: ScannedText, term: QueryTerm) => (at.get(term.folded) ?? []).some((i) => matches(words[i]!, term));

/** How many texts hold a word `accept` takes, by its folded form. */
function textCounts(texts: readonly ScannedText[], accept: (folded: string) => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { at } of texts) for (const folded of at.keys()) if (accept(folded)) counts.set(folded, (counts.get(folded) ?? 0) + 1);
  return counts;
}

/**
 * The reading's terms as the texts hold them: a term no text holds, or one taken for a typo that
 * a word close to it outnumbers, becomes the word of the texts closest to it (one edit, two for
 * long words) held by the most texts; null when a term no text holds has no such word.
 */
function resolve(reading: QueryReading, texts: readonly ScannedText[], mistyped: ReadonlySet<string>): { terms: QueryTerm[]; corrected: boolean } | null {
  let corrected = false;
  const terms: QueryTerm[] = [];
  for (const term of reading.terms) {
    const held = texts.filter((text) => holds(text, term)).length;
    const doubtful = reading.kind === 'typed' && mistyped.has(term.folded);
    if (held > 0 && !doubtful) {
      terms.push(term);
      continue;
    }
    if (term.folded.length < MIN_CORRECTED_LENGTH || /^\d+$/.test(term.folded)) return null;
    const limit = term.folded.length >= MIN_TWO_EDIT_LENGTH ? 2 : 1;
    const counts = textCounts(texts, (folded) => folded !== term.folded && editDistance(folded, term.folded, limit) <= limit);
    const [best] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    // A word taken for a typo stays when the texts hold it more than any word close to it.
    if (!best || best[1] <= held) {
      if (held === 0) return null;
      terms.push(term);
      continue;
    }
    terms.push({ folded: best[0], exact: null });
    corrected = true;
  }
  return { terms, corrected };
}

/** How many texts hold every term. */
function support(terms: readonly QueryTerm[], texts: readonly ScannedText[]): number {
  return texts.filter((text) => terms.every((term) => holds(text, term))).length;
}

/** The forms of the texts that read as `terms` word after word, each with how many texts hold it, in order of first appearance. */
function phraseForms(terms: readonly QueryTerm[], texts: readonly ScannedText[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { text, words, at } of texts) {
    const seen = new Set<string>();
    for (const start of at.get(terms[0]!.folded) ?? []) {
      if (start + terms.length > words.length) break;
      let length = 0;
      while (length < terms.length && matches(words[start + length]!, terms[length]!) && (length === 0 || JOINING_GAP.test(text.slice(words[start + length - 1]!.end, words[start + length]!.start))))
        length++;
      if (length === terms.length) seen.add(text.slice(words[start]!.start, words[start + length - 1]!.end).replace(/\s+/g, ' '));
    }
    for (const form of seen) counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  return counts;
}

/** The form most texts hold; of equals, the one met first (the texts come best first). */
function commonest(forms: Map<string, number>): string | null {
  let best: string | null = null;
  for (const [form, count] of forms) if (best === null || count > forms.get(best)!) best = form;
  return best;
}

/**
 * The terms as the texts write them: the longest runs of consecutive terms the texts hold as a
 * phrase, each in its commonest form (`dang cong san viet nam` → `Đảng Cộng sản Việt Nam`, the
 * whole run, not a guess per syllable); `fallback` for a term no text holds.
 */
function restore(terms: readonly QueryTerm[], texts: readonly ScannedText[], fallback: (index: number) => string): string {
  const parts: string[] = [];
  for (let start = 0; start < terms.length; ) {
    let length = terms.length - start;
    let form: string | null = null;
    for (; length >= 1; length--) {
      form = commonest(phraseForms(terms.slice(start, start + length), texts));
      if (form !== null) break;
    }
    parts.push(form ?? fallback(start));
    start += Math.max(1, length);
  }
  return parts.join(' ');
}

const comparable = (text: string) => normalizeForMatching(text).toLowerCase().split(/\s+/).filter(Boolean).join(' ');

/**
 * Whether the reading of a query can differ from the typed text. A query typed with diacritics,
 * with no Telex decoding and no word the engine took for a typo, reads as typed: its hits hold
 * its words in their exact forms. Sparing those queries the reading spares them scanning texts.
 */
export function mayReadOtherwise(query: AnalyzedQuery, mistyped: ReadonlySet<string>): boolean {
  const [typed] = query.readings;
  if (typed?.kind !== 'typed' || !typed.diacritized) return true;
  return query.readings.some((reading) => reading.kind === 'telex') || typed.terms.some((term) => mistyped.has(term.folded));
}

/**
 * How the best hits read the query, from their texts (titles and bodies, best first, as `scanText`
 * reads them, scanned only when the reading may differ from the typed text): the typed words, or
 * their Telex decoding when more texts hold it (a query typed in Telex throughout wins ties), with
 * typos corrected to the words the texts hold, written as the texts write them. Null when the
 * reading is the typed text itself (case aside) or no text holds it.
 * `mistyped`: folded typed words the engine took for typos (rare, and close to common words),
 * corrected even where a text holds them, as texts hold the same typos (`Donald Trunp`).
 */
export function interpretQuery(query: AnalyzedQuery, scan: () => readonly ScannedText[], mistyped: ReadonlySet<string> = new Set()): Interpretation | null {
  if (!mayReadOtherwise(query, mistyped)) return null;
  const scanned = scan();
  if (scanned.length === 0) return null;
  const candidates = query.readings.filter((reading) => reading.kind === 'typed' || reading.kind === 'telex');
  let chosen: { reading: QueryReading; terms: QueryTerm[]; corrected: boolean; support: number } | null = null;
  for (const reading of candidates) {
    const resolved = resolve(reading, scanned, mistyped);
    if (!resolved) continue;
    const held = support(resolved.terms, scanned);
    const better =
      chosen === null ||
      held > chosen.support ||
      (held === chosen.support && (Number(resolved.corrected) < Number(chosen.corrected) || (resolved.corrected === chosen.corrected && reading.telexThroughout)));
    if (better) chosen = { reading, ...resolved, support: held };
  }
  if (!chosen || chosen.support === 0) return null;
  const { reading, terms, corrected } = chosen;
  const text = restore(terms, scanned, (index) => (reading.terms[index] === terms[index] ? reading.written[index]! : terms[index]!.folded));
  if (comparable(text) === comparable(query.text)) return null;
  return { text, changed: corrected || reading.kind !== 'typed' };
}

/** The query read as typed only, for a search of exactly what was typed. */
export function asTyped(query: AnalyzedQuery): AnalyzedQuery {
  return { ...query, readings: query.readings.slice(0, 1) };
}
