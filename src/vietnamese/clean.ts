/** Invisible characters that only break words apart: zero-width space/joiners, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060\ufeff]/g;
/** No-break and typographic spaces, and the ideographic space. */
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const FULL_WIDTH = /[\uff01-\uff5e]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033]/g;
/** Eth and African D, which look like Đ/đ and get typed for it. */
const D_LOOKALIKES = /[\u00d0\u0189\u00f0\u0256]/g;
const FULL_WIDTH_OFFSET = 0xfee0;
const NEEDS_CLEANING = /[\u00a0\u00ad\u00d0\u00f0\u0189\u0256\u1680\u180e\u2000-\u200d\u2018-\u201f\u2032\u2033\u202f\u205f\u2060\u3000\ufeff\uff01-\uff5e]/;

/**
 * Unicode cleanup, safe for display: NFC, invisible characters removed, no-break spaces to spaces,
 * full-width forms to ASCII, curly quotes to straight ones, look-alikes of Đ to Đ. Case and the
 * writer's tone-mark placement are kept.
 */
export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text.normalize('NFC');
  return text
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(D_LOOKALIKES, (char) => (char === '\u00d0' || char === '\u0189' ? 'Đ' : 'đ'))
    .normalize('NFC');
}
