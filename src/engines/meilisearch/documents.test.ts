import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../types/document.ts';
import { documentKey, fromMeiliDocument, toMeiliDocument } from './documents.ts';
import { prepareDocument } from '../../analysis/fields.ts';

const meili = (document: SearchDocument) => toMeiliDocument(prepareDocument(document));

const article: SearchDocument = {
  id: '003_a0d7a5b1341942cd',
  title: 'Hội đàm trực tuyến giữa hai Đảng Cộng sản Việt Nam - Trung Quốc',
  body: 'Ngày 19/4, đồng chí Lê Hoài Trung đã hội đàm với đồng chí Tống Đào.\n\nHai bên trao đổi về chủ nghĩa Mác - Lê-nin và quan hệ hoà bình.',
  date: '2022-04-19',
  year: 2022,
  date_source: 'explicit',
  source: 'Ban Đối ngoại Trung ương',
  url: null,
  parties: ['Đảng Cộng sản Việt Nam', 'Đảng Cộng sản Trung Quốc'],
  countries: ['Việt Nam', 'Trung Quốc'],
};

describe('toMeiliDocument', () => {
  it('sends our document with its key, the folded, exact and joined search fields, and its exact terms', () => {
    const { exact_terms: exactTerms, word_terms: wordTerms, ...sent } = meili(article);
    expect(sent).toEqual({
      doc_key: documentKey(article.id),
      ...article,
      title_folded: 'hoi dam truc tuyen giua hai dang cong san viet nam trung quoc',
      title_exact: 'hooij ddamf truwcj tuyeens giuwax hai ddangr coongj sanr vieetj nam trung quoocs',
      body_folded: 'ngay 19 4 dong chi le hoai trung da hoi dam voi dong chi tong dao hai ben trao doi ve chu nghia mac le nin va quan he hoa binh',
      joined: 'lenin',
    });
    expect(exactTerms).toEqual(expect.arrayContaining(['hooij', 'ddamf', 'hooij_ddamf', 'trung_quoocs', 'ngayf_19', 'hoaf_binhf', 'chur_nghiax']));
    expect(wordTerms).toEqual(expect.arrayContaining(['hooij_ddamf', 'truwcj_tuyeens', 'hoaf_binhf']));
  });

  it('holds each exact key and adjacent pair of the title and the body once, no pair across them', () => {
    const { exact_terms: terms } = meili({ ...article, title: 'Bán hàng', body: 'Hàng bán, hàng bán.' });
    expect(terms.sort()).toEqual(['bans', 'bans_hangf', 'hangf', 'hangf_bans'].sort());
    expect(terms).not.toContain('hangf_hangf');
  });

  it('keeps bán hàng and bạn hàng apart in the exact field only', () => {
    const selling = meili({ ...article, title: 'Bán hàng' });
    const partner = meili({ ...article, title: 'Bạn hàng' });
    expect(selling.title_folded).toBe(partner.title_folded);
    expect([selling.title_exact, partner.title_exact]).toEqual(['bans hangf', 'banj hangf']);
  });

  it('gives both tone placements of hòa/hoà one exact key', () => {
    expect(meili({ ...article, title: 'hoà bình' }).title_exact).toBe(meili({ ...article, title: 'hòa bình' }).title_exact);
  });
});

describe('documentKey', () => {
  const ids = ['003_a0d7a5b1341942cd', '21462133', 'Bài viết/Đảng Cộng sản (2017).txt', 'a'.repeat(2000), '', '../etc/passwd', 'id with "quotes" and \\ backslash'];

  it('is a valid Meilisearch document id for any of our ids', () => {
    for (const id of ids) expect(documentKey(id)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is stable and tells ids apart', () => {
    expect(documentKey('21462133')).toBe(documentKey('21462133'));
    expect(new Set(ids.map(documentKey)).size).toBe(ids.length);
  });
});

describe('fromMeiliDocument', () => {
  it('returns the stored document as it was indexed', () => {
    const { doc_key: _key, title_folded: _a, title_exact: _b, body_folded: _c, exact_terms: _d, word_terms: _w, joined: _e, ...stored } = meili(article);
    expect(fromMeiliDocument(stored)).toEqual(article);
  });

  it('fills absent fields with nulls and empty lists', () => {
    expect(fromMeiliDocument({ id: '21462133', title: 'Tin', body: 'Nội dung', _federation: { weight: 1 } })).toEqual({
      id: '21462133',
      title: 'Tin',
      body: 'Nội dung',
      date: null,
      year: null,
      date_source: null,
      source: null,
      url: null,
      parties: [],
      countries: [],
    });
  });
});
