const DEFAULT_LIMIT = 200_000;

/**
 * `compute`, computed once per distinct word: words repeat heavily in running text. The memo is
 * emptied when it reaches `limit` entries, which bounds memory whatever the input.
 */
export function memoizeByWord<T>(compute: (word: string) => T, limit = DEFAULT_LIMIT): (word: string) => T {
  const memo = new Map<string, T>();
  return (word) => {
    let value = memo.get(word);
    if (value === undefined) {
      value = compute(word);
      if (memo.size >= limit) memo.clear();
      memo.set(word, value);
    }
    return value;
  };
}
