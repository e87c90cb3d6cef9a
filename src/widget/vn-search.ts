import css from './styles.css';
import {
  ApiError,
  FACET_NAMES,
  documentUrl,
  getJson,
  normalizeEndpoint,
  searchUrl,
  suggestUrl,
  type DocumentDetail,
  type FacetName,
  type Filters,
  type Hit,
  type SearchResult,
  type SortOrder,
  type SuggestResult,
  type Suggestion,
} from './api.ts';
import { byId, h } from './dom.ts';
import { describeError, messagesFor, type Messages } from './i18n.ts';
import { parseSnippet } from './snippet.ts';
import { LatestRequest, MAX_LIMIT, emptyFilters, facetEntries, hasFilters, moveIndex, parseFacetsAttribute, parseLimit, parsePopularAttribute, safeHttpUrl, toggleFilter } from './state.ts';
import { TEMPLATE } from './template.ts';
import { readUrlSearch, writeUrlSearch, type UrlSearch } from './url-state.ts';

const TYPING_DEBOUNCE_MS = 180;
const QUICK_RESULTS = 5;
const FACET_VALUES_SHOWN = 8;

/** How a search is kept in the page's history: a new entry, the current one updated, or left as it is. */
type HistoryMode = 'push' | 'replace' | 'none';

type PopupOption = { kind: 'suggestion'; suggestion: Suggestion } | { kind: 'hit'; hit: Hit } | { kind: 'all'; total: number };

interface ViewState {
  query: string;
  /** Search the query exactly as typed, as the reader asked after seeing how it was read. */
  verbatim: boolean;
  result: SearchResult | null;
  hits: Hit[];
  loading: 'page' | 'more' | null;
  error: ApiError | null;
  retry: (() => void) | null;
}

interface PopupState {
  query: string;
  suggestions: Suggestion[];
  hits: Hit[];
  total: number;
  loading: boolean;
  error: ApiError | null;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('network', String(error));
}

/** Text nodes and <mark> elements only: the HTML of a snippet or title is never handed to the parser. */
function markedNodes(html: string): Node[] {
  return parseSnippet(html).map(({ text, marked }) => (marked ? h('mark', { part: 'highlight' }, text) : document.createTextNode(text)));
}

export class VnSearchElement extends HTMLElement {
  static observedAttributes = ['endpoint', 'placeholder', 'lang', 'facets', 'limit', 'open-in', 'popular'];

  readonly #root: ShadowRoot;
  readonly #input: HTMLInputElement;
  readonly #popup: HTMLElement;
  readonly #listbox: HTMLElement;
  readonly #popupNote: HTMLElement;
  readonly #view: HTMLElement;
  readonly #facets: HTMLElement;
  readonly #results: HTMLElement;
  readonly #list: HTMLOListElement;
  readonly #message: HTMLElement;
  readonly #more: HTMLButtonElement;
  readonly #detail: HTMLDialogElement;

  readonly #quickRequest = new LatestRequest();
  readonly #suggestRequest = new LatestRequest();
  readonly #searchRequest = new LatestRequest();
  readonly #documentRequest = new LatestRequest();
  #debounce: ReturnType<typeof setTimeout> | undefined;

