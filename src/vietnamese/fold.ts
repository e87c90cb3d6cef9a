import unidecode from 'unidecode';
import { normalizeForMatching } from './normalize.ts';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The folding of characters that decompose (NFD) into an ASCII letter and combining marks of
 * U+0300–U+036F, plus đ and Đ: all Vietnamese letters, indexed by UTF-16 code (0 = not in the table).
 * Derived from Unicode at load time, so it agrees with foldRun by construction.
 */
const LETTER_FOLDS = new Uint8Array(0x1f00);
for (let code = 0xc0; code < LETTER_FOLDS.length; code++) {
  const decomposed = String.fromCharCode(code).normalize('NFD');
  if (/^[A-Za-z][\u0300-\u036f]+$/.test(decomposed)) LETTER_FOLDS[code] = decomposed.toLowerCase().charCodeAt(0);
}
LETTER_FOLDS['đ'.charCodeAt(0)] = LETTER_FOLDS['Đ'.charCodeAt(0)] = 'd'.charCodeAt(0);

/** Folds a run of characters outside the table: marks dropped after NFD, then unidecode. */
function foldRun(run: string): string {
  const stripped = run.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
  return NON_ASCII.test(stripped) ? unidecode(stripped).toLowerCase() : stripped;
}

/** The folded UTF-16 code of an ASCII character or a letter of the table, else -1. */
function foldedCode(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code | 0x20 : code;
  return code < LETTER_FOLDS.length && LETTER_FOLDS[code] !== 0 ? LETTER_FOLDS[code]! : -1;
}

let buffer = new Uint16Array(1024);

/**
 * Folds text to lowercase ASCII for diacritic-free matching: `Đảng Cộng sản` → `dang cong san`.
 * Vietnamese letters fold exactly (`đ` → `d`, every tone and vowel mark dropped) after
 * normalizeForMatching, so the i/y spelling variants fold alike (`kĩ`, `kỹ` → `ky`); letters of
 * other scripts that remain go through unidecode.
 */
export function foldText(text: string): string {
  return foldNormalized(normalizeForMatching(text));
}

/**
 * foldText of text that normalizeForMatching has normalized already, for callers that need both
 * forms and would otherwise normalize twice. ASCII and Vietnamese letters fold one by one through
 * a table; each run of other characters folds as a whole, the way the whole text would.
 */
export function foldNormalized(normalized: string): string {
  if (buffer.length < normalized.length) buffer = new Uint16Array(normalized.length * 2);
  let folded = '';
  let length = 0;
  for (let index = 0; index < normalized.length; ) {
    const code = foldedCode(normalized.charCodeAt(index));
    if (code !== -1) {
      buffer[length++] = code;
      index++;
      continue;
    }
    let end = index + 1;
    while (end < normalized.length && foldedCode(normalized.charCodeAt(end)) === -1) end++;
    folded += decodeUtf16(buffer, length) + foldRun(normalized.slice(index, end));
    length = 0;
    index = end;
  }
  return folded + decodeUtf16(buffer, length);
}

const DECODE_CHUNK = 0x2000;

function decodeUtf16(codes: Uint16Array, length: number): string {
  let text = '';
  for (let start = 0; start < length; start += DECODE_CHUNK) {
    text += String.fromCharCode.apply(null, codes.subarray(start, Math.min(length, start + DECODE_CHUNK)) as unknown as number[]);
  }
  return text;
}

const SPACE = 0x20;
/** What a character outside the table and not a space locates as: a non-word character that is not whitespace either. */
const OTHER = 0x01;
const WHITESPACE = /\s/;

/** The locating fold of one UTF-16 code unit or code point (see foldForLocating). */
function locatingCode(code: number): number {
  const folded = code < LETTER_FOLDS.length ? foldedCode(code) : -1;
  if (folded !== -1 && folded < 0x80) return folded === 0x79 ? 0x69 : folded;
  return WHITESPACE.test(String.fromCodePoint(code)) ? SPACE : OTHER;
}

/** locatingCode of every code below U+1F00. */
const LOCATING_FOLDS = Uint8Array.from({ length: LETTER_FOLDS.length }, (_, code) => locatingCode(code));
/** The whitespace (`\s`) above the table: news text is full of the punctuation next to it (– “ ” …), which must not wait on a regular expression. */
const isSpaceAboveTable = (code: number) => (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
const locate = (code: number) => (code < LOCATING_FOLDS.length ? LOCATING_FOLDS[code]! : isSpaceAboveTable(code) ? SPACE : OTHER);

/** The bytes as a one-byte string, one character each. */
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
let locatingBuffer = new Uint8Array(4096);

function locatingBufferOf(length: number): Uint8Array {
  if (locatingBuffer.length < length) locatingBuffer = new Uint8Array(length * 2);
  return locatingBuffer;
}

/**
 * Folds each UTF-16 code unit on its own, so that an offset in the result is an offset in `text`:
 * ASCII lowercased, Vietnamese letters folded, y as i (so that `kĩ` and `kỹ` meet), whitespace
 * kept as whitespace and any other character turned into U+0001. For finding where words may be
 * (snippets), not for matching them: it neither normalizes nor folds other scripts.
 */
export function foldForLocating(text: string): string {
  const located = locatingBufferOf(text.length);
  for (let index = 0; index < text.length; index++) located[index] = locate(text.charCodeAt(index));
  return latin1(located.subarray(0, text.length));
}

/**
 * foldForLocating of UTF-8 text, without decoding it to a string (which costs more than the fold
 * for Vietnamese): one character per code point, and where each code point starts in `utf8`, with
 * `utf8.length` after the last. Continuation bytes are not checked (text stored from JavaScript
 * strings is well-formed); a byte that cannot start a sequence locates as U+0001 on its own.
 */
export function foldUtf8ForLocating(utf8: Uint8Array): { located: string; offsets: Int32Array } {
  const located = locatingBufferOf(utf8.length);
  const offsets = new Int32Array(utf8.length + 1);
  const end = utf8.length;
  let count = 0;
  let index = 0;
  // Branches by sequence length, each spelled out: this loop runs over every byte of every hit's body.
  while (index < end) {
    offsets[count] = index;
    const lead = utf8[index]!;
    if (lead < 0x80) {
      located[count++] = LOCATING_FOLDS[lead]!;
      index++;
    } else if (lead >= 0xc2 && lead < 0xe0 && index + 2 <= end) {
      located[count++] = LOCATING_FOLDS[((lead & 0x1f) << 6) | (utf8[index + 1]! & 0x3f)]!;
      index += 2;
    } else if (lead >= 0xe0 && lead < 0xf0 && index + 3 <= end) {
      located[count++] = locate(((lead & 0x0f) << 12) | ((utf8[index + 1]! & 0x3f) << 6) | (utf8[index + 2]! & 0x3f));
      index += 3;
    } else if (lead >= 0xf0 && lead < 0xf5 && index + 4 <= end) {
      located[count++] = OTHER;
      index += 4;
    } else {
      located[count++] = OTHER;
      index++;
    }
  }
  offsets[count] = end;
  return { located: latin1(located.subarray(0, count)), offsets: offsets.subarray(0, count + 1) };
}
