import type { ApiError, FacetName, SortOrder } from './api.ts';

export type Lang = 'vi' | 'en';

export interface Messages {
  locale: string;
  label: string;
  placeholder: string;
  clearInput: string;
  submit: string;
  suggestions: string;
  quickResults: string;
  seeAll: (total: string) => string;
  loading: string;
  resultCount: (total: string, query: string) => string;
  quickCount: (total: string) => string;
  noResults: (query: string) => string;
  didYouMean: string;
  /** Before the query as the results read it: "Kết quả cho *Đảng Cộng sản*". */
  interpreted: string;
  /** Before the typed words, to search them exactly as typed. */
  searchVerbatim: string;
  removeFilter: (value: string) => string;
  popularSearches: string;
  clearFilters: string;
  clearFacet: string;
  facets: Record<FacetName, string>;
  filters: string;
  sort: string;
  sorts: Record<SortOrder, string>;
  loadMore: string;
  moreValues: string;
  fewerValues: string;
  documents: (count: string) => string;
  errors: {
    offline: string;
    network: string;
    unavailable: (retryAfter: number | null) => string;
    server: string;
    request: (detail: string) => string;
  };
  retry: string;
  close: string;
  openOriginal: string;
}

const vi: Messages = {
  locale: 'vi-VN',
  label: 'Tìm kiếm tài liệu',
  placeholder: 'Tìm kiếm…',
  clearInput: 'Xóa nội dung tìm kiếm',
  submit: 'Tìm',
  suggestions: 'Gợi ý',
  quickResults: 'Kết quả',
  seeAll: (total) => `Xem tất cả ${total} kết quả`,
  loading: 'Đang tìm…',
  resultCount: (total, query) => (query ? `${total} kết quả cho “${query}”` : `${total} kết quả`),
  quickCount: (total) => `${total} kết quả, dùng phím mũi tên để chọn`,
  noResults: (query) => (query ? `Không tìm thấy kết quả nào cho “${query}”.` : 'Không tìm thấy kết quả nào.'),
  didYouMean: 'Có phải bạn muốn tìm:',
  interpreted: 'Kết quả cho',
  searchVerbatim: 'Tìm chính xác:',
  removeFilter: (value) => `Bỏ lọc “${value}”`,
  popularSearches: 'Tìm kiếm phổ biến:',
  clearFilters: 'Xóa tất cả bộ lọc',
  clearFacet: 'Bỏ chọn',
  facets: { party: 'Đảng', country: 'Quốc gia', year: 'Năm' },
  filters: 'Bộ lọc',
  sort: 'Sắp xếp',
  sorts: { relevance: 'Liên quan nhất', date_desc: 'Mới nhất', date_asc: 'Cũ nhất' },
  loadMore: 'Xem thêm kết quả',
  moreValues: 'Xem thêm',
  fewerValues: 'Thu gọn',
  documents: (count) => `${count} tài liệu`,
  errors: {
    offline: 'Bạn đang ngoại tuyến. Hãy kiểm tra kết nối mạng.',
    network: 'Không thể kết nối tới máy chủ tìm kiếm.',
    unavailable: (seconds) => `Dịch vụ tìm kiếm tạm thời không hoạt động.${seconds ? ` Vui lòng thử lại sau ${seconds} giây.` : ''}`,
    server: 'Máy chủ tìm kiếm gặp lỗi.',
    request: (detail) => `Yêu cầu không hợp lệ: ${detail}`,
  },
  retry: 'Thử lại',
  close: 'Đóng',
  openOriginal: 'Mở bài gốc',
};

const en: Messages = {
  locale: 'en-GB',
  label: 'Search documents',
  placeholder: 'Search…',
  clearInput: 'Clear search',
  submit: 'Search',
  suggestions: 'Suggestions',
  quickResults: 'Results',
  seeAll: (total) => `See all ${total} results`,
  loading: 'Searching…',
  resultCount: (total, query) => (query ? `${total} results for “${query}”` : `${total} results`),
  quickCount: (total) => `${total} results, use the arrow keys to choose`,
  noResults: (query) => (query ? `No results for “${query}”.` : 'No results.'),
  didYouMean: 'Did you mean:',
  interpreted: 'Showing results for',
  searchVerbatim: 'Search instead for:',
  removeFilter: (value) => `Remove “${value}”`,
  popularSearches: 'Popular searches:',
  clearFilters: 'Clear all filters',
  clearFacet: 'Clear',
  facets: { party: 'Party', country: 'Country', year: 'Year' },
  filters: 'Filters',
  sort: 'Sort by',
  sorts: { relevance: 'Most relevant', date_desc: 'Newest', date_asc: 'Oldest' },
  loadMore: 'Load more results',
  moreValues: 'Show more',
  fewerValues: 'Show fewer',
  documents: (count) => `${count} documents`,
  errors: {
    offline: 'You are offline. Check your connection.',
    network: 'Cannot reach the search server.',
    unavailable: (seconds) => `The search service is temporarily unavailable.${seconds ? ` Please try again in ${seconds} seconds.` : ''}`,
    server: 'The search server had an error.',
    request: (detail) => `Invalid request: ${detail}`,
  },
  retry: 'Try again',
  close: 'Close',
  openOriginal: 'Open the original article',
};

export function messagesFor(lang: string | null): { lang: Lang; messages: Messages } {
  return lang?.toLowerCase().startsWith('en') ? { lang: 'en', messages: en } : { lang: 'vi', messages: vi };
}

export function describeError(error: ApiError, messages: Messages, online: boolean): string {
  if (error.kind === 'network') return online ? messages.errors.network : messages.errors.offline;
  if (error.kind === 'unavailable') return messages.errors.unavailable(error.retryAfter);
  if (error.kind === 'server') return messages.errors.server;
  return messages.errors.request(error.message);
}
