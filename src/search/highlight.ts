import { foldUtf8ForLocating } from '../vietnamese/index.ts';
import { termForms, type TermForms } from '../analysis/fields.ts';
import type { AnalyzedQuery, QueryTerm } from './query.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

interface Match {
  start: number;
  end: number;
  /** Which query word it is, as an index into the marked words. */
  word: number;
}

/** One word of a query reading as highlighting looks for it. */
interface QueryWord {
  folded: string;
  /** The exact key (`bans`) when the reading carries diacritics. */
  exact: string | null;
  /** Folded, with y as i, as it appears in a locating fold. */
  located: string;
}

const queryWord = (term: QueryTerm): QueryWord => ({ folded: term.folded, exact: term.exact, located: term.folded.replaceAll('y', 'i') });
const wordKey = (word: QueryWord) => `${word.folded} ${word.exact ?? ''}`;

/**
 * A text with its locating fold (`foldUtf8ForLocating`): offsets are in the fold's characters, and
 * `slice` gives the original text between two of them. Worth keeping for a text that comes up
 * often: locating is most of what a snippet costs.
 */
export interface LocatedText {
  readonly located: string;
  slice(start: number, end: number): string;
  /** About how much memory it holds, in bytes. */
  readonly bytes: number;
}

export function locateText(text: string | Uint8Array): LocatedText {
  // A string is located as its UTF-8 bytes, so that characters are code points in both cases
  // (an emoji is one character), and the same text gives the same excerpt however it was stored.
  const utf8 = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const { located, offsets } = foldUtf8ForLocating(utf8);
  // Buffer's decoding of a few bytes costs a fraction of TextDecoder's, and words are checked one by one.
  const bytes = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength);
  return { located, slice: (start, end) => bytes.toString('utf8', offsets[start], offsets[end]), bytes: utf8.byteLength + located.length + offsets.byteLength };
}

const isWordCode = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

/** A whole word of the text that locates as a query word's key, with its forms when they had to be checked. */
interface Candidate {
  start: number;
  end: number;
  forms: TermForms | null;
}

/**
 * The whole words of a text that locate as `key`. Candidates are found by searching the locating
 * fold of the text and checked with the words' real forms only when that can tell them apart
 * (`withForms`): snippets are built for every hit of every search, and tokenizing whole articles
 * to find a few words took most of a search's time.
 */
function candidatesOf(text: LocatedText, key: string, withForms: boolean): Candidate[] {
  const { located } = text;
  const found: Candidate[] = [];
  for (let start = located.indexOf(key); start !== -1; start = located.indexOf(key, start + 1)) {
    const end = start + key.length;
    if ((start > 0 && isWordCode(located.charCodeAt(start - 1))) || (end < located.length && isWordCode(located.charCodeAt(end)))) continue;
    found.push({ start, end, forms: withForms ? termForms(text.slice(start, end)) : null });
  }
  return found;
}

/** Where one query word is in one text: in its exact form, and in any form that folds to it. */
interface WordMatches {
  exact: Candidate[];
  folded: Candidate[];
}

/**
 * What to mark in one document (its title and body): the words of the reading that found it, the
 * first reading of the query whose every word the document holds (a reading of a typo-corrected
 * query holds none: then the words of every reading). A word the document holds in its exact
 * form is marked only in that form; a word it holds only with other diacritics, or a word typed
 * without them, in every form that folds to it.
 */
class DocumentMarks {
  private readonly byKey = new Map<string, Candidate[][]>();
  readonly words: QueryWord[];
  private readonly chosen: WordMatches[][];

  constructor(query: AnalyzedQuery, texts: readonly LocatedText[]) {
    const readings = query.readings.map((reading) => reading.terms.filter((term) => term.folded !== '').map(queryWord));
    // A whole word that locates as the key folds to it, unless y and i are in question (both locate
    // as i): only exact forms, and keys with an i, need the word itself.
    const withForms = readings.some((words) => words.some((word) => word.exact !== null));
    const matchesOf = (word: QueryWord): WordMatches[] => {
      let candidates = this.byKey.get(word.located);
      if (!candidates) {
        candidates = texts.map((text) => candidatesOf(text, word.located, withForms || word.located.includes('i')));
        this.byKey.set(word.located, candidates);
      }
      return candidates.map((found) => ({
        exact: word.exact === null ? [] : found.filter(({ forms }) => forms?.exact === word.exact),
        folded: found.filter(({ forms }) => forms === null || forms.folded === word.folded),
      }));
    };
    const held = (matches: WordMatches[]) => matches.some(({ folded }) => folded.length > 0);
    const found = readings.find((words) => words.length > 0 && words.every((word) => held(matchesOf(word))));
    const words = new Map((found ?? readings.flat()).map((word) => [wordKey(word), word]));
    this.words = [...words.values()];
    this.chosen = this.words.map(matchesOf);
  }

