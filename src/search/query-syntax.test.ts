import { describe, expect, it } from 'vitest';
import { parseQuerySyntax } from './query-syntax.ts';

describe('parseQuerySyntax', () => {
  it('reads a query without operators as its words', () => {
    expect(parseQuerySyntax('bạn hàng')).toEqual({ words: ['bạn', 'hàng'], phrases: [], excluded: [] });
  });

  it('marks quoted words as a phrase, wherever it stands', () => {
    expect(parseQuerySyntax('"bạn hàng"')).toEqual({ words: ['bạn', 'hàng'], phrases: [{ start: 0, end: 2 }], excluded: [] });
    expect(parseQuerySyntax('Trung Quốc "bạn hàng lớn" nhất').phrases).toEqual([{ start: 2, end: 5 }]);
    expect(parseQuerySyntax('"bạn hàng').phrases).toEqual([{ start: 0, end: 2 }]);
    expect(parseQuerySyntax('"" bạn').phrases).toEqual([]);
  });

  it('leaves out the words after a leading minus', () => {
    expect(parseQuerySyntax('bán hàng -online -trực')).toEqual({ words: ['bán', 'hàng'], phrases: [], excluded: ['online', 'trực'] });
  });

  it('takes no minus inside a word or before a space for an operator', () => {
    expect(parseQuerySyntax('Lê-nin').words).toEqual(['Lê', 'nin']);
    expect(parseQuerySyntax('Mác - Lênin').excluded).toEqual([]);
    expect(parseQuerySyntax('Mác - Lênin').words).toEqual(['Mác', 'Lênin']);
  });
});
