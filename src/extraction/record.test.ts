import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { recordToDocument } from './record.ts';

const RECORD = {
  id: 21462133,
  title: 'Thủ tướng Nhật Bản thăm Việt Nam',
  sapo: 'Sáng 16/1, Thủ tướng Nhật Bản Shinzo Abe đã tới Hà Nội, bắt đầu chuyến thăm chính thức Việt Nam.',
  body: 'Chuyến thăm diễn ra từ ngày 16/1/2017 đến 17/1/2017. Hai bên đã trao đổi về hợp tác giữa hai nước. Theo VnExpress',
};

describe('recordToDocument', () => {
  it('turns a baomoi-style record into a document: sapo as lead, facts from the text', () => {
    const doc = recordToDocument(RECORD, 'corpus.jsonl', 1);
    expect(doc.id).toBe('21462133');
    expect(doc.body.split('\n\n')).toEqual([RECORD.sapo, RECORD.body]);
    // The visit's dates are the event's: the record prints no publication stamp.
    expect([doc.date, doc.year, doc.date_source]).toEqual([null, null, null]);
    expect(doc.source).toBe('VnExpress');
    expect(doc.countries.sort()).toEqual(['Nhật Bản', 'Việt Nam']);
    expect(doc.parties).toEqual([]);
  });

  it('takes the publication date from the stamp the outlet prints, not from the events', () => {
    const doc = recordToDocument({ ...RECORD, body: `${RECORD.body} Thanh Chương - Thể thao Việt Nam | 16:35 18/01/2017` }, 'corpus.jsonl', 1);
    expect([doc.date, doc.year, doc.date_source]).toEqual(['2017-01-18', 2017, 'explicit']);
  });

  it('lets metadata fields win and canonicalizes names through the configuration', () => {
    const doc = recordToDocument({ ...RECORD, id: 'x1', date: '2017-01-15', source: 'tuoitre.vn', url: 'https://tuoitre.vn/a', parties: ['ĐCSVN'], countries: 'Mỹ, Xứ Sở Lạ' }, 'corpus.jsonl', 2);
    expect([doc.date, doc.year, doc.date_source]).toEqual(['2017-01-15', 2017, 'metadata']);
    expect(doc.source).toBe('Tuổi Trẻ');
    expect(doc.url).toBe('https://tuoitre.vn/a');
    expect(doc.parties).toEqual(['Đảng Cộng sản Việt Nam']);
    expect(doc.countries).toEqual(['Hoa Kỳ', 'Xứ Sở Lạ']);
  });

  it('normalizes Unicode (decomposed input becomes NFC)', () => {
    const doc = recordToDocument({ id: '7', title: 'Đảng'.normalize('NFD'), body: 'Quan hệ Việt Nam - Lào.'.normalize('NFD') }, 'c.jsonl', 3);
    expect(doc.title).toBe('Đảng');
    expect(doc.countries.sort()).toEqual(['Lào', 'Việt Nam']);
  });

  it('keeps a record that has only a headline', () => {
    const document = recordToDocument({ id: '22321389', title: 'Video Xuân Trường gửi lời chúc tới U20 Việt Nam', sapo: '', body: '' }, 'corpus.jsonl', 7);
    expect(document).toMatchObject({ id: '22321389', title: 'Video Xuân Trường gửi lời chúc tới U20 Việt Nam', body: '', countries: ['Việt Nam'] });
  });

  it.each([
    [{ title: 't', body: 'b' }, /field "id" is required/],
    [{ id: '1', body: 'b' }, /field "title" is required/],
    [{ id: '1', title: 't' }, /field "body" is required/],
    [{ id: '1', title: 't', body: 'b', parties: 5 }, /field "parties"/],
    [{ id: '1', title: ' ', body: 'b' }, /field "title" is invalid/],
    [[1, 2], /not a JSON object/],
    [{ id: '1', title: 't', body: 'b', url: 'javascript:alert(1)' }, /field "url" is invalid: must be an http\(s\) URL/],
    [{ id: '1', title: 't', body: 'b', url: 'data:text/html,<script>alert(1)</script>' }, /field "url" is invalid/],
    [{ id: '1', title: 't', body: 'b', url: 'ftp://example.org/a' }, /field "url" is invalid/],
  ])('reports a bad record with file, line and field', (record, message) => {
    try {
      recordToDocument(record, 'corpus.jsonl', 42);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).describe()).toMatch(/^corpus\.jsonl:42: /);
      expect((error as InputError).message).toMatch(message);
    }
  });
});
