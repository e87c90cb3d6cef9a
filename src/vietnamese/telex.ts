import { composeSyllable, isVietnameseSyllable, splitSyllable, type Tone } from './syllable.ts';

const TELEX_TONES: Readonly<Record<string, Tone>> = { s: 's', f: 'f', r: 'r', x: 'x', j: 'j' };
const VNI_TONES: Readonly<Record<string, Tone>> = { '1': 's', '2': 'f', '3': 'r', '4': 'x', '5': 'j' };
const CIRCUMFLEX: Readonly<Record<string, string>> = { a: 'â', e: 'ê', o: 'ô' };
/** The last run of vowels, possibly followed by final consonants: where a delayed mark key applies. */
const LAST_VOWEL_RUN = /[aăâeêioôơuưy]+(?=[^aăâeêioôơuưy]*$)/;
const HAS_VOWEL = /[aăâeêioôơuưy]/;
const PLAIN_TOKEN = /^[a-z][a-z0-9]*$/i;

interface Decoded {
  letters: string;
  tone: Tone | null;
}

function replaceInLastVowelRun(letters: string, edit: (run: string) => string | null): string | null {
  const run = LAST_VOWEL_RUN.exec(letters);
  if (run === null) return null;
  const edited = edit(run[0]);
  return edited === null ? null : letters.slice(0, run.index) + edited + letters.slice(run.index + run[0].length);
}

/** Telex 'w' and VNI '7': horn on 'uo' together ('ươ'), else on u or o; Telex 'w' also makes 'oa' → 'oă'. */
function addHorn(run: string, breveOnOa: boolean): string | null {
  if (/[uư]o/.test(run)) return run.replace(/[uư]o/, 'ươ');
  if (breveOnOa && run.includes('oa')) return run.replace('oa', 'oă');
  if (run.includes('u')) return run.replace('u', 'ư');
  if (run.includes('o')) return run.replace('o', 'ơ');
  if (breveOnOa && run.includes('a')) return run.replace('a', 'ă');
  return null;
}

function withTone(decoded: Decoded, tone: Tone): Decoded | null {
  return decoded.tone === null && HAS_VOWEL.test(decoded.letters) ? { ...decoded, tone } : null;
}

/** Telex: dd → đ, aa/ee/oo → â/ê/ô, w → horn or breve (alone: ư), s f r x j after a vowel → tone. */
function decodeTelexKeys(keys: string): Decoded | null {
  let decoded: Decoded | null = { letters: keys.startsWith('dd') ? 'đ' : '', tone: null };
  for (const key of keys.slice(decoded.letters.length * 2)) {
    const tone = TELEX_TONES[key];
    const last: string | undefined = decoded.letters.at(-1);
    if (tone !== undefined && HAS_VOWEL.test(decoded.letters)) decoded = withTone(decoded, tone);
    else if (key === 'w') {
      const letters: string | null = HAS_VOWEL.test(decoded.letters) ? replaceInLastVowelRun(decoded.letters, (run) => addHorn(run, true)) : `${decoded.letters}ư`;
      decoded = letters === null ? null : { ...decoded, letters };
    } else if (last === key && CIRCUMFLEX[key] !== undefined) decoded = { ...decoded, letters: decoded.letters.slice(0, -1) + CIRCUMFLEX[key] };
    else decoded = { ...decoded, letters: decoded.letters + key };
    if (decoded === null) return null;
  }
  return decoded;
}

/** VNI: digits 1–5 tones, 6 circumflex, 7 horn, 8 breve, 9 đ, each after the letters it marks. */
function decodeVniKeys(keys: string): Decoded | null {
  let decoded: Decoded | null = { letters: '', tone: null };
  for (const key of keys) {
    const tone = VNI_TONES[key];
    let letters: string | null = decoded.letters;
    if (tone !== undefined) decoded = withTone(decoded, tone);
    else if (key === '6') letters = replaceInLastVowelRun(letters, (run) => run.replace(/[aeo](?=[^aeo]*$)/, (v) => CIRCUMFLEX[v]!));
    else if (key === '7') letters = replaceInLastVowelRun(letters, (run) => addHorn(run, false));
    else if (key === '8') letters = replaceInLastVowelRun(letters, (run) => (run.includes('a') ? run.replace('a', 'ă') : null));
    else if (key === '9') letters = letters.startsWith('d') ? `đ${letters.slice(1)}` : null;
    else if (key === '0') letters = null;
    else letters += key;
    if (decoded === null || letters === null) return null;
    decoded = { ...decoded, letters };
  }
  return decoded;
}

/**
 * Decodes one token typed in Telex or VNI with the input method off: 'ddangr' → 'đảng',
 * 'vieetj' → 'việt', 'd9ang3' → 'đảng'. Returns null unless the token used at least one mark key and
 * the result is a valid Vietnamese syllable ('news', 'ASEAN', 'COVID', 'san', '2017' → null). The
 * first letter keeps its case.
 */
export function decodeTelex(token: string): string | null {
  if (!PLAIN_TOKEN.test(token)) return null;
  const keys = token.toLowerCase();
  const decoded = /\d/.test(keys) ? decodeVniKeys(keys) : decodeTelexKeys(keys);
  if (decoded === null || (decoded.letters === keys && decoded.tone === null)) return null;
  const parts = splitSyllable(decoded.letters);
  if (parts === null) return null;
  const syllable = composeSyllable(parts, decoded.tone);
  if (!isVietnameseSyllable(syllable)) return null;
  return token[0] === keys[0] ? syllable : syllable[0]!.toUpperCase() + syllable.slice(1);
}
