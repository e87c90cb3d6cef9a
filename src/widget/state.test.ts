import { describe, expect, it } from 'vitest';
import { LatestRequest, emptyFilters, facetEntries, hasFilters, moveIndex, parseFacetsAttribute, parseLimit, safeHttpUrl, toggleFilter } from './state.ts';

describe('filters', () => {
  it('toggles values on and off without touching other facets', () => {
    const withChile = toggleFilter(emptyFilters(), 'country', 'Chile');
    const withParty = toggleFilter(withChile, 'party', 'Đảng Cộng sản Việt Nam');
    expect(withParty).toEqual({ party: ['Đảng Cộng sản Việt Nam'], country: ['Chile'], year: [] });
    expect(toggleFilter(withParty, 'country', 'Chile').country).toEqual([]);
    expect(hasFilters(withParty)).toBe(true);
    expect(hasFilters(emptyFilters())).toBe(false);
  });

  it('lists facet values by count, years in order, and keeps selected values that lost their count', () => {
    expect(facetEntries({ 'Việt Nam': 5, 'Nhật Bản': 1, Chile: 1 }, ['Campuchia'], 'country')).toEqual([
      ['Việt Nam', 5],
      ['Chile', 1],
      ['Nhật Bản', 1],
      ['Campuchia', 0],
    ]);
    expect(facetEntries({ '2021': 3, '2019': 1, '2020': 2 }, [], 'year')).toEqual([
      ['2019', 1],
      ['2020', 2],
      ['2021', 3],
    ]);
  });
});

describe('attributes', () => {
  it('reads the facets attribute in canonical order', () => {
    expect(parseFacetsAttribute(null)).toEqual(['party', 'country', 'year']);
    expect(parseFacetsAttribute('year, party')).toEqual(['party', 'year']);
    expect(parseFacetsAttribute('none')).toEqual([]);
  });

  it('bounds the limit attribute', () => {
    expect(parseLimit(null)).toBe(10);
    expect(parseLimit('20')).toBe(20);
    expect(parseLimit('500')).toBe(50);
    expect(parseLimit('abc')).toBe(10);
    expect(parseLimit('0')).toBe(10);
  });
});

describe('moveIndex', () => {
  it('enters from either end and wraps', () => {
    expect(moveIndex(-1, 4, 1)).toBe(0);
    expect(moveIndex(-1, 4, -1)).toBe(3);
    expect(moveIndex(3, 4, 1)).toBe(0);
    expect(moveIndex(0, 4, -1)).toBe(3);
    expect(moveIndex(-1, 0, 1)).toBe(-1);
  });
});

describe('LatestRequest', () => {
  it('aborts the previous request and marks it stale', () => {
    const requests = new LatestRequest();
    const first = requests.start();
    const second = requests.start();
    expect(first.signal.aborted).toBe(true);
    expect(first.isCurrent()).toBe(false);
    expect(second.isCurrent()).toBe(true);
    requests.cancel();
    expect(second.signal.aborted).toBe(true);
    expect(second.isCurrent()).toBe(false);
  });
});

describe('safeHttpUrl', () => {
  it('keeps http(s) links and refuses script URLs', () => {
    expect(safeHttpUrl('https://vov.vn/chinh-tri/dang-cong-san-chile', 'https://host.example/')).toBe('https://vov.vn/chinh-tri/dang-cong-san-chile');
    expect(safeHttpUrl('javascript:alert(1)', 'https://host.example/')).toBeNull();
    expect(safeHttpUrl(null, 'https://host.example/')).toBeNull();
  });
});
