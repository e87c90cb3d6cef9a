import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { decodeInput, extractDocument, formatOf } from './index.ts';

const CORPUS = new URL('../../docs-corpus/', import.meta.url);

function extractSample(name: string) {
  const file = `docs-corpus/${name}.txt`;
  const text = decodeInput(readFileSync(new URL(`${name}.txt`, CORPUS)), file);
  return extractDocument({ id: name, file, text, format: 'txt' });
}

const BOILERPLATE = [
  'Tin liên quan',
  'Đừng bỏ lỡ',
  'Các tin khác',
  'CÓ THỂ BẠN QUAN TÂM',
  'Ý kiến bình luận',
  'Họ và tên',
  'Xác thực',
  'Thống kê truy cập',
  'leftcenterrightdel',
  'ipv6 ready',
  'Mừng Đảng mừng Xuân',
  'Logo',
  'Đăng nhập',
  'Đọc nhiều',
  'Rất hay',
  'BÌNH LUẬN',
  'Phản hồi',
  'Tin Tài Trợ',
  'Thông tin mới nhất',
  'Theo dangcongsan.vn',
  'Mạnh Hùng',
  'VOV.VN -',
  '(ĐCSVN)',
  'Thứ hai, 26/04/2021',
];

function expectClean(body: string): void {
  for (const clutter of BOILERPLATE) expect(body).not.toContain(clutter);
  const paragraphs = body.split('\n\n');
  expect(new Set(paragraphs).size).toBe(paragraphs.length);
}

