import unidecode from 'unidecode';
import { foldText } from './fold.ts';
import { normalizeForMatching } from './normalize.ts';
import { isFoldedSyllable, TONE_MARK, type Tone } from './syllable.ts';
import { memoizeByWord } from './memoize.ts';

const CIRCUMFLEX = '\u0302';
const BREVE_OR_HORN = /[\u0306\u031b]/;
const TONE_LETTER = new Map<string, Tone>(Object.entries(TONE_MARK).map(([tone, mark]) => [mark, tone as Tone]));
const HAS_VIETNAMESE_MARK = /[\u0300-\u0303\u0306\u0309\u031b\u0323đ]/;
/** One base character with the combining marks that follow it. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the classes hold combining marks on purpose, to split a base character from its marks.
const CLUSTER = /([^\u0300-\u036f]?)([\u0300-\u036f]*)/gsu;

/**
 * Lossless ASCII key of one token after normalizeForMatching and lowercasing, in Telex spelling:
 * 'Đảng' → 'ddangr', 'Cộng' → 'coongj', 'người' → 'nguwowif'. Tone-placement and i/y variants get
 * one key ('hòa'/'hoà', 'kỹ'/'kĩ'); 'bán' and 'bạn' do not. A token without Vietnamese marks keeps
 * its folded form ('san' → 'san'). The tone letter goes at the end, as Telex typists write it; a
 * token with several tone marks (not a Vietnamese syllable) gets each right after its letter.
 */
export const toExactKey: (token: string) => string = memoizeByWord(spellExactKey);

function spellExactKey(token: string): string {
  const decomposed = normalizeForMatching(token).toLowerCase().normalize('NFD');
  if (!HAS_VIETNAMESE_MARK.test(decomposed)) return foldText(token);
  const letters: string[] = [];
  const tones: Tone[] = [];
  for (const [, base = '', marks = ''] of decomposed.matchAll(CLUSTER)) {
    if (base === '' && marks === '') continue;
    let letter = base === 'đ' ? 'dd' : base;
    if (marks.includes(CIRCUMFLEX)) letter += base;
    if (BREVE_OR_HORN.test(marks)) letter += 'w';
    const tone = [...marks].map((mark) => TONE_LETTER.get(mark)).find((found) => found !== undefined);
    if (tone !== undefined) tones.push(tone);
    letters.push(tone !== undefined ? `${letter}\0${tone}` : letter);
  }
  const key = tones.length === 1 ? letters.join('').replace(/\0./, '') + tones[0] : letters.join('').replaceAll('\0', '');
  return unidecode(key.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
}

/** Telex spellings of the marks each folded letter may have lost. */
const MARKED_SPELLINGS: Readonly<Record<string, readonly string[]>> = { a: ['a', 'aa', 'aw'], e: ['e', 'ee'], o: ['o', 'oo', 'ow'], u: ['u', 'uw'], d: ['d', 'dd'] };
const TONE_SUFFIXES = ['', ...Object.keys(TONE_MARK)];

/**
 * Every exact key whose folded form is this folded word, for a word shaped like a syllable
 * (`ban` → `ban`, `bans`, `banj`, `baan`, `bawn`…); a word of another shape has only itself.
 * A superset: keys of spellings that are no syllable are among them, which matches nothing.
 */
export function exactKeysFolding(folded: string): string[] {
  if (!isFoldedSyllable(folded)) return [folded];
  let spellings = [''];
  for (const letter of folded) spellings = spellings.flatMap((start) => (MARKED_SPELLINGS[letter] ?? [letter]).map((spelling) => start + spelling));
  return spellings.flatMap((spelling) => TONE_SUFFIXES.map((tone) => spelling + tone));
}
