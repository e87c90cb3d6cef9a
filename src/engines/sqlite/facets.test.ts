import { describe, expect, it } from 'vitest';
import { filterAndCount, type FacetEntry } from './facets.ts';

const entries: FacetEntry[] = [
  { parties: ['CPV', 'CPC'], countries: ['Việt Nam', 'Trung Quốc'], year: 2017, date: '2017-05-01' },
  { parties: ['CPV'], countries: ['Việt Nam'], year: 2018, date: null },
  { parties: ['JCP'], countries: ['Nhật Bản'], year: 2018, date: null },
  { parties: [], countries: [], year: null, date: null },
];

describe('filterAndCount', () => {
  it('counts every value when nothing is filtered', () => {
    const { kept, facets } = filterAndCount(entries, (entry) => entry, {});
    expect(kept).toHaveLength(4);
    expect(facets).toEqual({ party: { CPV: 2, CPC: 1, JCP: 1 }, country: { 'Việt Nam': 2, 'Trung Quốc': 1, 'Nhật Bản': 1 }, year: { '2017': 1, '2018': 2 } });
  });

  it('ORs values within a facet and ANDs facets', () => {
    expect(filterAndCount(entries, (entry) => entry, { party: ['CPC', 'JCP'] }).kept).toEqual([entries[0], entries[2]]);
    expect(filterAndCount(entries, (entry) => entry, { party: ['CPV'], year: [2018] }).kept).toEqual([entries[1]]);
    expect(filterAndCount(entries, (entry) => entry, { yearFrom: 2018 }).kept).toEqual([entries[1], entries[2]]);
  });

  it("counts a facet without its own filter but with the others'", () => {
    const { facets } = filterAndCount(entries, (entry) => entry, { party: ['JCP'], year: [2018] });
    expect(facets.party).toEqual({ CPV: 1, JCP: 1 });
    expect(facets.year).toEqual({ '2018': 1 });
    expect(facets.country).toEqual({ 'Nhật Bản': 1 });
  });
});