describe('extractDocument on the five sample pages', () => {
  it('000: VOV page with related-news teasers about Germany, Cambodia and Singapore', () => {
    const doc = extractSample('000_84a1a76b7fe00136');
    expect(doc.title).toBe('Hội thảo trực tuyến giữa Đảng Cộng sản Việt Nam và Đảng Cộng sản Chile');
    expectClean(doc.body);
    const paragraphs = doc.body.split('\n\n');
    expect(paragraphs).toHaveLength(7);
    expect(paragraphs[0]).toMatch(/^Trưởng Ban Đối ngoại Trung ương nhấn mạnh/);
    expect(paragraphs[1]).toMatch(/^Sáng 6\/8 tại Hà Nội/);
    expect(paragraphs.at(-1)).toMatch(/hai nước trong thời gian tới\.\/\.$/);
    expect(doc.body).not.toContain('Heng Samrin');
    expect(doc.source).toBe('VOV');
    expect(doc.parties.sort()).toEqual(['Đảng Cộng sản Chile', 'Đảng Cộng sản Việt Nam']);
    expect(doc.countries.sort()).toEqual(['Chile', 'Việt Nam']);
    // `Sáng 6/8` has no year anywhere in the article: unknown, not guessed.
    expect([doc.date, doc.year, doc.date_source]).toEqual([null, null, null]);
  });

  it('001: banner before the headline, repeated lead, poll and "Đừng bỏ lỡ" list after the end', () => {
    const doc = extractSample('001_99c29ac0f43dab05');
    expect(doc.title).toBe('Việt Nam mong muốn hợp tác với các nước bạn bè truyền thống ở Mỹ Latinh');
    expectClean(doc.body);
    const paragraphs = doc.body.split('\n\n');
    expect(paragraphs[0]).toMatch(/^Chủ tịch nước nhấn mạnh Việt Nam mong muốn hợp tác/);
    expect(paragraphs.filter((p) => p.startsWith('Chủ tịch nước nhấn mạnh Việt Nam mong muốn hợp tác'))).toHaveLength(2);
    expect(doc.body).toContain('Trong khuôn khổ chuyến thăm chính thức Cộng hòa Chile, chiều 10/11');
    expect(paragraphs.at(-1)).toMatch(/ngày càng đi vào chiều sâu, hiệu quả\.\/\.$/);
    expect(doc.body).not.toMatch(/Hà Lan|Kinhtedothi|Feb|sức mạnh mềm/);
    expect(doc.parties.sort()).toEqual(['Đảng Cộng sản Việt Nam', 'Đảng Xã hội Chile']);
    // `Mỹ Latinh` and `Nam Mỹ` are regions, not the United States.
    expect(doc.countries.sort()).toEqual(['Chile', 'Việt Nam']);
    // 1969 and 1971 are history in the text, `chiều 10/11` has no year: unknown.
    expect(doc.year).toBeNull();
  });

  it('002: headline, then a caption printed twice, then the article', () => {
    const doc = extractSample('002_88313b1c3e7cdaa5');
    expect(doc.title).toBe('Tiếp tục thúc đẩy quan hệ giữa hai Đảng, hai nước Việt Nam - Campuchia');
    expectClean(doc.body);
    const paragraphs = doc.body.split('\n\n');
    expect(paragraphs.filter((p) => p.startsWith('Hội nghị trực tuyến giữa'))).toHaveLength(1);
    expect(doc.body).toContain('Ngày 18/5, đồng chí Lê Hoài Trung');
    expect(paragraphs.at(-1)).toMatch(/truyền tiếp cho các thế hệ mai sau\.\/\.$/);
    expect(doc.parties.sort()).toEqual(['Đảng Cộng sản Việt Nam', 'Đảng Nhân dân Campuchia']);
    expect(doc.countries.sort()).toEqual(['Campuchia', 'Việt Nam']);
    expect(doc.year).toBeNull();
  });

  it('003: visitor counter before the headline, source line and certificate after the end', () => {
    const doc = extractSample('003_a0d7a5b1341942cd');
    expect(doc.title).toBe('Hội đàm trực tuyến giữa hai Đảng Cộng sản Việt Nam - Trung Quốc');
    expectClean(doc.body);
    const paragraphs = doc.body.split('\n\n');
    expect(paragraphs[0]).toMatch(/^Ngày 19\/4, đồng chí Lê Hoài Trung/);
    expect(paragraphs.at(-1)).toMatch(/hợp tác cụ thể\.\/\.$/);
    expect(doc.source).toBe('Báo điện tử Đảng Cộng sản Việt Nam');
    expect(doc.parties.sort()).toEqual(['Đảng Cộng sản Trung Quốc', 'Đảng Cộng sản Việt Nam']);
    expect(doc.countries.sort()).toEqual(['Trung Quốc', 'Việt Nam']);
    // `giai đoạn 2021-2025` is a plan, not the date of `Ngày 19/4`: unknown.
    expect(doc.year).toBeNull();
  });

  it('004: dateline gives the date, (ĐCSVN) the source, the byline and comment form go', () => {
    const doc = extractSample('004_653d039b11cd7ad3');
    expect(doc.title).toBe('Coi trọng quan hệ hữu nghị truyền thống với Đảng Cộng sản Nhật Bản');
    expectClean(doc.body);
    const paragraphs = doc.body.split('\n\n');
    expect(paragraphs[0]).toMatch(/^Đồng chí Lê Hoài Trung khẳng định, Đảng Cộng sản Việt Nam coi trọng/);
    expect(doc.body).toContain('Ngày 26/4, đồng chí Lê Hoài Trung');
    expect(paragraphs.at(-1)).toBe('Hai bên cũng trao đổi ý kiến về các vấn đề khu vực và thế giới cùng quan tâm./.');
    expect([doc.date, doc.year, doc.date_source]).toEqual(['2021-04-26', 2021, 'explicit']);
    expect(doc.source).toBe('Báo điện tử Đảng Cộng sản Việt Nam');
    expect(doc.parties.sort()).toEqual(['Đảng Cộng sản Nhật Bản', 'Đảng Cộng sản Việt Nam']);
    expect(doc.countries.sort()).toEqual(['Nhật Bản', 'Việt Nam']);
  });
});

const ARTICLE = [
  'Ngày 12/3/2024, Trưởng Ban Đối ngoại Trung ương đã tiếp đoàn đại biểu Đảng Nhân dân Cách mạng Lào do đồng chí Thong-xa-vẳn dẫn đầu, nhân dịp đoàn sang thăm và làm việc tại Việt Nam.',
  'Hai bên nhất trí tiếp tục tăng cường quan hệ đặc biệt giữa hai Đảng, hai nước Việt Nam và Lào, thúc đẩy hợp tác trên các lĩnh vực mà hai bên cùng quan tâm./.',
].join('\n\n');

