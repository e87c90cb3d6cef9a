const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Every string one edit away: a transposition of neighbours, a substitution, a deletion or an insertion. */
export function oneEditAway(term: string): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < term.length; i++) {
    if (i + 1 < term.length) found.add(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
    found.add(term.slice(0, i) + term.slice(i + 1));
    for (const letter of ALPHABET) found.add(term.slice(0, i) + letter + term.slice(i + 1));
  }
  for (let i = 0; i <= term.length; i++) for (const letter of ALPHABET) found.add(term.slice(0, i) + letter + term.slice(i));
  found.delete(term);
  return found;
}

export interface TypoOptions {
  /** Folded words shorter than this are never corrected: Vietnamese syllables that short differ by one letter all the time. */
  minLength: number;
  /** A word found in at least this many documents is taken as typed. */
  trustedDocumentCount: number;
  /** At most this many corrections per word, the most frequent first. */
  maxCorrections: number;
}

export const DEFAULT_TYPO_OPTIONS: TypoOptions = { minLength: 4, trustedDocumentCount: 5, maxCorrections: 4 };

/**
 * Words of the index vocabulary one edit away from a folded query word that looks mistyped
 * (rare or absent in the index). `documentCount` maps a folded word to how many documents hold it.
 */
export function corrections(term: string, documentCount: (word: string) => number, options: TypoOptions = DEFAULT_TYPO_OPTIONS): string[] {
  if (term.length < options.minLength || /^\d+$/.test(term) || documentCount(term) >= options.trustedDocumentCount) return [];
  return [...oneEditAway(term)]
    .map((word) => ({ word, count: documentCount(word) }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    .slice(0, options.maxCorrections)
    .map(({ word }) => word);
}
