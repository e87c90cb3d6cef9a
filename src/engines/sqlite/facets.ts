import type { FacetCounts, SearchFilters } from '../../types/search.ts';

/** What filtering, facet counting and date sorting need of one document. */
export interface FacetEntry {
  rowid: number;
  id: string;
  parties: readonly string[];
  countries: readonly string[];
  year: number | null;
  date: string | null;
}

/** One multi-valued facet (party or country) as integer ids per rowid, in flat typed arrays. */
class MultiValuedFacet {
  readonly names: string[] = [];
  /** Each name's place in alphabetical order, which breaks ties between counts without collating at search time. */
  private readonly alphabetical: Int32Array;
  /** The name ids in alphabetical order. */
  private readonly byPlace: Int32Array;
  private readonly ids = new Map<string, number>();
  private readonly starts: Int32Array;
  private readonly values: Int32Array;

  constructor(entries: readonly FacetEntry[], valuesOf: (entry: FacetEntry) => readonly string[], maxRowid: number) {
    this.starts = new Int32Array(maxRowid + 2);
    const byRowid = new Map<number, number[]>();
    let total = 0;
    for (const entry of entries) {
      const ids = valuesOf(entry).map((name) => this.idOf(name));
      byRowid.set(entry.rowid, ids);
      total += ids.length;
    }
    this.values = new Int32Array(total);
    let offset = 0;
    for (let rowid = 0; rowid <= maxRowid; rowid++) {
      this.starts[rowid] = offset;
      for (const id of byRowid.get(rowid) ?? []) this.values[offset++] = id;
    }
    this.starts[maxRowid + 1] = offset;
    this.byPlace = Int32Array.from([...this.names.keys()].sort((a, b) => this.names[a]!.localeCompare(this.names[b]!)));
    this.alphabetical = new Int32Array(this.names.length);
    this.byPlace.forEach((id, place) => {
      this.alphabetical[id] = place;
    });
  }

  /** Names by count, most first, then alphabetically: the order facet chips are shown in. */
  countsByName(counts: Int32Array): Record<string, number> {
    // Sorted as numbers (count, then alphabetical place, in one key): no comparator call per comparison.
    const places = this.names.length;
    const keys: number[] = [];
    for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) keys.push(counts[id]! * places + (places - 1 - this.alphabetical[id]!));
    const ordered = Float64Array.from(keys).sort().reverse();
    const byName: Record<string, number> = {};
    for (const key of ordered) byName[this.names[this.byPlace[places - 1 - (key % places)]!]!] = Math.floor(key / places);
    return byName;
  }

  private idOf(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }

  /** Flags for the wanted names (unknown names match nothing), or null for no filter. */
  wanted(names: readonly string[] | undefined): Uint8Array | null {
    if (!names?.length) return null;
    const flags = new Uint8Array(this.names.length);
    for (const name of names) {
      const id = this.ids.get(name);
      if (id !== undefined) flags[id] = 1;
    }
    return flags;
  }

  matches(rowid: number, wanted: Uint8Array | null): boolean {
    if (!wanted) return true;
    for (let i = this.starts[rowid]!; i < this.starts[rowid + 1]!; i++) if (wanted[this.values[i]!]) return true;
    return false;
  }

  count(rowid: number, counts: Int32Array): void {
    for (let i = this.starts[rowid]!; i < this.starts[rowid + 1]!; i++) counts[this.values[i]!]!++;
  }
}

const NO_YEAR = 0;

