import { foldForLocating, foldUtf8ForLocating } from '../vietnamese/index.ts';
import { termForms } from '../analysis/fields.ts';
import type { AnalyzedQuery } from './query.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

interface Match {
  start: number;
  end: number;
  /** Which query word it is, as an index into the query's folded words. */
  word: number;
}

/** The query's words as snippets look for them. */
interface SnippetWords {
  /** Folded, with y as i, as they appear in a locating fold: each once. */
  located: string[];
  folded: Set<string>;
  exact: Set<string>;
}

function snippetWords(query: AnalyzedQuery): SnippetWords {
  const folded = new Set<string>();
  const exact = new Set<string>();
  for (const reading of query.readings) {
    for (const term of reading.terms) {
      if (term.folded) folded.add(term.folded);
      if (term.exact !== null) exact.add(term.exact);
    }
  }
  return { located: [...new Set([...folded].map((word) => word.replaceAll('y', 'i')))], folded, exact };
}

/**
 * A text with its locating fold (`foldForLocating`): offsets are in the fold's characters, and
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
  if (typeof text === 'string') {
    const located = foldForLocating(text);
    return { located, slice: (start, end) => text.slice(start, end), bytes: text.length * 2 + located.length };
  }
  const { located, offsets } = foldUtf8ForLocating(text);
  // Buffer's decoding of a few bytes costs a fraction of TextDecoder's, and words are checked one by one.
  const bytes = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  return { located, slice: (start, end) => bytes.toString('utf8', offsets[start], offsets[end]), bytes: text.byteLength + located.length + offsets.byteLength };
}

const isWordCode = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

/**
 * Where the query's words are in the text: exact forms when the query has them and the text holds
 * them, folded forms otherwise. Candidates are found by searching the locating fold of the text;
 * each is then checked with the words' real forms. Snippets are built for every hit of every
 * search, and tokenizing whole articles to find a few words took most of a search's time.
 */
function findMatches(text: LocatedText, words: SnippetWords): Match[] {
  const { located } = text;
  const exactMatches: Match[] = [];
  const foldedMatches: Match[] = [];
  words.located.forEach((key, word) => {
    // A whole word that locates as the key folds to it, unless y and i are in question (both locate
    // as i): only exact forms, and keys with an i, need the word itself.
    const checked = words.exact.size > 0 || key.includes('i');
    for (let start = located.indexOf(key); start !== -1; start = located.indexOf(key, start + 1)) {
      const end = start + key.length;
      if ((start > 0 && isWordCode(located.charCodeAt(start - 1))) || (end < located.length && isWordCode(located.charCodeAt(end)))) continue;
      if (!checked) {
        foldedMatches.push({ start, end, word });
        continue;
      }
      const forms = termForms(text.slice(start, end));
      if (!words.folded.has(forms.folded)) continue;
      foldedMatches.push({ start, end, word });
      if (words.exact.has(forms.exact)) exactMatches.push({ start, end, word });
    }
  });
  return (exactMatches.length > 0 ? exactMatches : foldedMatches).sort((a, b) => a.start - b.start);
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
  let cursor = from;
  for (const { start, end } of matches.slice(run.first, run.last)) {
    html += `${escapeHtml(text.slice(cursor, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    cursor = end;
  }
  html += escapeHtml(text.slice(cursor, to));
  if (to < located.trimEnd().length) html += '…';
  return html.replace(/\s+/g, ' ');
}

/** The longest snippet a hit carries, in characters. */
export const SNIPPET_CHARS = 240;

/**
 * An excerpt of `text` of at most `maxChars` around the query's matches, as HTML: matched words
 * wrapped in `<mark>` in their original spelling, everything else escaped. The excerpt holds as
 * many different query words as any, then as many matches. `text` may be UTF-8 bytes, as stored:
 * only the excerpt is then decoded, and characters are counted in code points; or a text located
 * already (`locateText`).
 */
export function buildSnippet(text: string | Uint8Array | LocatedText, query: AnalyzedQuery, maxChars = SNIPPET_CHARS): string {
  const words = snippetWords(query);
  const located = typeof text === 'string' || text instanceof Uint8Array ? locateText(text) : text;
  const matches = words.located.length > 0 ? findMatches(located, words) : [];
  return excerpt(located, matches, bestRun(matches, words.located.length, maxChars), maxChars);
}
