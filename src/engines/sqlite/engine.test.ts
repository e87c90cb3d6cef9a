import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchDocument } from '../../types/document.ts';
import type { SearchRequest } from '../../types/search.ts';
import { buildSynonymMap } from '../../search/synonyms.ts';
import { SqliteEngine } from './engine.ts';
import { prepareDocument } from '../../analysis/fields.ts';

function doc(id: string, title: string, body: string, extra: Partial<SearchDocument> = {}): SearchDocument {
  return { id, title, body, date: null, year: null, date_source: null, source: null, url: null, parties: [], countries: [], ...extra };
}

const DOCUMENTS = [
  doc('chile', 'Hội thảo trực tuyến giữa Đảng Cộng sản Việt Nam và Đảng Cộng sản Chile', 'Trưởng Ban Đối ngoại Trung ương Lê Hoài Trung và Đảng Cộng sản Chile đồng chủ trì Hội thảo.', {
    parties: ['Đảng Cộng sản Việt Nam', 'Đảng Cộng sản Chile'],
    countries: ['Việt Nam', 'Chile'],
    year: 2021,
    date: '2021-08-06',
  }),
  doc('japan', 'Coi trọng quan hệ hữu nghị truyền thống với Đảng Cộng sản Nhật Bản', 'Chủ nghĩa Mác – Lê-nin, tư tưởng Hồ Chí Minh. Đồng chí Ô-ga-ta I-a-sư-ô.', {
    parties: ['Đảng Cộng sản Việt Nam', 'Đảng Cộng sản Nhật Bản'],
    countries: ['Việt Nam', 'Nhật Bản'],
    year: 2021,
    date: '2021-04-26',
  }),
  doc('selling', 'Kỹ năng bán hàng', 'Nhân viên bán hàng cần kiên nhẫn. Bán hàng trực tuyến tăng mạnh.', { year: 2017, countries: ['Việt Nam'] }),
  doc('partner', 'Bạn hàng lớn nhất', 'Trung Quốc là bạn hàng lớn nhất của Việt Nam.', { year: 2018, countries: ['Trung Quốc', 'Việt Nam'] }),
  doc('media', 'Truyền thông số', 'Các cơ quan truyền thông đưa tin.', { year: 2019 }),
  doc('tradition', 'Giữ gìn truyền thống', 'Truyền thống đoàn kết của dân tộc.', { year: 2019 }),
  doc('peace', 'Hoà bình và hợp tác', 'Giữ vững môi trường hoà bình, ổn định.', { year: 2020 }),
  doc('cambodia', 'Quan hệ Việt Nam – Cam-pu-chia', 'Đảng Nhân dân Cam-pu-chia (CPP) và Đảng Cộng sản Việt Nam.', {
    parties: ['Đảng Nhân dân Campuchia', 'Đảng Cộng sản Việt Nam'],
    countries: ['Campuchia', 'Việt Nam'],
    year: 2022,
  }),
];

/** For how queries are read: Trung Quốc is a commoner word than Trump, which is one edit from both. */
const READING_DOCUMENTS = [
  doc('trump', 'Trump muốn nói gì với Triều Tiên?', 'Tổng thống Donald Trump muốn nói gì thì nói.'),
  doc('gif', 'Cách làm ảnh GIF', 'Ảnh GIF là định dạng ảnh động. Làm GIF trên điện thoại.'),
  doc('what', 'Làm gì khi mất ngủ?', 'Bạn nên làm gì khi mất ngủ kéo dài?'),
  doc('mercedes', 'Xe Mercedes mới', 'Hãng Mercedes ra mắt mẫu xe mới.'),
  // The typo is in the text: matching it as typed is no sign that this is what the reader wants.
  doc('typo-in-text', 'Trung Quốc nổi giận', 'Trung Quốc phản ứng với ông Donald Trunp.'),
  doc('premier', 'Thủ tướng tiếp đoàn', 'Thủ tướng đề nghị các bộ. Thứ tự ưu tiên.'),
  ...['phản đối', 'nổi giận', 'tăng trưởng', 'xuất khẩu', 'du lịch', 'tàu sân bay'].map((what, i) => doc(`china-${i}`, `Trung Quốc ${what}`, `Trung Quốc ${what}.`)),
];

