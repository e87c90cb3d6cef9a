import { foldCodeUnits } from '../vietnamese/index.ts';
import { termForms } from '../indexing/fields.ts';
import type { AnalyzedQuery } from './query.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

interface Match {
  start: number;
  end: number;
}

const isWordCode = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

/**
 * Where the query's words are in `text`: exact forms when the query has them and the text holds
 * them, folded forms otherwise. Candidates are found by searching a position-preserving fold of
 * the text (with y as i, so that `kĩ` and `kỹ` meet); each is then checked with the words' real
 * forms. Snippets are built for every hit of every search, and tokenizing whole articles to find
 * a few words took most of a search's time.
 */
function findMatches(text: string, query: AnalyzedQuery): Match[] {
  const exactKeys = new Set<string>();
  const foldedKeys = new Set<string>();
  for (const reading of query.readings) {
    for (const term of reading.terms) {
      if (term.folded) foldedKeys.add(term.folded);
      if (term.exact !== null) exactKeys.add(term.exact);
    }
  }
  if (foldedKeys.size === 0) return [];
  const located = foldCodeUnits(text).replaceAll('y', 'i');
  const exactMatches: Match[] = [];
  const foldedMatches: Match[] = [];
  for (const key of new Set([...foldedKeys].map((folded) => folded.replaceAll('y', 'i')))) {
    for (let start = located.indexOf(key); start !== -1; start = located.indexOf(key, start + 1)) {
      const end = start + key.length;
      if ((start > 0 && isWordCode(located.charCodeAt(start - 1))) || (end < located.length && isWordCode(located.charCodeAt(end)))) continue;
      const forms = termForms(text.slice(start, end));
      if (!foldedKeys.has(forms.folded)) continue;
      foldedMatches.push({ start, end });
      if (exactKeys.has(forms.exact)) exactMatches.push({ start, end });
    }
  }
  return (exactMatches.length > 0 ? exactMatches : foldedMatches).sort((a, b) => a.start - b.start);
}

/** The run of matches spanning at most `maxChars` that holds the most of them (the first such). */
function densestRun(matches: readonly Match[], maxChars: number): [number, number] {
  let best: [number, number] = [0, 0];
  let end = 0;
  for (let start = 0; start < matches.length; start++) {
    end = Math.max(end, start);
    while (end < matches.length && matches[end]!.end - matches[start]!.start <= maxChars) end++;
    if (end - start > best[1] - best[0]) best = [start, end];
  }
  return best;
}

/** Moves `offset` forward past the next whitespace, but no further than `limit`: a window starts on a word. */
function wordStartFrom(text: string, offset: number, limit: number): number {
  if (offset <= 0) return 0;
  const space = text.slice(offset, limit).search(/\s/);
  return space === -1 ? limit : offset + space + 1;
}

/** Moves `offset` back to the last whitespace before it, but no further than `limit`: a window ends on a word. */
function wordEndBefore(text: string, offset: number, limit: number): number {
  if (offset >= text.length) return text.length;
  const space = text.slice(limit, offset + 1).search(/\s\S*$/);
  return space === -1 ? offset : limit + space;
}

/**
 * An excerpt of `text` of at most `maxChars` around the query's matches, as HTML: matched words
 * wrapped in `<mark>` in their original spelling, everything else escaped.
 */
export function buildSnippet(text: string, query: AnalyzedQuery, maxChars = 240): string {
  const matches = findMatches(text, query);
  const [first, last] = densestRun(matches, maxChars);
  let from = 0;
  let to = Math.min(text.length, maxChars);
  if (last > first) {
    const [firstStart, lastEnd] = [matches[first]!.start, matches[last - 1]!.end];
    // The spare room is shared before and after the matches.
    from = wordStartFrom(text, Math.max(0, firstStart - Math.floor((maxChars - (lastEnd - firstStart)) / 2)), firstStart);
    to = wordEndBefore(text, Math.min(text.length, from + maxChars), lastEnd);
  } else {
    to = wordEndBefore(text, to, 0);
  }
  let html = from > 0 ? '…' : '';
  let cursor = from;
  for (const { start, end } of matches.slice(first, last)) {
    html += `${escapeHtml(text.slice(cursor, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    cursor = end;
  }
  html += escapeHtml(text.slice(cursor, to));
  if (to < text.trimEnd().length) html += '…';
  return html.replace(/\s+/g, ' ');
}
