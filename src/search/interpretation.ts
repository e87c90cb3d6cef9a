import { normalizeForMatching } from '../vietnamese/index.ts';
import { termForms, type TermForms } from '../analysis/fields.ts';
import type { AnalyzedQuery, QueryReading, QueryTerm } from './query.ts';
import { editDistance } from './edit-distance.ts';
import { type LocatedText, locateText } from './highlight.ts';

/** How the results read the query: `interpreted` when it differs from the typed text. */
export interface Interpretation {
  /** The query as read, as the corpus writes it (`thu tuong` → `Thủ tướng`). */
  text: string;
  /** True when a typo was corrected or a decoding (Telex) was read instead of the typed words. */
  changed: boolean;
}

/**
 * A text as the reading of a query reads it: its first READ_CHARS characters, located as snippets
 * locate them (`highlight.ts`: folded, y as i, one character per code point). A query's words are
 * found by searching that fold, and a word's forms are computed only where the fold cannot tell it
 * from another word: a search reads a few words of each text, and forming every word of every
 * text on the page was most of what reading the query cost. Worth keeping for a text that comes
 * up often: what was found is kept with it.
 */
export interface ScannedText {
  text: LocatedText;
  /** The locating fold of the part read. */
  located: string;
  /** Where the words of a locating key start, by key, once looked for. */
  found: Map<string, number[]>;
  /** Every word's start and key, once a correction needed them all. */
  words?: { starts: number[]; keys: string[] };
  /** A word's forms by where it starts, once asked for. */
  forms: Map<number, TermForms>;
}

/** Words this short are not corrected: one letter turns a Vietnamese syllable into another. */
const MIN_CORRECTED_LENGTH = 4;
/** Words this long may be two edits from what was meant (`mecedess`); none is a Vietnamese syllable. */
const MIN_TWO_EDIT_LENGTH = 7;
/** Only the space between two words joins them into a phrase: punctuation ends one. */
const JOINING_GAP = /^[ \t\u00a0]+$/;

/** A text is read this far: the title, and the lead of the body, say what the article is about. */
export const READ_CHARS = 2000;

const isWordCode = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

/** A word's key in a locating fold: folded, with y as i (`kỹ` and `kĩ` locate alike). */
const locatingKey = (folded: string) => folded.replaceAll('y', 'i');

/** Prepares a text (or its located whole) for the reading of queries. */
export function scanText(whole: string | LocatedText): ScannedText {
  const text = typeof whole === 'string' ? locateText(whole.slice(0, READ_CHARS)) : whole;
  return { text, located: text.located.slice(0, READ_CHARS), found: new Map(), forms: new Map() };
}

/** Where the word starting at `start` ends. */
function wordEnd({ located }: ScannedText, start: number): number {
  let end = start + 1;
  while (end < located.length && isWordCode(located.charCodeAt(end))) end++;
  return end;
}

/** Where the next word starts at or after `from`, or -1. */
function nextWordStart({ located }: ScannedText, from: number): number {
  for (let start = from; start < located.length; start++) if (isWordCode(located.charCodeAt(start))) return start;
  return -1;
}

/** Where the whole words of a locating key start. */
function occurrences(scanned: ScannedText, key: string): number[] {
  let starts = scanned.found.get(key);
  if (starts) return starts;
  starts = [];
  const { located } = scanned;
  for (let start = located.indexOf(key); start !== -1; start = located.indexOf(key, start + 1)) {
    const end = start + key.length;
    if ((start > 0 && isWordCode(located.charCodeAt(start - 1))) || (end < located.length && isWordCode(located.charCodeAt(end)))) continue;
    starts.push(start);
  }
  scanned.found.set(key, starts);
  return starts;
}

/** Every word of the text, for corrections, which compare a term with all of them. */
function allWords(scanned: ScannedText): { starts: number[]; keys: string[] } {
  if (scanned.words) return scanned.words;
  const words = { starts: [] as number[], keys: [] as string[] };
  for (let start = nextWordStart(scanned, 0); start !== -1; ) {
    const end = wordEnd(scanned, start);
    words.starts.push(start);
    words.keys.push(scanned.located.slice(start, end));
    start = nextWordStart(scanned, end);
  }
  scanned.words = words;
  return words;
}

/** The forms of the word starting at `start`. */
function formsAt(scanned: ScannedText, start: number): TermForms {
  let forms = scanned.forms.get(start);
  if (!forms) scanned.forms.set(start, (forms = termForms(scanned.text.slice(start, wordEnd(scanned, start)))));
  return forms;
}

/** Whether the word starting at `start`, which locates as the term, is the term: its forms are read only where the fold cannot tell. */
function matches(scanned: ScannedText, start: number, term: QueryTerm): boolean {
  if (term.exact === null && !term.folded.includes('i') && !term.folded.includes('y')) return true;
  const forms = formsAt(scanned, start);
  return forms.folded === term.folded && (term.exact === null || forms.exact === term.exact);
}

const holds = (scanned: ScannedText, term: QueryTerm) => occurrences(scanned, locatingKey(term.folded)).some((start) => matches(scanned, start, term));

/**
 * How many texts hold each word close to `term` (other than it, at most `limit` edits), by folded
 * form. A key farther than that from the term's key is farther still from the term (y as i only
 * brings words closer), so only the words near it are formed.
 */
function closeWordCounts(texts: readonly ScannedText[], term: string, limit: number): Map<string, number> {
  const termKey = locatingKey(term);
  // Texts repeat their words: each key is compared once.
  const nearKeys = new Map<string, boolean>();
  const near = (key: string) => {
    let isNear = nearKeys.get(key);
    if (isNear === undefined) nearKeys.set(key, (isNear = editDistance(key, termKey, limit) <= limit));
    return isNear;
  };
  const counts = new Map<string, number>();
  for (const scanned of texts) {
    const held = new Set<string>();
    const { starts, keys } = allWords(scanned);
    keys.forEach((key, i) => {
      if (!near(key)) return;
      const folded = key.includes('i') ? formsAt(scanned, starts[i]!).folded : key;
      if (folded !== term && editDistance(folded, term, limit) <= limit) held.add(folded);
    });
    for (const folded of held) counts.set(folded, (counts.get(folded) ?? 0) + 1);
  }
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
    const counts = closeWordCounts(texts, term.folded, limit);
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
  const keys = terms.map((term) => locatingKey(term.folded));
  for (const scanned of texts) {
    const { text, located } = scanned;
    const seen = new Set<string>();
    for (const start of occurrences(scanned, keys[0]!)) {
      if (!matches(scanned, start, terms[0]!)) continue;
      let end = wordEnd(scanned, start);
      let length = 1;
      // Each next word is the next term, with only space between them.
      for (let next = nextWordStart(scanned, end); length < terms.length && next !== -1; next = nextWordStart(scanned, end)) {
        const nextEnd = wordEnd(scanned, next);
        if (located.slice(next, nextEnd) !== keys[length] || !matches(scanned, next, terms[length]!) || !JOINING_GAP.test(text.slice(end, next))) break;
        end = nextEnd;
        length++;
      }
      if (length === terms.length) seen.add(text.slice(start, end).replace(/\s+/g, ' '));
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
