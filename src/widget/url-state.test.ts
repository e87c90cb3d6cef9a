import { describe, expect, it } from 'vitest';
import { readUrlSearch, writeUrlSearch } from './url-state.ts';

describe('the search in the page URL', () => {
  it('round-trips query, repeated filters, sort and page', () => {
    const state = { query: 'đảng cộng sản', filters: { party: ['Đảng Cộng sản Chile'], country: ['Chile', 'Việt Nam'], year: ['2021'] }, sort: 'date_desc' as const, page: 3 };
    const search = writeUrlSearch('', state);
    expect(search).toContain('party=%C4%90%E1%BA%A3ng');
    expect(readUrlSearch(search)).toEqual(state);
  });

  it('keeps the host page’s own parameters and leaves out defaults', () => {
    const search = writeUrlSearch('?lang=vi&q=old&page=4', { query: 'chile', filters: { party: [], country: [], year: [] }, sort: 'relevance', page: 1 });
    expect(search).toBe('?lang=vi&q=chile');
  });

  it('holds no search without a query or a filter, and ignores what it cannot read', () => {
    expect(readUrlSearch('?lang=vi')).toBeNull();
    expect(readUrlSearch('?q=%20')).toBeNull();
    expect(readUrlSearch('?party=L%C3%A0o&sort=random&page=-2')).toEqual({ query: '', filters: { party: ['Lào'], country: [], year: [] }, sort: 'relevance', page: 1 });
  });
});