const request = (q: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({ q, filters: {}, sort: 'relevance', limit: 10, offset: 0, ...extra });

describe('SqliteEngine', () => {
  let dataDir: string;
  let engine: SqliteEngine;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vnsearch-sqlite-'));
    engine = new SqliteEngine({ dataDir, synonyms: buildSynonymMap([{ canonical: 'Đảng Cộng sản Việt Nam', aliases: ['ĐCSVN'] }]) });
    await engine.configure();
    await engine.upsert(DOCUMENTS.map(prepareDocument));
  });

  afterEach(async () => {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ids = async (q: string, extra: Partial<SearchRequest> = {}) => (await engine.search(request(q, extra))).hits.map((hit) => hit.id);

  it('finds a document by a query typed without diacritics, and with them', async () => {
    expect((await ids('dang cong san chile'))[0]).toBe('chile');
    expect((await ids('Đảng Cộng sản Chile'))[0]).toBe('chile');
  });

  it('ranks the exact diacritized word first', async () => {
    expect((await ids('bán hàng'))[0]).toBe('selling');
    expect((await ids('bạn hàng'))[0]).toBe('partner');
    // Two documents hold "truyền thống" (one in its title); the one about "truyền thông" comes after both.
    expect((await ids('truyền thống')).slice(0, 2).sort()).toEqual(['japan', 'tradition']);
    expect((await ids('truyền thông'))[0]).toBe('media');
    expect(await ids('ban hang')).toEqual(expect.arrayContaining(['selling', 'partner']));
  });

  it('ranks a title holding the exact words above titles holding them with other diacritics', async () => {
    // Newer than the matching title, so that the date cannot be what puts it first.
    await engine.upsert(
      [
        doc('reprint', 'Sách tái bản lần thứ hai', 'Nhà sách bán hết trong một ngày.', { date: '2024-01-02' }),
        doc('friends', 'Bạn bè thời chiến', 'Họ bán đồ cũ để giúp nhau.', { date: '2024-01-03' }),
        doc('worthy', 'Tâm sự đáng suy ngẫm', 'Một đảng viên kể lại.', { date: '2024-01-04' }),
        doc('fleeing', 'IS đang tháo chạy', 'Đảng và nhân dân theo dõi.', { date: '2024-01-05' }),
        doc('member', 'Đảng viên gương mẫu', 'Câu chuyện đẹp.', { date: '2020-01-01' }),
      ].map(prepareDocument),
    );
    expect((await ids('bán')).slice(0, 3)).toEqual(['selling', 'friends', 'reprint']);
    // The exact title first, then the exact word in the body: under a title of other words before under a twin.
    const party = await ids('đảng');
    expect(party.slice(0, 3).sort()).toEqual(['chile', 'japan', 'member']);
    expect(party.slice(3)).toEqual(['cambodia', 'fleeing', 'worthy']);
    // Without diacritics every form is the word typed.
    expect((await ids('ban')).slice(0, 2)).toEqual(['friends', 'reprint']);
  });

  it('treats old and new tone placement alike', async () => {
    expect(await ids('hòa bình')).toEqual(await ids('hoà bình'));
    expect(await ids('hòa bình')).toContain('peace');
  });

  it('decodes Telex typed without an input method, with a typo too', async () => {
    expect((await ids('ddangr coongj sanr chile'))[0]).toBe('chile');
    expect(await engine.search(request('ddangr coongj sanr chilee'))).toMatchObject({ hits: [{ id: 'chile' }], didYouMean: 'Đảng Cộng sản Chile' });
  });

  it('corrects a transposition in a longer word, and says what it meant when nothing matches as typed', async () => {
    expect(await ids('hoij thaor chiel')).toContain('chile');
    const result = await engine.search(request('truyeng thong'));
    expect(result.hits.map((hit) => hit.id)).toEqual(expect.arrayContaining(['media', 'tradition']));
  });

  it('says how it read the query: diacritics restored as the corpus writes them, Telex decoded, typos corrected', async () => {
    await engine.upsert(READING_DOCUMENTS.map(prepareDocument));
    const search = (q: string, extra: Partial<SearchRequest> = {}) => engine.search(request(q, extra));
    expect(await search('dang cong san viet nam')).toMatchObject({ interpreted: 'Đảng Cộng sản Việt Nam' });
    expect((await search('dang cong san viet nam')).didYouMean).toBeUndefined();
    expect(await search('thu tuong')).toMatchObject({ interpreted: 'Thủ tướng' });
    expect(await search('ddangr coongj sanr')).toMatchObject({ interpreted: 'Đảng Cộng sản', didYouMean: 'Đảng Cộng sản' });
    expect(await search('Đảng Cộng sản')).not.toHaveProperty('interpreted');
    const typed = await search('ddangr coongj sanr', { verbatim: true });
    expect(typed.total).toBe(0);
    expect(typed).not.toHaveProperty('interpreted');
    expect(typed).not.toHaveProperty('didYouMean');
  });

  it('reads Telex as much as the typed words when the query is typed in Telex throughout', async () => {
    await engine.upsert(READING_DOCUMENTS.map(prepareDocument));
    expect((await ids('lamf gif'))[0]).toBe('what');
    const trump = await engine.search(request('trump muoons nois gif'));
    expect(trump.hits[0]?.id).toBe('trump');
    expect(trump).toMatchObject({ interpreted: 'Trump muốn nói gì', didYouMean: 'Trump muốn nói gì' });
  });

  it('corrects a typo to the word that fits, two edits away for a long word, and says so', async () => {
    await engine.upsert(READING_DOCUMENTS.map(prepareDocument));
    expect((await ids('Trunp'))[0]).toBe('trump');
    const donald = await engine.search(request('Donald Trunp'));
    expect(donald.hits.map((hit) => hit.id)).toEqual(['trump', 'typo-in-text']);
    expect(donald.didYouMean).toBe('Donald Trump');
    expect(await engine.search(request('Mecedess'))).toMatchObject({ hits: [{ id: 'mercedes' }], interpreted: 'Mercedes', didYouMean: 'Mercedes' });
  });

  it('matches hyphenated transliterations and their joined forms', async () => {
    expect(await ids('Lenin')).toContain('japan');
    expect(await ids('Campuchia')).toContain('cambodia');
    expect(await ids('Ogata')).toContain('japan');
  });

  it('expands synonyms', async () => {
    expect(await ids('ĐCSVN')).toEqual(expect.arrayContaining(['chile', 'japan', 'cambodia']));
  });

  it('highlights matches in the snippet and escapes the rest', async () => {
    await engine.upsert([doc('html', 'Thẻ <b>HTML</b>', 'Văn bản có <script>alert(1)</script> và Chile.')].map(prepareDocument));
    const [hit] = (await engine.search(request('chile', { filters: {}, limit: 50 }))).hits.filter((h) => h.id === 'html');
    expect(hit?.snippet).toContain('<mark>Chile</mark>');
    expect(hit?.snippet).toContain('&lt;script&gt;');
    expect(hit?.snippet).not.toContain('<script>');
  });

  it('filters with OR within a facet and AND across facets, and counts facets disjunctively', async () => {
    const result = await engine.search(request('', { filters: { party: ['Đảng Cộng sản Chile', 'Đảng Cộng sản Nhật Bản'] } }));
    expect(result.hits.map((hit) => hit.id).sort()).toEqual(['chile', 'japan']);
    // The party facet ignores its own filter: the other parties still show their counts.
    expect(result.facets.party['Đảng Nhân dân Campuchia']).toBe(1);
    expect(result.facets.country.Chile).toBe(1);
    const both = await engine.search(request('', { filters: { party: ['Đảng Cộng sản Việt Nam'], year: [2022] } }));
    expect(both.hits.map((hit) => hit.id)).toEqual(['cambodia']);
    expect(both.facets.year).toEqual({ '2021': 2, '2022': 1 });
    const range = await engine.search(request('', { filters: { yearFrom: 2018, yearTo: 2019 } }));
    expect(range.hits.map((hit) => hit.id).sort()).toEqual(['media', 'partner', 'tradition']);
  });

  it('sorts by date and pages', async () => {
    const byDate = await engine.search(request('dang cong san', { sort: 'date_desc' }));
    expect(byDate.hits.slice(0, 2).map((hit) => hit.id)).toEqual(['chile', 'japan']);
    const page = await engine.search(request('viet nam', { limit: 2, offset: 2 }));
    const all = await engine.search(request('viet nam', { limit: 50 }));
    expect(page.hits.map((hit) => hit.id)).toEqual(all.hits.slice(2, 4).map((hit) => hit.id));
    expect(page.total).toBe(all.total);
  });

  it('suggests completions from titles in their own spelling', async () => {
    const suggestions = await engine.suggest('dang cong san ch', 8);
    expect(suggestions[0]?.text).toBe('Đảng Cộng sản Chile');
  });

  it('suggests whole phrases with the count of documents holding them, from Telex and with a typo too', async () => {
    await engine.upsert(READING_DOCUMENTS.map(prepareDocument));
    expect((await engine.suggest('dang cong san', 8)).slice(0, 2)).toEqual([
      { text: 'Đảng Cộng sản', count: 3 },
      // In a title, and in the body of a document whose title does not hold it.
      { text: 'Đảng Cộng sản Việt Nam', count: 2 },
    ]);
    expect(await engine.suggest('ddangr', 8)).toContainEqual({ text: 'Đảng Cộng sản Nhật Bản', count: 1 });
    expect(await engine.suggest('thu tuongg', 8)).toEqual([{ text: 'Thủ tướng', count: 1 }]);
    expect(await engine.suggest('thu tu', 8)).toEqual([{ text: 'Thủ tướng', count: 1 }]);
  });

  it('gets, deletes and counts documents', async () => {
    expect((await engine.getDocument('japan'))?.title).toContain('Nhật Bản');
    await engine.delete(['japan']);
    expect(await engine.getDocument('japan')).toBeNull();
    expect((await engine.stats()).documents).toBe(DOCUMENTS.length - 1);
    expect(await ids('Nhat Ban')).not.toContain('japan');
  });

  it('ranks documents where the query forms a word above those where its syllables only touch', async () => {
    await engine.upsert(
      [
        doc('customer', 'Khi khách hàng không trả lời', 'Nhân viên gọi lại khi khách hàng không trả lời điện thoại.'),
        doc('aviation', 'Tin kinh tế', 'Giá vé của hãng hàng không tăng mạnh trong dịp Tết.'),
        doc('student', 'Một nam sinh Học viện Bưu chính', 'Một nam sinh Học viện Bưu chính đoạt giải.'),
        doc('biology', 'Tin giáo dục', 'Phòng thí nghiệm sinh học mới mở cửa cho sinh viên.'),
      ].map(prepareDocument),
    );
    expect((await ids('hàng không'))[0]).toBe('aviation');
    expect((await ids('sinh học'))[0]).toBe('biology');
  });

  it('ranks a title that writes a word typed without marks as typed above one with only its twin', async () => {
    await engine.upsert([doc('b-city', 'Thành phố mới', 'Thành phố mở rộng.'), doc('a-payment', 'Thanh toán điện tử', 'Thanh toán không dùng tiền mặt.')].map(prepareDocument));
    expect(await ids('thanh')).toEqual(['a-payment', 'b-city']);
    expect(await ids('thành')).toEqual(['b-city', 'a-payment']);
  });

  it('replaces a document on upsert instead of duplicating it', async () => {
    await engine.upsert([doc('media', 'Báo chí', 'Nội dung mới')].map(prepareDocument));
    expect(await ids('truyen thong so')).not.toContain('media');
    expect(await ids('bao chi')).toEqual(['media']);
  });

  it('rebuilds aside and swaps, keeping the old index when the rebuild fails', async () => {
    await expect(
      engine.rebuild(async (writer) => {
        await writer.upsert([doc('only', 'Tài liệu duy nhất', 'Nội dung')].map(prepareDocument));
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect((await engine.stats()).documents).toBe(DOCUMENTS.length);
    await engine.rebuild(async (writer) => writer.upsert([doc('only', 'Tài liệu duy nhất', 'Nội dung')].map(prepareDocument)));
    expect((await engine.stats()).documents).toBe(1);
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.db'))).toHaveLength(1);
  });

  it('sees writes made by another process-level connection', async () => {
    await engine.commit();
    const reader = new SqliteEngine({ dataDir });
    expect(await reader.getDocument('chile')).not.toBeNull();
    await engine.upsert([doc('late', 'Tin mới về Chile', 'Chile')].map(prepareDocument));
    expect(await reader.getDocument('late'), 'a document shows with its postings, at a commit').toBeNull();
    expect((await reader.search(request('chile'))).hits.map((hit) => hit.id)).not.toContain('late');
    await engine.commit();
    expect(await reader.getDocument('late')).not.toBeNull();
    expect((await reader.search(request('chile'))).hits.map((hit) => hit.id)).toContain('late');
    await reader.close();
  });

  it('corrects with the words of the last commit once they have loaded between searches, finding new documents at once', async () => {
    await engine.commit();
    const reader = new SqliteEngine({ dataDir });
    const found = async (q: string) => (await reader.search(request(q))).hits.map((hit) => hit.id);
    expect(await found('hoij thaor chiel')).toContain('chile');
    await engine.upsert([doc('volcano', 'Núi lửa phun trào', 'Núi lửa Kilauea phun trào dữ dội.')].map(prepareDocument));
    await engine.commit();
    expect(await found('kilauea')).toEqual(['volcano']);
    await vi.waitFor(async () => expect(await found('kilaeua')).toEqual(['volcano']));
    await reader.close();
  });

  it('counts and filters facets right after another process adds, updates and deletes documents', async () => {
    await engine.commit();
    const reader = new SqliteEngine({ dataDir });
    const seen = async (searcher: SqliteEngine) => ({
      facets: await searcher.facets(),
      chilean: (await searcher.search(request('', { filters: { party: ['Đảng Cộng sản Chile'] } }))).hits.map((hit) => hit.id),
    });
    const fresh = async () => {
      const other = new SqliteEngine({ dataDir });
      try {
        return await seen(other);
      } finally {
        await other.close();
      }
    };
    expect(await seen(reader)).toEqual(await fresh());
    await engine.upsert([doc('late', 'Điện mừng', 'Điện mừng Đảng Cộng sản Chile.', { parties: ['Đảng Cộng sản Chile'], countries: ['Chile'], year: 2023 })].map(prepareDocument));
    await engine.upsert([{ ...DOCUMENTS[0]!, parties: [], countries: ['Chile'] }].map(prepareDocument));
    await engine.delete(['japan']);
    await engine.commit();
    const after = await seen(reader);
    expect(after).toEqual(await fresh());
    expect(after.chilean).toEqual(['late']);
    expect(after.facets.party['Đảng Cộng sản Nhật Bản']).toBeUndefined();
    await reader.close();
  });

  it('shows the new text of an updated document, in this process and in another', async () => {
    await engine.commit();
    const reader = new SqliteEngine({ dataDir });
    const snippet = async (searcher: SqliteEngine) => (await searcher.search(request('chile'))).hits.find((hit) => hit.id === 'chile')?.snippet;
    expect(await snippet(reader)).toContain('Hội thảo');
    expect(await snippet(engine)).toContain('Hội thảo');
    await engine.upsert([doc('chile', 'Đảng Cộng sản Chile', 'Điện mừng Đảng Cộng sản Chile.')].map(prepareDocument));
    await engine.commit();
    expect(await snippet(engine)).toBe('Điện mừng Đảng Cộng sản <mark>Chile</mark>.');
    expect(await snippet(reader)).toBe('Điện mừng Đảng Cộng sản <mark>Chile</mark>.');
    await reader.close();
  });

  it('warms up before it reports ready, without changing any answer', async () => {
    await engine.commit();
    const warmed = new SqliteEngine({ dataDir, warmTerms: 5, warmUpSearches: 5 });
    await warmed.ping();
    const cold = new SqliteEngine({ dataDir });
    for (const q of ['hoi thao chile', 'Đảng Cộng sản', 'ban hang', 'truyền thống']) expect(await warmed.search(request(q))).toEqual(await cold.search(request(q)));
    await Promise.all([warmed.close(), cold.close()]);
  });

  it('answers a repeated search from its cache, frozen so that no caller can change it', async () => {
    const first = await engine.search(request('chile'));
    expect(await engine.search(request('chile'))).toBe(first);
    expect(() => first.hits.pop()).toThrow(TypeError);
    expect(() => Object.assign(first.facets.country, { Chile: 0 })).toThrow(TypeError);
  });

  it('refuses an index of another format, and configure replaces it with an empty one', async () => {
    await engine.close();
    const path = join(dataDir, readdirSync(dataDir).find((name) => name.endsWith('.db'))!);
    const db = new Database(path);
    db.pragma('user_version = 1');
    db.close();
    engine = new SqliteEngine({ dataDir });
    await expect(engine.ping()).rejects.toThrow(/index format 1 .*run `vnsearch index`/);
    await engine.configure();
    expect((await engine.stats()).documents).toBe(0);
  });

  it('is unavailable, with a message saying what to do, before anything is indexed', async () => {
    const empty = new SqliteEngine({ dataDir: join(dataDir, 'nothing') });
    await expect(empty.ping()).rejects.toThrow(/vnsearch index/);
  });
});
