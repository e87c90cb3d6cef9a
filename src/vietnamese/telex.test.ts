import { describe, expect, it } from 'vitest';
import { decodeTelex } from './telex.ts';

describe('decodeTelex', () => {
  it('decodes Telex', () => {
    expect(decodeTelex('ddangr')).toBe('đảng');
    expect(decodeTelex('coongj')).toBe('cộng');
    expect(decodeTelex('sanr')).toBe('sản');
    expect(decodeTelex('vieetj')).toBe('việt');
    expect(decodeTelex('nguwowif')).toBe('người');
    expect(decodeTelex('nguoiwf')).toBe('người');
    expect(decodeTelex('hoawcj')).toBe('hoặc');
    expect(decodeTelex('hoaf')).toBe('hòa');
    // 'gi' is an onset only before another vowel: alone, it is g + i.
    expect(decodeTelex('gif')).toBe('gì');
    expect(decodeTelex('gias')).toBe('giá');
  });

  it('decodes VNI', () => {
    expect(decodeTelex('d9ang3')).toBe('đảng');
    expect(decodeTelex('co6ng5')).toBe('cộng');
    expect(decodeTelex('vie6t5')).toBe('việt');
    expect(decodeTelex('ngu7o72i')).toBe('người');
  });

  it('keeps the case of the first letter', () => {
    expect(decodeTelex('Ddangr')).toBe('Đảng');
    expect(decodeTelex('Vieetj')).toBe('Việt');
  });

  it('returns null for tokens without mark keys or that are not syllables', () => {
    for (const token of ['news', 'ASEAN', 'COVID', 'san', '2017', 'B52', 'H5N1', 'nam', 'Lenin']) expect(decodeTelex(token)).toBeNull();
  });
});
