import { describe, expect, it } from 'vitest';
import type { FederatedMultiSearchParams, MultiSearchQueryWithFederation } from 'meilisearch';
import { analyzeQuery } from '../../search/query.ts';
import { phraseLexicon } from '../../search/spellings.ts';
import type { SearchRequest } from '../../types/search.ts';
import { buildSearchPlan, HIT_FIELDS } from './queries.ts';

const EXACT = ['title_exact'];
const FOLDED = ['title_folded', 'joined', 'body_folded'];
const BODY = ['body_folded'];

function request(q: string, overrides: Partial<SearchRequest> = {}): SearchRequest {
  return { q, filters: {}, sort: 'relevance', limit: 10, offset: 0, ...overrides };
}

function plan(q: string, overrides: Partial<SearchRequest> = {}, synonyms = new Map<string, string[]>()) {
  return buildSearchPlan('documents', request(q, overrides), analyzeQuery(q, synonyms));
}

/** The part of each query that changes from one query to the next. */
function outline(body: FederatedMultiSearchParams) {
  return body.queries.map(({ q, attributesToSearchOn, matchingStrategy, federationOptions, filter }) => ({
    q,
    on: attributesToSearchOn,
    matchingStrategy,
    weight: federationOptions?.weight,
    ...(filter === undefined ? {} : { filter }),
  }));
}

