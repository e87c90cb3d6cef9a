import { tokenize, type Token } from '../vietnamese/index.ts';
import { termForms } from '../indexing/fields.ts';
import type { AnalyzedQuery } from './query.ts';

const BEYOND_LATIN = /[^\u0000-\u1fff]/;
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Which tokens of `text` to mark: exact forms when the query has them and the text holds them, folded forms otherwise. */
function matchedTokens(tokens: readonly Token[], query: AnalyzedQuery): Set<number> {
  const exactKeys = new Set<string>();
  const foldedKeys = new Set<string>();
  for (const reading of query.readings) {
    for (const term of reading.terms) {
      foldedKeys.add(term.folded);
      if (term.exact !== null) exactKeys.add(term.exact);
    }
  }
  // Latin and Vietnamese letters (stored text is NFC) fold one for one, so most tokens are ruled
  // out by their length alone; other scripts (CJK folds to several letters) are always compared.
  const foldedLengths = new Set([...foldedKeys].map((key) => key.length));
  const exactMatches = new Set<number>();
  const foldedMatches = new Set<number>();
  tokens.forEach((token, i) => {
    if (!foldedLengths.has(token.text.length) && !BEYOND_LATIN.test(token.text)) return;
    const forms = termForms(token.text);
    if (!foldedKeys.has(forms.folded)) return;
    foldedMatches.add(i);
    if (exactKeys.has(forms.exact)) exactMatches.add(i);
  });
  return exactMatches.size > 0 ? exactMatches : foldedMatches;
}

/** The token range of at most `maxChars` that holds the most matches. */
function bestWindow(tokens: readonly Token[], matches: ReadonlySet<number>, maxChars: number): [number, number] {
  let best: [number, number] = [0, 0];
  let bestCount = -1;
  let end = 0;
  let count = 0;
  for (let start = 0; start < tokens.length; start++) {
    if (end < start) {
      end = start;
      count = 0;
    }
    while (end < tokens.length && tokens[end]!.end - tokens[start]!.start <= maxChars) {
      if (matches.has(end)) count++;
      end++;
    }
    if (count > bestCount) {
      bestCount = count;
      best = [start, end];
    }
    if (matches.has(start)) count--;
  }
  return best;
}

/**
 * An excerpt of `text` around the query's matches, as HTML: matched words wrapped in `<mark>`,
 * all other text escaped. Offsets come from `tokenize`, so the original spelling is shown.
 */
export function buildSnippet(text: string, query: AnalyzedQuery, maxChars = 240): string {
  const tokens = tokenize(text);
  if (tokens.length === 0) return escapeHtml(text.slice(0, maxChars));
  const matches = matchedTokens(tokens, query);
  const [first, last] = bestWindow(tokens, matches, maxChars);
  if (last <= first) return escapeHtml(text.slice(0, maxChars));
  const from = first === 0 ? 0 : tokens[first]!.start;
  const to = tokens[last - 1]!.end;
  let html = from > 0 ? '…' : '';
  let cursor = from;
  for (let i = first; i < last; i++) {
    if (!matches.has(i)) continue;
    const token = tokens[i]!;
    html += `${escapeHtml(text.slice(cursor, token.start))}<mark>${escapeHtml(token.text)}</mark>`;
    cursor = token.end;
  }
  html += escapeHtml(text.slice(cursor, to));
  if (to < text.trimEnd().length) html += '…';
  return html.replace(/\s+/g, ' ');
}
