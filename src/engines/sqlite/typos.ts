import { editDistance } from '../../search/edit-distance.ts';
import { fromRoman } from '../../search/numerals.ts';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Each key with the keys around it on a QWERTY keyboard (rows are staggered: a key touches two keys of each neighbouring row). */
const NEIGHBOUR_KEYS: ReadonlyMap<string, string> = new Map(
  KEYBOARD_ROWS.flatMap((row, r) =>
    [...row].map((key, i) => {
      const above = KEYBOARD_ROWS[r - 1]?.slice(i, i + 2) ?? '';
      const below = KEYBOARD_ROWS[r + 1]?.slice(Math.max(0, i - 1), i + 1) ?? '';
      return [key, `${row[i - 1] ?? ''}${row[i + 1] ?? ''}${above}${below}`] as const;
    }),
  ),
);

/**
 * How likely a key far from the intended one is, pressed instead of it or besides it, against a
 * slip to a neighbouring key, a doubled key, a transposition or a key left out: `trunp` is `trump`
 * (n and m touch) before it is `trung`, and `quagn` is `quang` (two keys swapped) before it is
 * `quan` (a `g` pressed between keys it does not touch), even where the other word is commoner.
 */
const DISTANT_KEY = 0.1;

/** `letter` is a key a finger aiming at `intended` may also press: the same key, or one touching it. */
const mayAlsoPress = (intended: string | undefined, letter: string) => intended !== undefined && (intended === letter || (NEIGHBOUR_KEYS.get(intended) ?? '').includes(letter));

function add(found: Map<string, number>, word: string, likelihood: number): void {
  if (likelihood > (found.get(word) ?? 0)) found.set(word, likelihood);
}

/**
 * Every string one edit away, with how likely that edit is as a typo: 1 for a transposition of
 * neighbours, a letter left out, a slip to a neighbouring key, or an extra letter next to a key it
 * touches (or doubling one); less for a distant key pressed instead of a letter or besides it.
 */
export function oneEditAway(term: string): Map<string, number> {
  const found = new Map<string, number>();
  for (let i = 0; i < term.length; i++) {
    if (i + 1 < term.length) add(found, term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2), 1);
    const extraBySlip = mayAlsoPress(term[i - 1], term[i]!) || mayAlsoPress(term[i + 1], term[i]!);
    add(found, term.slice(0, i) + term.slice(i + 1), extraBySlip ? 1 : DISTANT_KEY);
    const neighbours = NEIGHBOUR_KEYS.get(term[i]!) ?? '';
    for (const letter of ALPHABET) add(found, term.slice(0, i) + letter + term.slice(i + 1), neighbours.includes(letter) ? 1 : DISTANT_KEY);
  }
  for (let i = 0; i <= term.length; i++) for (const letter of ALPHABET) add(found, term.slice(0, i) + letter + term.slice(i), 1);
  found.delete(term);
  return found;
}

export interface TypoOptions {
  /** Folded words shorter than this are never corrected: Vietnamese syllables that short differ by one letter all the time. */
  minLength: number;
  /** Words this long are also corrected two edits away, when nothing is one edit away (`mecedess` → `mercedes`). */
  minTwoEditLength: number;
  /** A word found in at least this many documents is taken as typed. */
  trustedDocumentCount: number;
  /** At most this many corrections per word, the likeliest first. */
  maxCorrections: number;
}

export const DEFAULT_TYPO_OPTIONS: TypoOptions = { minLength: 4, minTwoEditLength: 7, trustedDocumentCount: 5, maxCorrections: 4 };

function likeliest(candidates: Map<string, number>, documentCount: (word: string) => number, limit: number): string[] {
  return [...candidates]
    .map(([word, likelihood]) => ({ word, score: likelihood * documentCount(word) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.word.localeCompare(b.word))
    .slice(0, limit)
    .map(({ word }) => word);
}

/**
 * Words of the index vocabulary one edit away from a folded query word that looks mistyped (rare
 * or absent in the index), the likeliest first: how many documents hold the word, times how
 * likely the edit is as a typo. For a long word with nothing one edit away, words two edits away
 * among `sameStart(term)`, the index words that start with its first letter (generating every
 * string two edits away would make hundreds of thousands). `documentCount` maps a folded word to
 * how many documents hold it. Numbers, Arabic or Roman, are not corrected.
 */
export function corrections(term: string, documentCount: (word: string) => number, options: TypoOptions = DEFAULT_TYPO_OPTIONS, sameStart: (term: string) => Iterable<string> = () => []): string[] {
  // A number is never a typo of another one, in either notation (`xii` is not `xvi`).
  if (term.length < options.minLength || /^\d+$/.test(term) || fromRoman(term) !== null || documentCount(term) >= options.trustedDocumentCount) return [];
  const close = likeliest(oneEditAway(term), documentCount, options.maxCorrections);
  if (close.length > 0 || term.length < options.minTwoEditLength) return close;
  const twoAway = new Map<string, number>();
  for (const word of sameStart(term)) if (word !== term && editDistance(word, term, 2) <= 2) twoAway.set(word, 1);
  return likeliest(twoAway, documentCount, options.maxCorrections);
}
