import { InputError } from '../errors.ts';

export type InputFormat = 'txt' | 'md' | 'html';

const FORMAT_BY_EXTENSION: Record<string, InputFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
};

/** The input format a file name's extension announces, or null for files we do not read. */
export function formatOf(path: string): InputFormat | null {
  const match = /\.([a-z]+)$/i.exec(path);
  return (match && FORMAT_BY_EXTENSION[match[1]!.toLowerCase()]) ?? null;
}

// C0 controls other than tab, line feed, form feed and carriage return; DEL.
const CONTROL_CHARS = /[\x00-\x08\x0b\x0e-\x1f\x7f]/g;
// Text files carry an occasional stray control character; beyond this share it is binary.
const MAX_CONTROL_SHARE = 0.001;

/**
 * Decodes file bytes: UTF-8 (BOM stripped), or UTF-16 LE/BE announced by a BOM.
 * Throws InputError for invalid UTF-8, binary content and empty or whitespace-only files.
 */
export function decodeInput(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError('empty file', file);
  if (bytes.includes(0) && !hasUtf16Bom(bytes)) throw new InputError('binary file (contains NUL bytes)', file);
  let text: string;
  try {
    text = decodeBytes(bytes);
  } catch (error) {
    throw new InputError('not valid UTF-8 (or UTF-16 with a byte-order mark)', file, undefined, { cause: error });
  }
  const controls = text.match(CONTROL_CHARS)?.length ?? 0;
  if (text.includes('\0') || controls > Math.max(1, text.length * MAX_CONTROL_SHARE)) {
    throw new InputError('binary file (control characters)', file);
  }
  if (text.trim() === '') throw new InputError('empty file (whitespace only)', file);
  return text;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function decodeBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
  // TextDecoder drops a UTF-8 BOM by default.
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
