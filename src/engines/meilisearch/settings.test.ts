import { describe, expect, it } from 'vitest';
import type { Settings } from 'meilisearch';
import { buildIndexSettings, foldedSynonyms } from './settings.ts';

const synonyms = new Map<string, string[]>([
  ['ĐCSVN', ['Đảng Cộng sản Việt Nam']],
  ['TQ', ['Trung Quốc']],
  ['Campuchia', ['Cam-pu-chia']],
  ['CPP', ['Đảng Nhân dân Campuchia', 'Cambodian People’s Party']],
]);

describe('buildIndexSettings', () => {
  it('pins every setting the indexer applies', () => {
    const settings: Settings = buildIndexSettings(synonyms);
    expect(settings).toEqual({
      searchableAttributes: ['title_exact', 'title_folded', 'joined', 'body_folded'],
      displayedAttributes: ['id', 'title', 'body', 'date', 'year', 'date_source', 'source', 'url', 'parties', 'countries', 'content_hash'],
      filterableAttributes: ['doc_key', 'parties', 'countries', 'year', 'source', 'exact_terms', 'word_terms'],
      sortableAttributes: ['date', 'year'],
      rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
      typoTolerance: {
        enabled: true,
        minWordSizeForTypos: { oneTypo: 5, twoTypos: 8 },
        disableOnAttributes: ['title_exact'],
        disableOnNumbers: true,
      },
      faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { '*': 'count' } },
      pagination: { maxTotalHits: 100_000 },
      facetSearch: false,
      synonyms: {
        dcsvn: ['dang cong san viet nam'],
        tq: ['trung quoc'],
        campuchia: ['cam pu chia'],
        cpp: ['dang nhan dan campuchia', 'cambodian people s party'],
      },
      proximityPrecision: 'byWord',
    });
  });

  it('searches titles before bodies and exact keys before folded text; the body’s exact keys are terms to filter on', () => {
    const settings = buildIndexSettings();
    const searchable = settings.searchableAttributes!;
    expect(searchable.indexOf('title_exact')).toBeLessThan(searchable.indexOf('title_folded'));
    expect(searchable.indexOf('title_folded')).toBeLessThan(searchable.indexOf('body_folded'));
    expect(searchable).not.toContain('body');
    expect(searchable).not.toContain('exact_terms');
    expect(settings.filterableAttributes).toContain('exact_terms');
  });

  it('sends an empty synonym list when there are none', () => {
    expect(buildIndexSettings().synonyms).toEqual({});
  });
});

describe('foldedSynonyms', () => {
  it('folds aliases and expansions the way the folded fields are folded, one way', () => {
    expect(foldedSynonyms(new Map([['Mĩ', ['Hoa Kỳ', 'Mỹ']]]))).toEqual({ my: ['hoa ky'] });
  });

  it('merges aliases that fold alike and drops empty ones', () => {
    expect(
      foldedSynonyms(
        new Map([
          ['Lê-nin', ['V. I. Lenin']],
          ['Lê nin', ['Lenin']],
          ['—', ['x']],
        ]),
      ),
    ).toEqual({ 'le nin': ['v i lenin', 'lenin'] });
  });
});
