import { foldText, tokenize } from '../vietnamese/index.ts';

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