describe('buildSearchPlan: the multi-search body', () => {
  it('searches a diacritized query exactly first (the title field, the body by its exact terms), then folded', () => {
    const { hits, facetCounts } = plan('bán hàng');
    const query: MultiSearchQueryWithFederation = {
      indexUid: 'documents',
      q: '"bans hangf"',
      attributesToSearchOn: EXACT,
      matchingStrategy: 'last',
      attributesToRetrieve: HIT_FIELDS,
      federationOptions: { weight: 1 },
    };
    expect(hits.federation).toEqual({ limit: 10, offset: 0, facetsByIndex: { documents: ['parties', 'countries', 'year'] } });
    expect(hits.queries[0]).toEqual(query);
    expect(outline(hits)).toEqual([
      { q: '"bans hangf"', on: EXACT, matchingStrategy: 'last', weight: 1 },
      // The folded phrase, in a body that holds the exact pair somewhere.
      { q: '"ban hang"', on: BODY, matchingStrategy: 'last', weight: 1, filter: ['exact_terms = "bans_hangf"'] },
      // Then the phrase with other diacritics; the exact words apart only after it, as in the embedded engine's tiers.
      // The trailing space keeps `hangf` from also matching as a prefix.
      { q: 'bans hangf ', on: EXACT, matchingStrategy: 'all', weight: 0.45 },
      { q: 'ban hang ', on: BODY, matchingStrategy: 'all', weight: 0.42, filter: ['exact_terms = "bans"', 'exact_terms = "hangf"'] },
      { q: '"ban hang"', on: FOLDED, matchingStrategy: 'all', weight: 0.5 },
      { q: 'ban hang', on: FOLDED, matchingStrategy: 'frequency', weight: 0.4 },
    ]);
    expect(facetCounts).toEqual([]);
  });

  it('tells bạn hàng from bán hàng only by the exact keys', () => {
    const [partner, selling] = [plan('bạn hàng'), plan('bán hàng')].map(({ hits }) => outline(hits));
    // bạn hàng is also a word the segmenter forms; the exact phrase first where the document forms it.
    expect(partner!.map((query) => query.q)).toEqual(['"banj hangf"', '"ban hang"', '"banj hangf"', '"ban hang"', 'banj hangf ', 'ban hang ', '"ban hang"', 'ban hang']);
    expect(partner!.map((query) => query.filter)).toEqual([
      ['word_terms = "banj_hangf"'],
      ['exact_terms = "banj_hangf"', 'word_terms = "banj_hangf"'],
      undefined,
      ['exact_terms = "banj_hangf"'],
      undefined,
      ['exact_terms = "banj"', 'exact_terms = "hangf"'],
      undefined,
      undefined,
    ]);
    expect(partner!.slice(6)).toEqual(selling!.slice(4));
  });

  it('ranks the exact phrase first where the document forms the query’s words, then where its syllables only touch', () => {
    expect(outline(plan('hàng không').hits).slice(0, 4)).toEqual([
      { q: '"hangf khoong"', on: EXACT, matchingStrategy: 'last', weight: 1, filter: ['word_terms = "hangf_khoong"'] },
      { q: '"hang khong"', on: BODY, matchingStrategy: 'last', weight: 1, filter: ['exact_terms = "hangf_khoong"', 'word_terms = "hangf_khoong"'] },
      { q: '"hangf khoong"', on: EXACT, matchingStrategy: 'last', weight: 0.6 },
      { q: '"hang khong"', on: BODY, matchingStrategy: 'last', weight: 0.6, filter: ['exact_terms = "hangf_khoong"'] },
    ]);
    // Without diacritics, syllables are too ambiguous to join: no word is required.
    expect(plan('hang khong').hits.queries.some((query) => JSON.stringify(query.filter ?? '').includes('word_terms'))).toBe(false);
  });

  it('adds the exact terms to the request filters, all required', () => {
    const { hits } = plan('bán hàng', { filters: { country: ['Chile'] } });
    expect(hits.queries[1]!.filter).toEqual([['countries = "Chile"'], 'exact_terms = "bans_hangf"']);
    expect(hits.queries[0]!.filter).toEqual([['countries = "Chile"']]);
  });

  it('gives both tone placements of a word the same request', () => {
    expect(plan('hoà bình')).toEqual(plan('hòa bình'));
  });

  it('searches a folded query in the folded fields only, phrase first', () => {
    expect(outline(plan('dang cong san chile').hits)).toEqual([
      { q: '"dang cong san chile"', on: FOLDED, matchingStrategy: 'all', weight: 0.5 },
      { q: 'dang cong san chile', on: FOLDED, matchingStrategy: 'frequency', weight: 0.4 },
    ]);
  });

  it('sends no phrase for a single word', () => {
    expect(outline(plan('Chile').hits)).toEqual([{ q: 'chile', on: FOLDED, matchingStrategy: 'frequency', weight: 0.4 }]);
  });

  it('adds the decoded Telex reading after the words as typed, at full weight when the query is typed in Telex throughout', () => {
    expect(outline(plan('ddangr coongj sanr').hits)).toEqual([
      { q: '"ddangr coongj sanr"', on: FOLDED, matchingStrategy: 'all', weight: 0.5 },
      { q: 'ddangr coongj sanr', on: FOLDED, matchingStrategy: 'frequency', weight: 0.4 },
      { q: '"ddangr coongj sanr"', on: EXACT, matchingStrategy: 'last', weight: 1 },
      { q: '"dang cong san"', on: BODY, matchingStrategy: 'last', weight: 1, filter: ['exact_terms = "ddangr_coongj"', 'exact_terms = "coongj_sanr"'] },
      { q: 'ddangr coongj sanr ', on: EXACT, matchingStrategy: 'all', weight: 0.45 },
      { q: 'dang cong san ', on: BODY, matchingStrategy: 'all', weight: 0.42, filter: ['exact_terms = "ddangr"', 'exact_terms = "coongj"', 'exact_terms = "sanr"'] },
      { q: '"dang cong san"', on: FOLDED, matchingStrategy: 'all', weight: 0.5 },
      { q: 'dang cong san', on: FOLDED, matchingStrategy: 'frequency', weight: 0.4 },
    ]);
    // With a word that is not Vietnamese (a name), the decoding is a guess of ours: half weight.
    expect(outline(plan('trump muoons').hits).slice(2, 3)).toEqual([{ q: '"trump muoons"', on: EXACT, matchingStrategy: 'last', weight: 0.5 }]);
  });

  it('adds the joined form of a hyphenated transliteration', () => {
    expect(outline(plan('Lê-nin').hits).slice(6)).toEqual([
      { q: 'leenin ', on: EXACT, matchingStrategy: 'all', weight: 0.4 },
      { q: 'lenin ', on: BODY, matchingStrategy: 'all', weight: 0.375, filter: ['exact_terms = "leenin"'] },
      { q: 'lenin', on: FOLDED, matchingStrategy: 'frequency', weight: 0.2 },
    ]);
  });

  it('adds synonym expansions, and bounds how many queries one search sends', () => {
    const synonyms = new Map([['dcsvn', ['Đảng Cộng sản Việt Nam']]]);
    const queries = outline(plan('ĐCSVN', {}, synonyms).hits).map((query) => query.q);
    expect(queries).toEqual([
      'ddcsvn ',
      'dcsvn ',
      'dcsvn',
      '"ddangr coongj sanr vieetj nam"',
      '"dang cong san viet nam"',
      '"ddangr coongj sanr vieetj nam"',
      '"dang cong san viet nam"',
      'ddangr coongj sanr vieetj nam ',
      'dang cong san viet nam ',
      '"dang cong san viet nam"',
      'dang cong san viet nam',
    ]);
    const many = new Map([['x', Array.from({ length: 30 }, (_, i) => `Đảng số ${i}`)]]);
    expect(plan('x', {}, many).hits.queries.length).toBeLessThanOrEqual(20);
  });

  it('asks for a quoted phrase exactly, as typed with marks, in every query', () => {
    const queries = outline(plan('"truyền thống" -Việt').hits);
    expect(queries.map((query) => query.q)).toEqual([
      '"truyeenf thoongs"',
      '"truyen thong"',
      '"truyeenf thoongs"',
      '"truyen thong"',
      '"truyeenf thoongs" ',
      '"truyen thong" ',
      '"truyen thong"',
      '"truyen thong"',
    ]);
    for (const { filter, matchingStrategy } of queries) {
      expect(filter).toEqual(expect.arrayContaining(['exact_terms = "truyeenf_thoongs"', 'NOT exact_terms IN ["vieetj"]']));
      expect(matchingStrategy).not.toBe('frequency');
    }
  });

  it('leaves out every exact form of an excluded word typed without marks', () => {
    const filter = outline(plan('ban hang -viet').hits)[0]!.filter as string[];
    const exclusion = filter.find((condition) => condition.startsWith('NOT '));
    for (const key of ['viet', 'vieetj', 'viets']) expect(exclusion).toContain(`"${key}"`);
  });

  it('quotes the syllables of a split name and a numeral with the word before it', () => {
    const query = analyzeQuery('hanoi dai hoi 13', new Map(), phraseLexicon(['ha noi']));
    const queries = outline(buildSearchPlan('documents', request('hanoi dai hoi 13'), query).hits);
    const weight = (q: string) => queries.find((query) => query.q === q)?.weight;
    // The split name weighs half, as a guess; the numerals as much as the typed words.
    expect(weight('"ha noi" dai hoi 13')).toBe(weight('hanoi dai hoi 13')! / 2);
    expect(weight('hanoi dai "hoi xiii"')).toBe(weight('hanoi dai hoi 13'));
  });

  it('keeps other syntax out of the words, even quotes that folding makes of letters', () => {
    // U+02BA is a letter to the tokenizer, and unidecode folds it to a double quote.
    for (const { q } of plan('ʺtruyền thốngʺ').hits.queries) {
      expect(q!.replace(/^"(.*)"$/, '$1')).not.toMatch(/["]|(^|\s)-/);
    }
  });

  it('browses with a placeholder query, newest first, when the text has no words', () => {
    for (const q of ['', '  !!! ']) {
      const { hits } = plan(q, { filters: { country: ['Chile'] } });
      expect(hits.queries).toEqual([
        {
          indexUid: 'documents',
          q: '',
          attributesToSearchOn: FOLDED,
          matchingStrategy: 'all',
          filter: [['countries = "Chile"']],
          sort: ['date:desc'],
          attributesToRetrieve: HIT_FIELDS,
          federationOptions: { weight: 1 },
        },
      ]);
    }
  });

  it('sorts by date with one all-words query per reading', () => {
    for (const [sort, order] of [
      ['date_desc', 'date:desc'],
      ['date_asc', 'date:asc'],
    ] as const) {
      const { hits } = plan('bán hàng', { sort });
      expect(hits.queries.map(({ q, matchingStrategy, sort: sent }) => ({ q, matchingStrategy, sort: sent }))).toEqual([{ q: 'ban hang', matchingStrategy: 'all', sort: [order] }]);
    }
  });

  it('pages through the federation, never inside a query (Meilisearch refuses that)', () => {
    const { hits } = plan('bán hàng', { limit: 20, offset: 40 });
    expect(hits.federation).toMatchObject({ limit: 20, offset: 40 });
    for (const query of hits.queries) {
      for (const forbidden of ['limit', 'offset', 'page', 'hitsPerPage', 'facets']) expect(query).not.toHaveProperty(forbidden);
    }
  });
});

describe('buildSearchPlan: disjunctive facet counts', () => {
  const filters = { party: ['Đảng Cộng sản Việt Nam', 'Đảng "Nhân dân" Campuchia'], year: [2017] };

  it('counts the unfiltered facets with the hits, under every filter', () => {
    const { hits } = plan('bán hàng', { filters });
    expect(hits.federation.facetsByIndex).toEqual({ documents: ['countries'] });
    for (const query of hits.queries) {
      expect((query.filter as unknown[]).slice(0, 2)).toEqual([['parties = "Đảng Cộng sản Việt Nam"', 'parties = "Đảng \\"Nhân dân\\" Campuchia"'], ['year = 2017']]);
    }
  });

  it('counts each filtered facet in its own request, without its own filter', () => {
    const { facetCounts } = plan('bán hàng', { filters });
    expect(facetCounts).toEqual([
      {
        facet: 'party',
        request: {
          federation: { limit: 0, offset: 0, facetsByIndex: { documents: ['parties'] } },
          queries: [
            {
              indexUid: 'documents',
              q: 'ban hang',
              attributesToSearchOn: FOLDED,
              matchingStrategy: 'frequency',
              filter: [['year = 2017']],
              attributesToRetrieve: ['id'],
              federationOptions: { weight: 0.4 },
            },
          ],
        },
      },
      {
        facet: 'year',
        request: {
          federation: { limit: 0, offset: 0, facetsByIndex: { documents: ['year'] } },
          queries: [
            {
              indexUid: 'documents',
              q: 'ban hang',
              attributesToSearchOn: FOLDED,
              matchingStrategy: 'frequency',
              filter: [['parties = "Đảng Cộng sản Việt Nam"', 'parties = "Đảng \\"Nhân dân\\" Campuchia"']],
              attributesToRetrieve: ['id'],
              federationOptions: { weight: 0.4 },
            },
          ],
        },
      },
    ]);
  });

  it('counts over the widest query of every reading, so counts cover the same documents as the hits', () => {
    const { facetCounts } = plan('ddangr coongj sanr', { filters: { country: ['Chile'] } });
    expect(facetCounts[0]!.request.queries.map(({ q }) => q)).toEqual(['ddangr coongj sanr', 'dang cong san']);
  });

  it('leaves facetsByIndex out when every facet is filtered', () => {
    const { hits, facetCounts } = plan('bán hàng', { filters: { party: ['Đảng Cộng sản Việt Nam'], country: ['Lào'], yearFrom: 2015, yearTo: 2018 } });
    expect(hits.federation).toEqual({ limit: 10, offset: 0 });
    expect(facetCounts.map(({ facet }) => facet)).toEqual(['party', 'country', 'year']);
    expect(facetCounts[2]!.request.queries[0]!.filter).toEqual([['parties = "Đảng Cộng sản Việt Nam"'], ['countries = "Lào"']]);
  });
});
