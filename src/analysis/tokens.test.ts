import { describe, expect, it } from 'vitest';
import { adjacentPairs, NOT_TOKEN_CHARACTER, PAIR_JOINER } from './tokens.ts';

describe('tokens', () => {
  it('pairs each token with the next', () => {
    expect(adjacentPairs(['tu', 'do', 'la'])).toEqual(['tu_do', 'do_la']);
    expect(adjacentPairs(['tu'])).toEqual([]);
    expect(adjacentPairs([])).toEqual([]);
  });

  it('joins with a character no token holds', () => {
    expect(PAIR_JOINER.replace(NOT_TOKEN_CHARACTER, '')).toBe('');
  });

  it('splits and strips on the same alphabet, however often it is used', () => {
    expect('1/3 a-b'.split(NOT_TOKEN_CHARACTER)).toEqual(['1', '3', 'a', 'b']);
    expect('1/3'.replace(NOT_TOKEN_CHARACTER, '')).toBe('13');
    expect('x/y'.split(NOT_TOKEN_CHARACTER)).toEqual(['x', 'y']);
  });
});
