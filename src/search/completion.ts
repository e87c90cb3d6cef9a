import { foldText, tokenize } from '../vietnamese/index.ts';
import type { Suggestion } from '../types/search.ts';

/**
 * The words of `title` from where the typed words start to one word past the completed last
 * word, in the title's own spelling: typing `dang cong s` in a title about `Đảng Cộng sản Chile`
 * suggests `Đảng Cộng sản Chile`.
 */
export function completionIn(title: string, typedWords: readonly string[]): string | null {
  const tokens = tokenize(title);
  const folded = tokens.map((token) => foldText(token.text));
  const last = typedWords.length - 1;
  for (let start = 0; start + typedWords.length <= tokens.length; start++) {
    const matches = typedWords.every((word, i) => (i === last ? folded[start + i]!.startsWith(word) : folded[start + i] === word));
    if (!matches) continue;
    const end = Math.min(tokens.length, start + typedWords.length + 1);
    return title.slice(tokens[start]!.start, tokens[end - 1]!.end);
  }
  return null;
}

/** The folded words typed so far; the last one may be incomplete. */
export function typedWords(prefix: string): string[] {
  return tokenize(prefix).map((token) => foldText(token.text));
}

/** Completions found in the titles of the best matches, most frequent first, each once. */
export function suggestionsFromTitles(titles: Iterable<string>, words: readonly string[], limit: number): Suggestion[] {
  const counts = new Map<string, Suggestion>();
  for (const title of titles) {
    const completion = completionIn(title, words);
    if (!completion) continue;
    const key = foldText(completion);
    const known = counts.get(key);
    if (known) known.count++;
    else counts.set(key, { text: completion, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.text.length - b.text.length).slice(0, limit);
}
