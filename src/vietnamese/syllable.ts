import { z } from 'zod';
import { loadLanguageData } from './data.ts';

const inventorySchema = z.object({
  onsets: z.array(z.string()),
  frontVowelOnsets: z.array(z.string()),
  nonFrontVowelOnsets: z.array(z.string()),
  frontVowels: z.array(z.string().length(1)),
  stopCodas: z.array(z.string()),
  rhymes: z.array(z.string().min(1)),
  iyVariantOnsets: z.array(z.string()),
});

const inventory = loadLanguageData('syllables.json', inventorySchema);
const rhymes = new Set(inventory.rhymes);
/** Longest first, so that 'ngh' is tried before 'ng' and 'n'. */
const onsetsLongestFirst = [...inventory.onsets].sort((a, b) => b.length - a.length);
const frontVowelOnsets = new Set(inventory.frontVowelOnsets);
const nonFrontVowelOnsets = new Set(inventory.nonFrontVowelOnsets);
const frontVowels = new Set(inventory.frontVowels);
const iyVariantOnsets = new Set(inventory.iyVariantOnsets);

/** Telex letter of each tone: sắc, huyền, hỏi, ngã, nặng. */
export type Tone = 's' | 'f' | 'r' | 'x' | 'j';
export const TONE_MARK: Readonly<Record<Tone, string>> = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323' };
const TONE_BY_MARK = new Map<string, Tone>(Object.entries(TONE_MARK).map(([tone, mark]) => [mark, tone as Tone]));
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

const VOWELS = 'aăâeêioôơuưy';
const MARKED_VOWELS = 'ăâêôơư';
const CODAS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
const TONELESS_SYLLABLE_LETTERS = /^[a-zđăâêôơư]+$/;

export interface SyllableParts {
  onset: string;
  /** Vowel letters as written, medial included: 'oa' in 'hoàng', 'ươ' in 'người'. */
  nucleus: string;
  coda: string;
}

/** A word split into its letters without tone mark (NFC, case kept) and its tone. */
export interface TonedWord {
  toneless: string;
  tone: Tone | null;
}

/** Separates the tone mark from a word; null when the word carries more than one tone mark. */
export function splitTone(word: string): TonedWord | null {
  const decomposed = word.normalize('NFD');
  const marks = decomposed.match(TONE_MARKS);
  if (marks === null) return { toneless: word.normalize('NFC'), tone: null };
  if (marks.length > 1) return null;
  return { toneless: decomposed.replace(TONE_MARKS, '').normalize('NFC'), tone: TONE_BY_MARK.get(marks[0]!) ?? null };
}

/** Splits a lowercase toneless syllable ('nguơi', 'hoang') by its written shape, without checking the inventory. */
export function splitSyllable(toneless: string): SyllableParts | null {
  if (!TONELESS_SYLLABLE_LETTERS.test(toneless)) return null;
  let onset = '';
  for (const candidate of onsetsLongestFirst) {
    // 'gi' and 'qu' are onsets only when another vowel follows: 'gì' is g + i, 'già' is gi + a.
    const isGlide = candidate === 'gi' || candidate === 'qu';
    const next = toneless[candidate.length];
    if (toneless.startsWith(candidate) && (!isGlide || (next !== undefined && VOWELS.includes(next)))) {
      onset = candidate;
      break;
    }
  }
  let end = onset.length;
  while (end < toneless.length && VOWELS.includes(toneless[end]!)) end++;
  const nucleus = toneless.slice(onset.length, end);
  const coda = toneless.slice(end);
  if (nucleus === '' || !CODAS.has(coda)) return null;
  return { onset, nucleus, coda };
}

/**
 * Index in the nucleus of the vowel that carries the tone, in the classic placement ('hòa', 'thủy',
 * 'khỏe', 'Ủy'): a vowel with its own mark wins (the last one: 'ươ' → 'ơ'); otherwise the middle
 * of three vowels, and of two the first one in an open syllable, the second before a final consonant.
 */
export function toneIndex({ nucleus, coda }: SyllableParts): number {
  for (let i = nucleus.length - 1; i >= 0; i--) if (MARKED_VOWELS.includes(nucleus[i]!)) return i;
  if (nucleus.length === 1) return 0;
  if (nucleus.length >= 3) return 1;
  return coda === '' ? 0 : 1;
}

