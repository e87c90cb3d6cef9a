import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { decodeInput } from './decode.ts';

const TEXT = 'Đảng Cộng sản Việt Nam và Đảng Cộng sản Chile';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = [bigEndian ? 0xfe : 0xff, bigEndian ? 0xff : 0xfe];
  for (const unit of text.split('').map((char) => char.charCodeAt(0))) {
    bytes.push(...(bigEndian ? [unit >> 8, unit & 0xff] : [unit & 0xff, unit >> 8]));
  }
  return new Uint8Array(bytes);
}

describe('decodeInput', () => {
  it('decodes UTF-8 and strips its byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]);
    expect(decodeInput(bytes, 'a.txt')).toBe(TEXT);
  });

  it('decodes UTF-16 LE and BE announced by a byte-order mark', () => {
    expect(decodeInput(utf16(TEXT, false), 'le.txt')).toBe(TEXT);
    expect(decodeInput(utf16(TEXT, true), 'be.txt')).toBe(TEXT);
  });

  it.each([
    ['invalid UTF-8', new Uint8Array([0x44, 0xe1, 0xba, 0x41, 0x0a]), /not valid UTF-8/],
    ['NUL bytes', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]), /binary/],
    ['control characters', new TextEncoder().encode('\x01\x02\x03\x04 Đảng \x05\x06'), /binary/],
    ['an empty file', new Uint8Array(), /empty/],
    ['whitespace only', new TextEncoder().encode(' \n\t\r\n '), /empty/],
  ])('reports %s as an InputError naming the file', (_, bytes, message) => {
    try {
      decodeInput(bytes, 'docs/bad.txt');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).file).toBe('docs/bad.txt');
      expect((error as InputError).message).toMatch(message);
    }
  });
});