describe('extractDocument on Markdown and HTML', () => {
  it('Markdown front matter overrides what the text says', () => {
    const text = `---\ntitle: Tiêu đề từ front matter\ndate: 2024-03-13\nsource: nhandan.vn\nurl: https://nhandan.vn/a\ncountries: [Mỹ]\n---\n# Tiêu đề trong bài\n\n${ARTICLE}\n`;
    const doc = extractDocument({ id: 'a', file: 'a.md', text, format: 'md' });
    expect(doc.title).toBe('Tiêu đề từ front matter');
    expect([doc.date, doc.year, doc.date_source]).toEqual(['2024-03-13', 2024, 'metadata']);
    expect(doc.source).toBe('Nhân Dân');
    expect(doc.url).toBe('https://nhandan.vn/a');
    expect(doc.countries).toEqual(['Hoa Kỳ']);
    expect(doc.parties).toEqual(['Đảng Nhân dân Cách mạng Lào']);
  });

  it("Markdown without front matter: the # heading is the title; the lead's date is the event's, not the publication date", () => {
    const doc = extractDocument({ id: 'b', file: 'b.md', text: `# Tiếp đoàn Đảng Lào\n\n${ARTICLE}`, format: 'md' });
    expect(doc.title).toBe('Tiếp đoàn Đảng Lào');
    expect(doc.body.startsWith('Ngày 12/3/2024')).toBe(true);
    expect([doc.date, doc.date_source]).toEqual([null, null]);
    expect(doc.countries.sort()).toEqual(['Lào', 'Việt Nam']);
  });

  it('bad front matter is an InputError naming the field', () => {
    const text = `---\nurl: not a url\n---\n${ARTICLE}`;
    expect(() => extractDocument({ id: 'c', file: 'c.md', text, format: 'md' })).toThrow(/front matter field "url"/);
    const script = `---\nurl: "javascript:alert(1)"\n---\n${ARTICLE}`;
    expect(() => extractDocument({ id: 'c', file: 'c.md', text: script, format: 'md' })).toThrow(/front matter field "url": must be an http\(s\) URL/);
  });

  it('HTML: Readability keeps the article, drops navigation and footer, reads page metadata', () => {
    const html = `<!doctype html><html><head><title>Tiếp đoàn Đảng Lào | Báo Nhân Dân</title>
      <meta property="article:published_time" content="2024-03-12T10:00:00+07:00">
      <meta property="og:site_name" content="Báo Nhân Dân"><link rel="canonical" href="https://nhandan.vn/tiep-doan">
      </head><body><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/the-gioi">Thế giới</a></li></ul></nav>
      <article><h1>Tiếp đoàn Đảng Nhân dân Cách mạng Lào</h1>${ARTICLE.split('\n\n')
        .map((p) => `<p>${p}</p>`)
        .join('')}</article>
      <footer><p>Bản quyền thuộc về Báo Nhân Dân. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></footer></body></html>`;
    const doc = extractDocument({ id: 'd', file: 'd.html', text: html, format: 'html' });
    expect(doc.title).toBe('Tiếp đoàn Đảng Nhân dân Cách mạng Lào');
    expect(doc.body).toBe(ARTICLE);
    expect([doc.date, doc.date_source]).toEqual(['2024-03-12', 'metadata']);
    expect(doc.source).toBe('Nhân Dân');
    expect(doc.url).toBe('https://nhandan.vn/tiep-doan');
  });

  it('HTML without metadata: the `Cập nhật` stamp is the publication date, og:site_name the source', () => {
    const html = `<!doctype html><html><head><meta property="og:site_name" content="Báo Làng Xã"></head><body>
      <div class="meta"><span>Cập nhật: 08:15 | 20/06/2017</span></div>
      <article><h1>Tiếp đoàn Đảng Nhân dân Cách mạng Lào</h1>${ARTICLE.split('\n\n')
        .map((p) => `<p>${p}</p>`)
        .join('')}</article></body></html>`;
    const doc = extractDocument({ id: 'f', file: 'f.html', text: html, format: 'html' });
    expect([doc.date, doc.year, doc.date_source]).toEqual(['2017-06-20', 2017, 'explicit']);
    expect(doc.source).toBe('Báo Làng Xã');
  });

  it('a page with no article left is an InputError for that file', () => {
    const text = 'Trang chủ\nĐăng nhập\nLiên hệ | Quảng cáo\n';
    expect(() => extractDocument({ id: 'e', file: 'e.txt', text, format: 'txt' })).toThrow(InputError);
  });
});

describe('formatOf', () => {
  it('maps extensions to formats', () => {
    expect(['a.txt', 'b.MD', 'c.markdown', 'd.html', 'e.htm', 'f.pdf', 'g'].map(formatOf)).toEqual(['txt', 'md', 'md', 'html', 'html', null, null]);
  });
});
