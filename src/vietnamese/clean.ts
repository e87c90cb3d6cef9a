const FULL_WIDTH_OFFSET = 0xfee0;

/** Each set of characters that cleanText changes (the inside of a regex character class), and what they become. */
const REPLACEMENTS: readonly (readonly [characters: string, replace: (char: string) => string])[] = [
  // Invisible characters that only break words apart: zero-width space/joiners, word joiner, BOM, soft hyphen.
  ['\u00ad\u180e\u200b-\u200d\u2060\ufeff', () => ''],
  // No-break and typographic spaces, and the ideographic space.
  ['\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000', () => ' '],
  ['\uff01-\uff5e', (char) => String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET)],
  ['\u2018\u2019\u201a\u201b\u2032', () => "'"],
  ['\u201c\u201d\u201e\u201f\u2033', () => '"'],
  // Eth and African D, which look like Đ/đ and get typed for it.
  ['\u00d0\u0189', () => 'Đ'],
  ['\u00f0\u0256', () => 'đ'],
];
const REPLACED_SETS = REPLACEMENTS.map(([characters, replace]) => [new RegExp(`[${characters}]`), replace] as const);
/** Any character of the sets: the text is scanned once, and the few characters found are replaced one by one. */
const REPLACED = new RegExp(`[${REPLACEMENTS.map(([characters]) => characters).join('')}]`, 'g');

function replacementOf(char: string): string {
  for (const [set, replace] of REPLACED_SETS) if (set.test(char)) return replace(char);
  return char;
}

/**
 * Unicode cleanup, safe for display: NFC, invisible characters removed, no-break spaces to spaces,
 * full-width forms to ASCII, curly quotes to straight ones, look-alikes of Đ to Đ. Case and the
 * writer's tone-mark placement are kept.
 */
export function cleanText(text: string): string {
  return text.replace(REPLACED, replacementOf).normalize('NFC');
}