/** 'kĩ' → 'kỹ', 'qui' → 'quy': the i/y spelling variants of an open syllable, mapped to y. */
function canonicalIy(parts: SyllableParts): SyllableParts {
  return parts.coda === '' && parts.nucleus === 'i' && iyVariantOnsets.has(parts.onset) ? { ...parts, nucleus: 'y' } : parts;
}

/** Writes a lowercase syllable with its tone mark on the canonical vowel (NFC). */
export function composeSyllable(parts: SyllableParts, tone: Tone | null): string {
  const letters = parts.onset + parts.nucleus + parts.coda;
  if (tone === null) return letters;
  const at = parts.onset.length + toneIndex(parts) + 1;
  return (letters.slice(0, at) + TONE_MARK[tone] + letters.slice(at)).normalize('NFC');
}

/**
 * Canonical matching form of one word (a run of letters): classic tone placement and y for the i/y
 * variants, case kept letter by letter. Words that are not shaped like a Vietnamese syllable, or
 * carry several tone marks, are returned as they are.
 */
export function canonicalSyllable(word: string): string {
  const toned = splitTone(word);
  if (toned === null) return word;
  const lower = toned.toneless.toLowerCase();
  if (lower.length !== toned.toneless.length) return word;
  const parts = splitSyllable(lower);
  if (parts === null) return word;
  const canonical = composeSyllable(canonicalIy(parts), toned.tone).normalize('NFD');
  // Restore the writer's case on each letter; the letters line up because only marks moved.
  let result = '';
  let letterIndex = 0;
  for (const char of canonical) {
    if (char >= '\u0300' && char <= '\u036f') {
      result += char;
      continue;
    }
    const original = toned.toneless[letterIndex++]!;
    result += original !== original.toLowerCase() ? char.toUpperCase() : char;
  }
  return result.normalize('NFC');
}

/** True when the lowercase toneless letters form a syllable of the inventory under the given tone. */
function inInventory(toneless: string, tone: Tone | null): boolean {
  for (const onset of onsetsLongestFirst) {
    if (!toneless.startsWith(onset)) continue;
    const rhyme = toneless.slice(onset.length);
    if (!(rhymes.has(rhyme) || (onset === 'qu' && rhymes.has(`u${rhyme}`)))) continue;
    const first = rhyme[0]!;
    if (frontVowelOnsets.has(onset) && !frontVowels.has(first)) continue;
    if ((nonFrontVowelOnsets.has(onset) || onset === 'g') && frontVowels.has(first) && !(onset === 'g' && first === 'i')) continue;
    if (onset === 'qu' && first === 'u') continue;
    const stopped = inventory.stopCodas.some((coda) => rhyme.endsWith(coda));
    if (stopped && tone !== 's' && tone !== 'j') continue;
    return true;
  }
  return false;
}

/** True when the token (any case, with or without diacritics) is a valid Vietnamese syllable. */
export function isVietnameseSyllable(token: string): boolean {
  const toned = splitTone(token.toLowerCase());
  return toned !== null && TONELESS_SYLLABLE_LETTERS.test(toned.toneless) && inInventory(toned.toneless, toned.tone);
}

/** Removes vowel marks and the stroke of đ from lowercase toneless letters: 'ươ' → 'uo'. */
const unmarked = (letters: string): string =>
  letters
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
const foldedOnsetsLongestFirst = [...new Set(onsetsLongestFirst.map(unmarked))].sort((a, b) => b.length - a.length);
const foldedRhymes = new Set(inventory.rhymes.map(unmarked));

/**
 * True when lowercase ASCII letters are some Vietnamese syllable with its marks taken away
 * ('nguoi', 'hoc', 'noi'): the shape of an onset and a rhyme of the inventory, tone rules aside.
 */
export function isFoldedSyllable(letters: string): boolean {
  if (!/^[a-z]+$/.test(letters)) return false;
  return foldedOnsetsLongestFirst.some((onset) => letters.startsWith(onset) && foldedRhymes.has(letters.slice(onset.length)));
}
