import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Filter } from 'meilisearch';
import { buildFilter, filteredFacets, quoteFilterValue } from './filters.ts';

/**
 * How Meilisearch's filter parser reads a double-quoted value (crates/filter-parser, `quoted_by`
 * then `unescape`, then the `unescaper` crate): the value ends at the first `"` not consumed by
 * a backslash; `\"` becomes `"`; then `\\` becomes `\`. Any other escape would be interpreted
 * (`\n`, `\u{…}`), so the model refuses it: quoteFilterValue must never produce one.
 */
function readQuotedValue(expression: string): { value: string; rest: string } {
  if (expression[0] !== '"') throw new Error('not a quoted value');
  let end = 1;
  let escapedQuote = false;
  for (; end < expression.length && expression[end] !== '"'; end++) {
    if (expression[end] === '\\') {
      end++;
      if (end >= expression.length) throw new Error('malformed value');
      if (expression[end] === '"') escapedQuote = true;
    }
  }
  if (end >= expression.length) throw new Error('missing closing quote');
  let raw = expression.slice(1, end);
  if (escapedQuote) raw = raw.replaceAll('\\"', '"');
  const value = raw.replace(/\\(.)/gsu, (_, char: string) => {
    if (char !== '\\' && char !== '"') throw new Error(`interpreted escape \\${char}`);
    return char;
  });
  return { value, rest: expression.slice(end + 1) };
}

/** The string with each lone surrogate (a code point iteration yields it alone) as U+FFFD. */
function wellFormed(value: string): string {
  return Array.from(value, (char) => (/^[\ud800-\udfff]$/.test(char) ? '\ufffd' : char)).join('');
}

const NASTY = [
  'Đảng Cộng sản Việt Nam',
  'Đảng "Nhân dân" Campuchia',
  'x" OR parties EXISTS OR parties = "y',
  "l'Humanité",
  'back\\slash',
  'ends with a backslash\\',
  '\\" OR year > 0 OR "',
  '\\\\"',
  'line\nbreak\r\nand\ttab',
  '(a = b) AND [c, d] TO NOT IN _geoRadius(1, 2, 3)',
  '\\n\\u{41}\\x41',
  '\u0000\u202e\u200b\ufeff',
  '😀 \ud800 lone surrogate',
  '',
];

describe('quoteFilterValue', () => {
  it.each(NASTY)('keeps %j inside its quotes and reads back unchanged', (value) => {
    const { value: read, rest } = readQuotedValue(quoteFilterValue(value));
    expect(read).toBe(wellFormed(value));
    expect(rest).toBe('');
  });

  it('escapes quotes and backslashes, nothing else', () => {
    expect(quoteFilterValue('Đảng "Nhân dân"')).toBe('"Đảng \\"Nhân dân\\""');
    expect(quoteFilterValue('a\\b')).toBe('"a\\\\b"');
    expect(quoteFilterValue('OR = ( ) [ ]')).toBe('"OR = ( ) [ ]"');
  });

  it('never lets any string out of its quotes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (value) => {
        const { value: read, rest } = readQuotedValue(`${quoteFilterValue(value)} AND year = 2017`);
        expect(read).toBe(wellFormed(value));
        expect(rest).toBe(' AND year = 2017');
      }),
      { numRuns: 500 },
    );
  });
});

describe('buildFilter', () => {
  it('ORs values within a facet and ANDs facets and the year range', () => {
    const filter: Filter | undefined = buildFilter({
      party: ['Đảng Cộng sản Việt Nam', 'Đảng Cộng sản Chile'],
      country: ['Chile'],
      year: [2016, 2017],
      yearFrom: 2010,
      yearTo: 2020,
    });
    expect(filter).toEqual([['parties = "Đảng Cộng sản Việt Nam"', 'parties = "Đảng Cộng sản Chile"'], ['countries = "Chile"'], ['year = 2016', 'year = 2017'], 'year >= 2010', 'year <= 2020']);
  });

  it('quotes hostile values so they stay values', () => {
    expect(buildFilter({ party: ['x" OR parties EXISTS OR "y'], country: ['a\\'] })).toEqual([['parties = "x\\" OR parties EXISTS OR \\"y"'], ['countries = "a\\\\"']]);
  });

  it('leaves out one facet for its disjunctive counts, the year range with the year', () => {
    const filters = { party: ['Đảng Cộng sản Việt Nam'], year: [2017], yearFrom: 2015 };
    expect(buildFilter(filters, 'party')).toEqual([['year = 2017'], 'year >= 2015']);
    expect(buildFilter(filters, 'year')).toEqual([['parties = "Đảng Cộng sản Việt Nam"']]);
  });

  it('is undefined without filters, empty lists included', () => {
    expect(buildFilter({})).toBeUndefined();
    expect(buildFilter({ party: [], country: [], year: [] })).toBeUndefined();
    expect(buildFilter({ party: ['Đảng Cộng sản Việt Nam'] }, 'party')).toBeUndefined();
  });

  it('refuses a year that is not an integer rather than writing it into the filter', () => {
    expect(() => buildFilter({ year: [Number.NaN] })).toThrow(RangeError);
    expect(() => buildFilter({ yearFrom: 2017.5 })).toThrow(RangeError);
    expect(() => buildFilter({ yearTo: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});

describe('filteredFacets', () => {
  it('lists the facets that have a filter, the year range counting as the year', () => {
    expect(filteredFacets({ party: ['Đảng Cộng sản Việt Nam'], yearTo: 2017 })).toEqual(['party', 'year']);
    expect(filteredFacets({ party: [], country: ['Chile'] })).toEqual(['country']);
    expect(filteredFacets({})).toEqual([]);
  });
});