  /** The matches to mark in the `text`-th text, in text order, each place once (two query words may fold alike: `bán bạn`). */
  matchesIn(text: number): Match[] {
    const matches: Match[] = [];
    this.chosen.forEach((perText, word) => {
      const exactSomewhere = perText.some(({ exact }) => exact.length > 0);
      const { exact, folded } = perText[text]!;
      for (const { start, end } of exactSomewhere ? exact : folded) matches.push({ start, end, word });
    });
    matches.sort((a, b) => a.start - b.start);
    return matches.filter((match, i) => i === 0 || match.start !== matches[i - 1]!.start);
  }
}

/**
 * The run of matches spanning at most `maxChars` that holds the most different query words, then
 * the most matches (the first such), with how many different words it holds.
 */
function bestRun(matches: readonly Match[], wordCount: number, maxChars: number): { first: number; last: number; words: number } {
  const best = { first: 0, last: 0, words: 0 };
  const inRun = new Int32Array(wordCount);
  let words = 0;
  let end = 0;
  for (let start = 0; start < matches.length; start++) {
    while (end < matches.length && matches[end]!.end - matches[start]!.start <= maxChars) {
      if (inRun[matches[end]!.word]!++ === 0) words++;
      end++;
    }
    if (words > best.words || (words === best.words && end - start > best.last - best.first)) Object.assign(best, { first: start, last: end, words });
    if (--inRun[matches[start]!.word]! === 0) words--;
  }
  return best;
}

/** Moves `offset` forward past the next whitespace, but no further than `limit`: a window starts on a word. */
function wordStartFrom(located: string, offset: number, limit: number): number {
  if (offset <= 0) return 0;
  const space = located.slice(offset, limit).search(/\s/);
  return space === -1 ? limit : offset + space + 1;
}

/** Moves `offset` back to the last whitespace before it, but no further than `limit`: a window ends on a word. */
function wordEndBefore(located: string, offset: number, limit: number): number {
  if (offset >= located.length) return located.length;
  const space = located.slice(limit, offset + 1).search(/\s\S*$/);
  return space === -1 ? offset : limit + space;
}

/** The text from `from` to `to` as HTML, the matches (all within it, in order) in `<mark>`. */
function markedHtml(text: LocatedText, matches: readonly Match[], from: number, to: number): string {
  let html = '';
  let cursor = from;
  for (const { start, end } of matches) {
    html += `${escapeHtml(text.slice(cursor, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    cursor = end;
  }
  return html + escapeHtml(text.slice(cursor, to));
}

/** The excerpt around the run as HTML. */
function excerpt(text: LocatedText, matches: readonly Match[], run: { first: number; last: number }, maxChars: number): string {
  const { located } = text;
  let from = 0;
  let to = Math.min(located.length, maxChars);
  if (run.last > run.first) {
    const [firstStart, lastEnd] = [matches[run.first]!.start, matches[run.last - 1]!.end];
    // The spare room is shared before and after the matches.
    from = wordStartFrom(located, Math.max(0, firstStart - Math.floor((maxChars - (lastEnd - firstStart)) / 2)), firstStart);
    to = wordEndBefore(located, Math.min(located.length, from + maxChars), lastEnd);
  } else {
    to = wordEndBefore(located, to, 0);
  }
  let html = from > 0 ? '…' : '';
  html += markedHtml(text, matches.slice(run.first, run.last), from, to);
  if (to < located.trimEnd().length) html += '…';
  return html.replace(/\s+/g, ' ');
}

/** The longest snippet a hit carries, in characters. */
export const SNIPPET_CHARS = 240;

type Text = string | Uint8Array | LocatedText;

const located = (text: Text) => (typeof text === 'string' || text instanceof Uint8Array ? locateText(text) : text);

/** A hit's title and snippet, as HTML: matched words in `<mark>` in their original spelling, everything else escaped. */
export interface Highlights {
  /** The whole title, whitespace runs as single spaces. */
  titleHtml: string;
  /**
   * An excerpt of the body of at most `maxChars` around the matches: it holds as many different
   * query words as any, then as many matches. Characters are counted in code points.
   */
  snippet: string;
}

/**
 * The title and snippet of one hit, marked alike: what the reading that found the document
 * matched, in the exact forms of a diacritized query where the title or body holds them (see
 * `DocumentMarks`). `body` may be UTF-8 bytes, as stored (only the excerpt is then decoded), or
 * located already (`locateText`).
 */
export function highlightDocument(title: string, body: Text, query: AnalyzedQuery, maxChars = SNIPPET_CHARS): Highlights {
  const texts = [locateText(title), located(body)] as const;
  const marks = new DocumentMarks(query, texts);
  const bodyMatches = marks.matchesIn(1);
  const titleHtml = markedHtml(texts[0], marks.matchesIn(0), 0, texts[0].located.length).replace(/\s+/g, ' ').trim();
  return { titleHtml, snippet: excerpt(texts[1], bodyMatches, bestRun(bodyMatches, marks.words.length, maxChars), maxChars) };
}
