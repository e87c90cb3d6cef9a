import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.ts';

describe('editDistance', () => {
  it('counts transpositions as one edit and stops past the limit', () => {
    expect(editDistance('khogn', 'khong', 2)).toBe(1);
    expect(editDistance('mecedess', 'mercedes', 2)).toBe(2);
    expect(editDistance('trung', 'trump', 1)).toBe(2);
    expect(editDistance('a', 'abcd', 1)).toBe(2);
  });
});
