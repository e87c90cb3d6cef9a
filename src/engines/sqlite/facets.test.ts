import { describe, expect, it } from 'vitest';
import { FacetIndex, type FacetEntry } from './facets.ts';

const entries: FacetEntry[] = [
  { rowid: 1, id: 'd1', parties: ['CPV', 'CPC'], countries: ['Việt Nam', 'Trung Quốc'], year: 2017, date: '2017-05-01' },
  { rowid: 2, id: 'd2', parties: ['CPV'], countries: ['Việt Nam'], year: 2018, date: null },
  { rowid: 5, id: 'd5', parties: ['JCP'], countries: ['Nhật Bản'], year: 2018, date: null },
  { rowid: 7, id: 'd7', parties: [], countries: [], year: null, date: null },
];
const index = new FacetIndex(entries);
const all = index.rowids();

describe('FacetIndex', () => {
  it('breaks ties by date, newest first and undated last, then the greater id first, whatever the rowids', () => {
    const byTie = (rowids: number[]) => [...rowids].sort((a, b) => index.tieOrder[a]! - index.tieOrder[b]!);
    expect(byTie([7, 5, 2, 1])).toEqual([1, 7, 5, 2]);
    const renumbered = new FacetIndex(entries.map((entry, i) => ({ ...entry, rowid: 10 - i })));
    expect([10, 9, 8, 7].sort((a, b) => renumbered.tieOrder[a]! - renumbered.tieOrder[b]!)).toEqual([10, 7, 8, 9]);
  });

  it('counts every value when nothing is filtered, most frequent first', () => {
    const { kept, facets } = index.filterAndCount(all, {});
    expect([...kept]).toEqual([1, 2, 5, 7]);
    expect(facets).toEqual({ party: { CPV: 2, CPC: 1, JCP: 1 }, country: { 'Việt Nam': 2, 'Nhật Bản': 1, 'Trung Quốc': 1 }, year: { '2017': 1, '2018': 2 } });
    expect(Object.keys(facets.party)).toEqual(['CPV', 'CPC', 'JCP']);
  });

  it('ORs values within a facet and ANDs facets', () => {
    expect([...index.filterAndCount(all, { party: ['CPC', 'JCP'] }).kept]).toEqual([1, 5]);
    expect([...index.filterAndCount(all, { party: ['CPV'], year: [2018] }).kept]).toEqual([2]);
    expect([...index.filterAndCount(all, { yearFrom: 2018 }).kept]).toEqual([2, 5]);
    expect([...index.filterAndCount(all, { party: ['no such party'] }).kept]).toEqual([]);
  });

  it("counts a facet without its own filter but with the others'", () => {
    const { facets } = index.filterAndCount(all, { party: ['JCP'], year: [2018] });
    expect(facets.party).toEqual({ CPV: 1, JCP: 1 });
    expect(facets.year).toEqual({ '2018': 1 });
    expect(facets.country).toEqual({ 'Nhật Bản': 1 });
  });

  it('keeps documents without a year unless years are filtered', () => {
    const undated = new FacetIndex([...entries, { rowid: 9, id: 'd9', parties: ['CPV'], countries: [], year: null, date: null }]);
    expect([...undated.filterAndCount(undated.rowids(), { party: ['CPV'] }).kept]).toEqual([1, 2, 9]);
    expect([...undated.filterAndCount(undated.rowids(), { party: ['CPV'], yearTo: 2018 }).kept]).toEqual([1, 2]);
  });

  it('counts only the candidates it is given', () => {
    expect(index.filterAndCount(Int32Array.of(2, 5), {}).facets.party).toEqual({ CPV: 1, JCP: 1 });
    expect(index.date(1)).toBe('2017-05-01');
  });
});