function newestThenById(a: FacetEntry, b: FacetEntry): number {
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export interface FacetedMatches {
  /** The rowids that pass every filter, in their original order. */
  kept: Int32Array;
  facets: FacetCounts;
}

/**
 * Facet values of every document in memory, as integer ids in typed arrays, so a query matching
 * most of the corpus is filtered and counted in a few milliseconds.
 */
export class FacetIndex {
  readonly size: number;
  private readonly party: MultiValuedFacet;
  private readonly country: MultiValuedFacet;
  private readonly years: Int16Array;
  private readonly dates: (string | null)[];
  private readonly present: Int32Array;
  /**
   * Each rowid's place in the order that breaks ties between equally ranked documents: newest
   * date first, undated last, then the greater id first (news sites number their articles as they
   * publish them, so it stands for recency where no date was found). It depends on the documents
   * alone, never on when they were indexed, so an index built in one run or in several answers alike.
   */
  readonly tieOrder: Int32Array;

  constructor(entries: readonly FacetEntry[]) {
    const maxRowid = entries.reduce((max, entry) => Math.max(max, entry.rowid), 0);
    this.size = entries.length;
    this.party = new MultiValuedFacet(entries, (entry) => entry.parties, maxRowid);
    this.country = new MultiValuedFacet(entries, (entry) => entry.countries, maxRowid);
    this.years = new Int16Array(maxRowid + 1);
    this.dates = new Array<string | null>(maxRowid + 1).fill(null);
    for (const entry of entries) {
      this.years[entry.rowid] = entry.year ?? NO_YEAR;
      this.dates[entry.rowid] = entry.date;
    }
    this.present = Int32Array.from(entries.map((entry) => entry.rowid)).sort();
    this.tieOrder = new Int32Array(maxRowid + 1);
    [...entries].sort(newestThenById).forEach((entry, place) => {
      this.tieOrder[entry.rowid] = place;
    });
  }

  /** Every document's rowid, ascending. */
  rowids(): Int32Array {
    return this.present;
  }

  date(rowid: number): string | null {
    return this.dates[rowid] ?? null;
  }

  /**
   * Applies the filters (OR within a facet, AND across facets) and counts facet values in one
   * pass. A document that fails exactly one facet's filter still counts towards that facet, which
   * makes counts disjunctive: picking a second party widens the results, so its count must show.
   */
  filterAndCount(rowids: Int32Array, filters: SearchFilters): FacetedMatches {
    const partyCounts = new Int32Array(this.party.names.length);
    const countryCounts = new Int32Array(this.country.names.length);
    const yearCounts = new Map<number, number>();
    const count = (rowid: number, party: boolean, country: boolean, year: boolean) => {
      if (country && year) this.party.count(rowid, partyCounts);
      if (party && year) this.country.count(rowid, countryCounts);
      const documentYear = this.years[rowid]!;
      if (party && country && documentYear !== NO_YEAR) yearCounts.set(documentYear, (yearCounts.get(documentYear) ?? 0) + 1);
    };
    let kept = rowids;
    if (!filters.party?.length && !filters.country?.length && !filters.year?.length && filters.yearFrom === undefined && filters.yearTo === undefined) {
      // Most searches filter nothing: every candidate is kept and counts everywhere.
      for (let i = 0; i < rowids.length; i++) count(rowids[i]!, true, true, true);
    } else {
      const wantedParties = this.party.wanted(filters.party);
      const wantedCountries = this.country.wanted(filters.country);
      const wantedYears = filters.year?.length ? new Set(filters.year) : null;
      const { yearFrom, yearTo } = filters;
      const yearFiltered = wantedYears !== null || yearFrom !== undefined || yearTo !== undefined;
      kept = new Int32Array(rowids.length);
      let keptCount = 0;
      for (let i = 0; i < rowids.length; i++) {
        const rowid = rowids[i]!;
        const year = this.years[rowid]!;
        const passParty = this.party.matches(rowid, wantedParties);
        const passCountry = this.country.matches(rowid, wantedCountries);
        const passYear = !yearFiltered || (year !== NO_YEAR && (!wantedYears || wantedYears.has(year)) && (yearFrom === undefined || year >= yearFrom) && (yearTo === undefined || year <= yearTo));
        count(rowid, passParty, passCountry, passYear);
        if (passParty && passCountry && passYear) kept[keptCount++] = rowid;
      }
      kept = kept.subarray(0, keptCount);
    }
    return {
      kept,
      facets: {
        party: this.party.countsByName(partyCounts),
        country: this.country.countsByName(countryCounts),
        year: Object.fromEntries([...yearCounts].sort(([a], [b]) => a - b).map(([year, count]) => [String(year), count])),
      },
    };
  }
}
