import { foldText } from './fold.ts';

/** Two or more letter runs joined by hyphens with no space: 'Lê-nin', 'Cam-pu-chia', 'I-a-sư-ô'. */
const HYPHENATED = /[\p{L}\p{M}]+(?:[-\u2010\u2011][\p{L}\p{M}]+)+/gu;
const HYPHENS = /[-\u2010\u2011]/g;

/**
 * Joined, folded forms of the hyphenated transliterations in the text ('Lê-nin' → 'lenin',
 * 'Ô-ga-ta I-a-sư-ô' → ['ogata', 'iasuo']), each once, for an extra index field so that 'Lenin'
 * finds 'Lê-nin' and the other way round.
 */
export function transliterationJoins(text: string): string[] {
  const joins = new Set<string>();
  for (const [hyphenated] of text.matchAll(HYPHENATED)) joins.add(foldText(hyphenated.replace(HYPHENS, '')));
  return [...joins];
}