  #filters: Filters = emptyFilters();
  #sort: SortOrder = 'relevance';
  #expandedFacets = new Set<FacetName>();
  #viewState: ViewState = { query: '', verbatim: false, result: null, hits: [], loading: null, error: null, retry: null };
  #popupState: PopupState = { query: '', suggestions: [], hits: [], total: 0, loading: false, error: null };
  /** Pages of results shown, as the URL's `page` keeps it. */
  #pages = 1;
  #options: PopupOption[] = [];
  #active = -1;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    if ('adoptedStyleSheets' in this.#root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
      // A constructed sheet is not an inline <style>, so a strict style-src CSP on the host page allows it.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      this.#root.adoptedStyleSheets = [sheet];
    } else {
      this.#root.append(h('style', {}, css));
    }
    const template = document.createElement('template');
    template.innerHTML = TEMPLATE;
    this.#root.append(template.content);

    this.#input = byId(this.#root, 'input');
    this.#popup = byId(this.#root, 'popup');
    this.#listbox = byId(this.#root, 'listbox');
    this.#popupNote = byId(this.#root, 'popup-note');
    this.#view = byId(this.#root, 'view');
    this.#facets = byId(this.#root, 'facets');
    this.#results = byId(this.#root, 'results');
    this.#list = byId(this.#root, 'list');
    this.#message = byId(this.#root, 'message');
    this.#more = byId(this.#root, 'more');
    this.#detail = byId(this.#root, 'detail');

    this.#input.addEventListener('input', () => this.#onInput());
    this.#input.addEventListener('keydown', (event) => this.#onKeydown(event));
    byId(this.#root, 'form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.#submit(this.#input.value);
    });
    byId<HTMLSelectElement>(this.#root, 'sort').addEventListener('change', (event) => {
      this.#sort = (event.target as HTMLSelectElement).value as SortOrder;
      this.#search(false, 'push');
    });
    this.#root.addEventListener('click', (event) => this.#onClick(event));
    // Keep the focus in the input while choosing an option with the mouse.
    this.#popup.addEventListener('mousedown', (event) => event.preventDefault());
    byId(this.#root, 'combo').addEventListener('focusout', (event) => {
      if (!byId(this.#root, 'combo').contains(event.relatedTarget as Node | null)) this.#closePopup();
    });
  }

  connectedCallback(): void {
    this.#applyAttributes();
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('popstate', this.#onPopState);
    // A shared or reloaded URL shows the search it holds.
    if (readUrlSearch(location.search)) this.#showUrlSearch();
  }

  disconnectedCallback(): void {
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('popstate', this.#onPopState);
    clearTimeout(this.#debounce);
    for (const request of [this.#quickRequest, this.#suggestRequest, this.#searchRequest, this.#documentRequest]) {
      request.cancel();
    }
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.#applyAttributes();
  }

  /** Runs a full search, as if the user had typed `query` and pressed Enter. */
  search(query: string): void {
    this.#input.value = query;
    this.#submit(query);
  }

  get #endpoint(): string {
    return normalizeEndpoint(this.getAttribute('endpoint'));
  }

  get #messages(): Messages {
    return messagesFor(this.getAttribute('lang')).messages;
  }

  get #limit(): number {
    return parseLimit(this.getAttribute('limit'));
  }

  get #opensInNewTab(): boolean {
    return ['new', '_blank', 'new-tab'].includes(this.getAttribute('open-in') ?? '');
  }

  /** Back and forward move between searches, as the URL holds them (a host page's own history entries change nothing). */
  readonly #onPopState = (): void => {
    const saved = readUrlSearch(location.search);
    const shown = this.#viewState.result ? writeUrlSearch('', this.#urlSearch()) : '';
    if ((saved ? writeUrlSearch('', saved) : '') !== shown) this.#showUrlSearch();
  };

  #urlSearch(): UrlSearch {
    return { query: this.#viewState.query, filters: this.#filters, sort: this.#sort, page: this.#pages };
  }

  #showUrlSearch(): void {
    const saved = readUrlSearch(location.search);
    this.#closePopup();
    this.#searchRequest.cancel();
    this.#filters = saved?.filters ?? emptyFilters();
    this.#sort = saved?.sort ?? 'relevance';
    byId<HTMLSelectElement>(this.#root, 'sort').value = this.#sort;
    this.#input.value = saved?.query ?? '';
    this.#syncClearButton();
    if (!saved) {
      this.#viewState = { query: '', verbatim: false, result: null, hits: [], loading: null, error: null, retry: null };
      this.#renderView();
      return;
    }
    this.#viewState.query = saved.query;
    this.#viewState.verbatim = false;
    this.#search(false, 'none', saved.page);
  }

  /** Puts the current search into the page's URL, so that it can be shared, reloaded and gone back to. */
  #recordInHistory(mode: HistoryMode): void {
    if (mode === 'none') return;
    const search = writeUrlSearch(location.search, this.#urlSearch());
    if (search === location.search) return;
    const url = `${location.pathname}${search}${location.hash}`;
    if (mode === 'push') history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }

  readonly #onOnline = (): void => {
    if (this.#viewState.error?.kind === 'network') this.#viewState.retry?.();
  };

  #applyAttributes(): void {
    const { lang, messages } = messagesFor(this.getAttribute('lang'));
    byId(this.#root, 'root').setAttribute('lang', lang);
    this.#input.placeholder = this.getAttribute('placeholder') ?? messages.placeholder;
    this.#input.setAttribute('aria-label', messages.label);
    this.#listbox.setAttribute('aria-label', messages.suggestions);
    byId(this.#root, 'clear').setAttribute('aria-label', messages.clearInput);
    byId(this.#root, 'submit').textContent = messages.submit;
    byId(this.#root, 'sort-label').textContent = messages.sort;
    for (const option of byId<HTMLSelectElement>(this.#root, 'sort').options) {
      option.textContent = messages.sorts[option.value as SortOrder];
    }
    this.#facets.setAttribute('aria-label', messages.filters);
    this.#more.textContent = messages.loadMore;
    this.#renderPopup();
    this.#renderView();
  }

  // ---- typing: suggestions and quick results in the popup ----

  #onInput(): void {
    const query = this.#input.value;
    this.#syncClearButton();
    clearTimeout(this.#debounce);
    if (query.trim() === '') {
      this.#closePopup();
      return;
    }
    this.#popupState = { ...this.#popupState, loading: true, error: null };
    this.#debounce = setTimeout(() => this.#fetchPopup(query.trim()), TYPING_DEBOUNCE_MS);
  }

  #fetchPopup(query: string): void {
    const endpoint = this.#endpoint;
    const suggest = this.#suggestRequest.start();
    const quick = this.#quickRequest.start();
    this.#popupState = { query, suggestions: [], hits: [], total: 0, loading: true, error: null };
    this.#active = -1;
    getJson<SuggestResult>(suggestUrl(endpoint, query), suggest.signal).then(
      (result) => {
        if (!suggest.isCurrent()) return;
        this.#popupState.suggestions = result.suggestions.filter((s) => s.text !== query);
        this.#renderPopup();
      },
      () => {
        // Suggestions are a nicety; the quick search below reports connection problems.
      },
    );
    const params = { q: query, filters: this.#filters, sort: this.#sort, limit: QUICK_RESULTS, offset: 0 };
    getJson<SearchResult>(searchUrl(endpoint, params), quick.signal).then(
      (result) => {
        if (!quick.isCurrent()) return;
        this.#popupState = { ...this.#popupState, hits: result.hits, total: result.total, loading: false };
        this.#renderPopup();
        this.#announce(this.#messages.quickCount(this.#formatNumber(result.total)));
      },
      (error: unknown) => {
        if (!quick.isCurrent() || isAbort(error)) return;
        this.#popupState = { ...this.#popupState, loading: false, error: asApiError(error) };
        this.#renderPopup();
        this.#announce(describeError(asApiError(error), this.#messages, navigator.onLine));
      },
    );
  }

  #renderPopup(): void {
    const messages = this.#messages;
    const { suggestions, hits, total, loading, error } = this.#popupState;
    this.#options = [
      ...suggestions.map((suggestion): PopupOption => ({ kind: 'suggestion', suggestion })),
      ...hits.map((hit): PopupOption => ({ kind: 'hit', hit })),
      ...(total > 0 ? [{ kind: 'all', total } as const] : []),
    ];
    this.#active = Math.min(this.#active, this.#options.length - 1);
    let index = 0;
    const option = (content: Node[], part: string): HTMLElement =>
      h('div', { role: 'option', id: `option-${index++}`, class: `option ${part}`, part: `option ${part}`, 'aria-selected': 'false' }, ...content);
    const group = (id: string, label: string, options: HTMLElement[]): HTMLElement | null =>
      options.length === 0 ? null : h('div', { role: 'group', 'aria-labelledby': id, class: 'group' }, h('div', { id, class: 'group-label', role: 'presentation' }, label), ...options);

    this.#listbox.replaceChildren(
      ...[
        group(
          'group-suggestions',
          messages.suggestions,
          suggestions.map((s) => option([h('span', { class: 'suggestion-text' }, s.text), h('span', { class: 'badge' }, this.#formatNumber(s.count))], 'option-suggestion')),
        ),
        group(
          'group-hits',
          messages.quickResults,
          hits.map((hit) => option([h('span', { class: 'option-title' }, ...markedNodes(hit.title_html)), h('span', { class: 'option-snippet' }, ...markedNodes(hit.snippet))], 'option-hit')),
        ),
        total > 0 ? option([h('span', { class: 'see-all' }, messages.seeAll(this.#formatNumber(total)))], 'option-all') : null,
      ].filter((node): node is HTMLElement => node !== null),
    );
    const note = error
      ? describeError(error, messages, navigator.onLine)
      : loading && this.#options.length === 0
        ? messages.loading
        : !loading && this.#options.length === 0 && this.#popupState.query
          ? messages.noResults(this.#popupState.query)
          : '';
    this.#popupNote.textContent = note;
    this.#popupNote.hidden = note === '';
    this.#popupNote.classList.toggle('error', error !== null);
    const open = this.#input.value.trim() !== '' && (this.#options.length > 0 || note !== '') && this.#root.activeElement === this.#input;
    this.#setPopupOpen(open);
    this.#highlight(this.#active);
  }

  #setPopupOpen(open: boolean): void {
    this.#popup.hidden = !open;
    this.#input.setAttribute('aria-expanded', String(open));
  }

  /** Also drops pending answers, so that a late one cannot reopen the list the user just closed. */
  #closePopup(): void {
    clearTimeout(this.#debounce);
    this.#quickRequest.cancel();
    this.#suggestRequest.cancel();
    this.#setPopupOpen(false);
    this.#highlight(-1);
  }

  #highlight(index: number): void {
    this.#active = index;
    const options = this.#listbox.querySelectorAll<HTMLElement>('[role="option"]');
    options.forEach((element, i) => {
      element.setAttribute('aria-selected', String(i === index));
    });
    const active = options[index];
    if (active && !this.#popup.hidden) {
      this.#input.setAttribute('aria-activedescendant', active.id);
      active.scrollIntoView({ block: 'nearest' });
    } else {
      this.#input.removeAttribute('aria-activedescendant');
    }
  }

  #onKeydown(event: KeyboardEvent): void {
    const open = !this.#popup.hidden;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!open) {
          if (this.#input.value.trim() === '') return;
          this.#setPopupOpen(this.#options.length > 0);
          if (this.#options.length === 0) this.#onInput();
        }
        this.#highlight(moveIndex(this.#active, this.#options.length, event.key === 'ArrowDown' ? 1 : -1));
        return;
      }
      case 'Enter': {
        const option = open ? this.#options[this.#active] : undefined;
        if (option) {
          event.preventDefault();
          this.#choose(option);
        }
        return; // without a highlighted option the form submits
      }
      case 'Escape': {
        event.preventDefault();
        if (open) this.#closePopup();
        else if (this.#input.value !== '') this.#clearInput();
        return;
      }
    }
  }

  #choose(option: PopupOption): void {
    this.#closePopup();
    if (option.kind === 'suggestion') this.search(option.suggestion.text);
    else if (option.kind === 'hit') this.#openHit(option.hit);
    else this.#submit(this.#input.value);
  }

  #clearInput(): void {
    this.#input.value = '';
    this.#onInput();
    this.#input.focus();
  }

  // ---- the full results view ----

  #syncClearButton(): void {
    byId(this.#root, 'clear').hidden = this.#input.value === '';
  }

  #submit(query: string): void {
    this.#syncClearButton();
    this.#closePopup();
    this.#viewState.query = query.trim();
    this.#viewState.verbatim = false;
    this.#search(false, 'push');
  }

  /** A new page of results (or the next one, `append`); `pages` > 1 shows that many pages at once. */
  #search(append: boolean, historyMode: HistoryMode, pages = 1): void {
    const request = this.#searchRequest.start();
    const state = this.#viewState;
    this.#pages = append ? this.#pages + 1 : pages;
    this.#recordInHistory(append ? 'replace' : historyMode);
    const params = {
      q: state.query,
      filters: this.#filters,
      sort: this.#sort,
      limit: append ? this.#limit : Math.min(MAX_LIMIT, this.#limit * pages),
      offset: append ? state.hits.length : 0,
      verbatim: state.verbatim,
    };
    state.loading = append ? 'more' : 'page';
    state.error = null;
    this.#renderView();
    if (!append) this.#announce(this.#messages.loading);
    getJson<SearchResult>(searchUrl(this.#endpoint, params), request.signal).then(
      (result) => {
        if (!request.isCurrent()) return;
        const firstNew = state.hits.length;
        state.result = result;
        state.hits = append ? [...state.hits, ...result.hits] : result.hits;
        state.loading = null;
        this.#renderView();
        this.#announce(result.total === 0 ? this.#messages.noResults(state.query) : this.#messages.resultCount(this.#formatNumber(result.total), state.query));
        if (append && this.#more.hidden) this.#list.children[firstNew]?.querySelector<HTMLElement>('a, button')?.focus();
      },
      (error: unknown) => {
        if (!request.isCurrent() || isAbort(error)) return;
        state.loading = null;
        state.error = asApiError(error);
        // A failed page replaces the old results (they no longer match the filters asked for);
        // a failed "load more" keeps what is already listed.
        if (!append) {
          state.result = null;
          state.hits = [];
        }
        state.retry = () => this.#search(append, 'none', pages);
        this.#renderView();
        this.#announce(describeError(state.error, this.#messages, navigator.onLine));
      },
    );
  }

  #renderView(): void {
    const state = this.#viewState;
    const started = state.result !== null || state.loading !== null || state.error !== null;
    this.#view.hidden = !started;
    if (!started) return;
    const messages = this.#messages;
    const result = state.result;
    this.#results.setAttribute('aria-busy', String(state.loading !== null));
    this.#view.classList.toggle('loading', state.loading === 'page');
    byId(this.#root, 'sort-control').hidden = !result;
    byId(this.#root, 'count').textContent = state.loading === 'page' && !result ? messages.loading : result ? messages.resultCount(this.#formatNumber(result.total), state.query) : '';

    this.#keepingFocus(() => {
      this.#renderFacets();
      this.#list.replaceChildren(...state.hits.map((hit) => this.#renderHit(hit)));
      this.#renderMessage();
      this.#more.hidden = !result || state.error !== null || state.hits.length >= result.total;
      this.#more.disabled = state.loading === 'more';
      this.#more.setAttribute('aria-busy', String(state.loading === 'more'));
    });
  }

  #renderHit(hit: Hit): HTMLElement {
    const url = safeHttpUrl(hit.url, location.href);
    const newTab = this.#opensInNewTab;
    const title = url
      ? h('a', { href: url, part: 'result-link', target: newTab ? '_blank' : null, rel: newTab ? 'noopener' : null }, ...markedNodes(hit.title_html))
      : h('button', { type: 'button', class: 'link', part: 'result-link', 'data-action': 'open-document', 'data-id': hit.id, 'aria-haspopup': 'dialog' }, ...markedNodes(hit.title_html));
    return h(
      'li',
      { class: 'result', part: 'result' },
      h('h3', { class: 'title', part: 'result-title' }, title),
      this.#renderMeta(hit),
      h('p', { class: 'snippet', part: 'result-snippet' }, ...markedNodes(hit.snippet)),
    );
  }

  #renderMeta(hit: Pick<Hit, 'date' | 'year' | 'source'>): HTMLElement {
    const date = hit.date ? h('time', { datetime: hit.date }, this.#formatDate(hit.date)) : hit.year ? String(hit.year) : null;
    const parts = [date, hit.source ? h('span', { class: 'source' }, hit.source) : null].filter((p) => p !== null);
    return h('p', { class: 'meta', part: 'result-meta' }, ...parts.flatMap((p, i) => (i === 0 ? [p] : [' · ', p])));
  }

  #renderMessage(): void {
    const state = this.#viewState;
    const messages = this.#messages;
    const content: Node[] = [];
    let part = 'message';
    if (state.error) {
      part = 'message error';
      content.push(
        h('p', {}, describeError(state.error, messages, navigator.onLine)),
        h('button', { type: 'button', class: 'retry', part: 'retry-button', 'data-action': 'retry', 'data-key': 'retry' }, messages.retry),
      );
    } else if (state.result?.interpreted && state.result.total > 0 && !state.verbatim) {
      // As a search engine says "showing results for", with a way back to the words as typed.
      part = 'message interpretation';
      content.push(
        h(
          'p',
          {},
          `${messages.interpreted} `,
          h('em', { part: 'interpreted' }, state.result.interpreted),
          '. ',
          `${messages.searchVerbatim} `,
          h('button', { type: 'button', class: 'link', part: 'search-verbatim', 'data-action': 'search-verbatim' }, state.query),
        ),
      );
    } else if (state.result && state.result.total === 0 && state.loading === null) {
      part = 'message empty';
      content.push(h('p', {}, messages.noResults(state.query)));
      const queryButton = (text: string, part: string): HTMLElement => h('button', { type: 'button', class: 'link', part, 'data-action': 'did-you-mean', 'data-query': text }, text);
      const offer = (label: string, buttons: HTMLElement[]): void => {
        if (buttons.length > 0) content.push(h('p', { class: 'offer' }, `${label} `, ...buttons.flatMap((button, i) => (i === 0 ? [button] : [', ', button]))));
      };
      const correction = state.result.did_you_mean;
      offer(messages.didYouMean, correction && correction !== state.query ? [queryButton(correction, 'did-you-mean')] : []);
      if (hasFilters(this.#filters)) {
        const removals = FACET_NAMES.flatMap((facet) =>
          this.#filters[facet].map((value) =>
            h('button', { type: 'button', class: 'chip', part: 'remove-filter', 'data-action': 'toggle', 'data-facet': facet, 'data-value': value }, messages.removeFilter(value)),
          ),
        );
        content.push(h('div', { class: 'chips' }, ...removals, h('button', { type: 'button', class: 'chip', 'data-action': 'clear-filters' }, messages.clearFilters)));
      }
      offer(
        messages.popularSearches,
        parsePopularAttribute(this.getAttribute('popular')).map((text) => queryButton(text, 'popular-search')),
      );
    }
    this.#message.replaceChildren(...content);
    this.#message.setAttribute('part', part);
    this.#message.setAttribute('role', state.error ? 'alert' : 'none');
    this.#message.hidden = content.length === 0;
  }

  #renderFacets(): void {
    const messages = this.#messages;
    const counts = this.#viewState.result?.facets;
    const groups = parseFacetsAttribute(this.getAttribute('facets')).map((facet) => {
      const selected = this.#filters[facet];
      const entries = facetEntries(counts?.[facet], selected, facet);
      if (entries.length === 0) return null;
      const labelId = `facet-${facet}`;
      const head = h(
        'div',
        { class: 'facet-head' },
        h('span', { id: labelId, class: 'facet-label' }, messages.facets[facet]),
        selected.length > 0
          ? h('button', { type: 'button', class: 'link small', part: 'facet-clear', 'data-action': 'clear-facet', 'data-facet': facet, 'data-key': `clear:${facet}` }, messages.clearFacet)
          : null,
      );
      const body = facet === 'year' ? this.#renderYearChart(entries, selected) : this.#renderChips(facet, entries, selected);
      return h('div', { class: `facet facet-${facet}`, part: `facet facet-${facet}`, role: 'group', 'aria-labelledby': labelId }, head, body);
    });
    const clearAll = hasFilters(this.#filters)
      ? h('button', { type: 'button', class: 'link small', part: 'clear-filters', 'data-action': 'clear-filters', 'data-key': 'clear-filters' }, messages.clearFilters)
      : null;
    this.#facets.replaceChildren(...groups.filter((g) => g !== null), ...(clearAll ? [clearAll] : []));
    this.#facets.hidden = this.#facets.childElementCount === 0;
    this.#view.classList.toggle('without-facets', this.#facets.hidden);
  }

  #renderChips(facet: FacetName, entries: [string, number][], selected: string[]): HTMLElement {
    const expanded = this.#expandedFacets.has(facet);
    const shown = expanded ? entries : entries.filter(([value], i) => i < FACET_VALUES_SHOWN || selected.includes(value));
    const chips = shown.map(([value, count]) => {
      const pressed = selected.includes(value);
      return h(
        'button',
        {
          type: 'button',
          class: 'chip',
          part: pressed ? 'chip chip-selected' : 'chip',
          'aria-pressed': String(pressed),
          'data-action': 'toggle',
          'data-facet': facet,
          'data-value': value,
          'data-key': `${facet}:${value}`,
        },
        h('span', { class: 'chip-label' }, value),
        h('span', { class: 'badge', part: 'chip-count' }, this.#formatNumber(count)),
      );
    });
    const toggle =
      entries.length > FACET_VALUES_SHOWN
        ? h(
            'button',
            { type: 'button', class: 'link small', 'data-action': 'expand-facet', 'data-facet': facet, 'data-key': `expand:${facet}`, 'aria-expanded': String(expanded) },
            expanded ? this.#messages.fewerValues : this.#messages.moreValues,
          )
        : null;
    return h('div', { class: 'chips' }, ...chips, toggle);
  }

  /** Documents per year as clickable bars; each bar is a toggle button like a chip. */
  #renderYearChart(entries: [string, number][], selected: string[]): HTMLElement {
    const max = Math.max(1, ...entries.map(([, count]) => count));
    const bars = entries.map(([year, count]) => {
      const pressed = selected.includes(year);
      const label = `${year}: ${this.#messages.documents(this.#formatNumber(count))}`;
      const fill = h('span', { class: 'bar-fill' });
      fill.style.height = `${Math.max(4, Math.round((count / max) * 80))}%`; // leaves room for the count above
      return h(
        'button',
        {
          type: 'button',
          class: 'bar',
          part: pressed ? 'year-bar year-bar-selected' : 'year-bar',
          'aria-pressed': String(pressed),
          'aria-label': label,
          title: label,
          'data-action': 'toggle',
          'data-facet': 'year',
          'data-value': year,
          'data-key': `year:${year}`,
        },
        h('span', { class: 'bar-track' }, h('span', { class: 'bar-count', 'aria-hidden': 'true' }, this.#formatNumber(count)), fill),
        h('span', { class: 'bar-label', 'aria-hidden': 'true' }, year),
      );
    });
    return h('div', { class: 'years', part: 'year-chart' }, ...bars);
  }

  /** Re-rendering replaces buttons; put the focus back on the one that stands for the same thing. */
  #keepingFocus(render: () => void): void {
    const key = (this.#root.activeElement as HTMLElement | null)?.dataset.key;
    render();
    if (key && !this.#root.activeElement) {
      const target = [...this.#root.querySelectorAll<HTMLElement>('[data-key]')].find((el) => el.dataset.key === key);
      (target ?? this.#input).focus();
    }
  }

  #onClick(event: Event): void {
    const target = (event.target as Element).closest<HTMLElement>('[data-action], [role="option"]');
    if (!target) return;
    if (target.getAttribute('role') === 'option') {
      const option = this.#options[Number(target.id.replace('option-', ''))];
      if (option) this.#choose(option);
      return;
    }
    const { action, facet, value, query, id } = target.dataset;
    switch (action) {
      case 'clear-input':
        this.#clearInput();
        break;
      case 'toggle':
        this.#filters = toggleFilter(this.#filters, facet as FacetName, value ?? '');
        this.#search(false, 'push');
        break;
      case 'clear-facet':
        this.#filters = { ...this.#filters, [facet as FacetName]: [] };
        this.#search(false, 'push');
        break;
      case 'clear-filters':
        this.#filters = emptyFilters();
        this.#search(false, 'push');
        break;
      case 'expand-facet': {
        const name = facet as FacetName;
        if (!this.#expandedFacets.delete(name)) this.#expandedFacets.add(name);
        this.#renderView();
        break;
      }
      case 'load-more':
        this.#search(true, 'replace');
        break;
      case 'retry':
        this.#viewState.retry?.();
        break;
      case 'did-you-mean':
        this.search(query ?? '');
        break;
      case 'search-verbatim':
        this.#viewState.verbatim = true;
        this.#search(false, 'replace');
        break;
      case 'open-document':
        this.#openDocument(id ?? '');
        break;
      case 'close-detail':
        this.#detail.close();
        break;
    }
  }

  // ---- opening a result ----

  #openHit(hit: Hit): void {
    const url = safeHttpUrl(hit.url, location.href);
    if (!url) this.#openDocument(hit.id);
    else if (this.#opensInNewTab) window.open(url, '_blank', 'noopener');
    else location.assign(url);
  }

  /** Results without a url open in a dialog inside the widget, with the document fetched from the API. */
  #openDocument(id: string): void {
    const request = this.#documentRequest.start();
    const messages = this.#messages;
    const closeButton = h('button', { type: 'button', class: 'close', part: 'detail-close', 'data-action': 'close-detail', 'aria-label': messages.close }, '×');
    const show = (...content: (Node | null)[]): void => {
      this.#detail.replaceChildren(closeButton, ...content.filter((node) => node !== null));
      if (!this.#detail.open) this.#detail.showModal();
    };
    show(h('p', { id: 'detail-title', 'aria-busy': 'true' }, messages.loading));
    getJson<DocumentDetail>(documentUrl(this.#endpoint, id), request.signal).then(
      (doc) => {
        if (!request.isCurrent()) return;
        const url = safeHttpUrl(doc.url, location.href);
        show(
          h('h2', { id: 'detail-title', part: 'detail-title' }, doc.title),
          this.#renderMeta(doc),
          h('div', { class: 'detail-body', part: 'detail-body' }, ...doc.body.split(/\n\s*\n/).map((paragraph) => h('p', {}, paragraph))),
          url ? h('a', { href: url, target: '_blank', rel: 'noopener', part: 'detail-link' }, messages.openOriginal) : null,
        );
      },
      (error: unknown) => {
        if (!request.isCurrent() || isAbort(error)) return;
        show(
          h('p', { id: 'detail-title', role: 'alert' }, describeError(asApiError(error), messages, navigator.onLine)),
          h('button', { type: 'button', class: 'retry', part: 'retry-button', 'data-action': 'open-document', 'data-id': id }, messages.retry),
        );
      },
    );
  }

  // ---- formatting and announcements ----

  #formatNumber(value: number): string {
    return new Intl.NumberFormat(this.#messages.locale).format(value);
  }

  #formatDate(isoDate: string): string {
    const date = new Date(`${isoDate}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return isoDate;
    return new Intl.DateTimeFormat(this.#messages.locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  }

  /** Clears first so that repeating the same text is announced again. */
  #announce(text: string): void {
    const live = byId(this.#root, 'live');
    live.textContent = '';
    setTimeout(() => (live.textContent = text), 50);
  }
}
