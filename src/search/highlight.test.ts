import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, highlightDocument } from './highlight.ts';
import { analyzeQuery, type AnalyzedQuery } from './query.ts';

/** The snippet of a document with no title. */
const buildSnippet = (body: string | Uint8Array, query: AnalyzedQuery, maxChars?: number) => highlightDocument('', body, query, maxChars).snippet;

describe('highlightDocument: snippets', () => {
  it('marks folded matches in the original spelling', () => {
    expect(buildSnippet('Đảng Cộng sản Chile và Việt Nam', analyzeQuery('dang cong san chile'))).toBe('<mark>Đảng</mark> <mark>Cộng</mark> <mark>sản</mark> <mark>Chile</mark> và Việt Nam');
  });

  it('marks only the exact words when a diacritized query has them in the text', () => {
    expect(buildSnippet('Bạn hàng và bán hàng', analyzeQuery('bán hàng'))).toBe('Bạn <mark>hàng</mark> và <mark>bán</mark> <mark>hàng</mark>');
  });

  it('marks the i/y and tone placement variants of a word, and whole words only', () => {
    expect(buildSnippet('Kĩ năng và kỹ thuật, hoà bình; Hoàng', analyzeQuery('ky nang hoa'))).toBe('<mark>Kĩ</mark> <mark>năng</mark> và <mark>kỹ</mark> thuật, <mark>hoà</mark> bình; Hoàng');
  });

  it('finds matches deep in a long article and centres the excerpt on them', () => {
    const text = `${'Mở đầu dài dòng. '.repeat(2000)}Hội thảo với Đảng Cộng sản Chile. ${'Kết thúc. '.repeat(40)}`;
    const html = buildSnippet(text, analyzeQuery('cộng sản chile'), 120);
    expect(html).toMatch(/^….*<mark>Cộng<\/mark> <mark>sản<\/mark> <mark>Chile<\/mark>.*…$/);
    const plain = html.replace(/<\/?mark>/g, '');
    expect(plain.indexOf('Chile')).toBeGreaterThan(30);
    expect(plain.length - plain.indexOf('Chile')).toBeGreaterThan(30);
  });

  it('prefers the excerpt holding more of the different query words over one repeating a word', () => {
    const text = `Hàng hóa, hàng hiệu, hàng xách tay và hàng giả. ${'Tin khác. '.repeat(30)}Giá bán hàng tăng.`;
    const html = buildSnippet(text, analyzeQuery('bán hàng'), 60);
    expect(html).toMatch(/^….*Giá <mark>bán<\/mark> <mark>hàng<\/mark> tăng\.$/);
    expect(html).not.toContain('hiệu');
  });

  it('gives the same excerpt from the UTF-8 bytes as from the text', () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const words = ['Đảng', 'Cộng', 'sản', 'Chile', 'Việt', 'Nam', 'kỹ', 'thuật', 'hoà', 'bình', '<b>', '&', 'Москва', '😀', '\n\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 200 }), fc.subarray(words, { minLength: 1, maxLength: 3 }), (textWords, queryWords) => {
        const text = textWords.join(' ');
        const query = analyzeQuery(queryWords.join(' '));
        expect(buildSnippet(encode(text), query, 80)).toBe(buildSnippet(text, query, 80));
      }),
    );
  });

  it('counts an emoji as one character, as in stored text: a text that fits is shown whole', () => {
    const text = 'thuật Đảng hoà 😀 Đảng sản Chile Chile <b>';
    expect(buildSnippet(text, analyzeQuery('<b>'), 80)).toBe('thuật Đảng hoà 😀 Đảng sản Chile Chile &lt;<mark>b</mark>&gt;');
  });

  it('escapes everything but the marks', () => {
    const html = buildSnippet('<img src=x onerror=alert(1)> "Chile" & co', analyzeQuery('chile'));
    expect(html).toBe('&lt;img src=x onerror=alert(1)&gt; &quot;<mark>Chile</mark>&quot; &amp; co');
  });

  it('cuts a window around the matches', () => {
    const text = `${'Mở đầu dài dòng. '.repeat(40)}Hội thảo với Đảng Cộng sản Chile. ${'Kết thúc. '.repeat(40)}`;
    const html = buildSnippet(text, analyzeQuery('chile'), 120);
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html).toContain('<mark>Chile</mark>');
    expect(html.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(130);
  });

  it('starts at the beginning when nothing matches', () => {
    expect(buildSnippet('Tin thể thao hôm nay', analyzeQuery(''))).toBe('Tin thể thao hôm nay');
  });
});

describe('highlightDocument: what is marked', () => {
  const body = 'Bạn đọc hỏi: bạn nên mua ở đâu? Bạn bè và bạn hàng đều khen cửa hàng.';

  it('marks only the exact forms of a diacritized query that the title holds, not their twins in the body', () => {
    const { titleHtml, snippet } = highlightDocument('Bí quyết bán hàng online', body, analyzeQuery('bán hàng'));
    expect(titleHtml).toBe('Bí quyết <mark>bán</mark> <mark>hàng</mark> online');
    expect(snippet).not.toContain('<mark>Bạn</mark>');
    expect(snippet).not.toContain('<mark>bạn</mark>');
    expect(snippet).toContain('bạn <mark>hàng</mark>');
  });

  it('marks the forms with other diacritics when the document holds no exact form of a word', () => {
    const { titleHtml, snippet } = highlightDocument('Bạn bè thời chiến', 'Những người bạn cũ gặp lại.', analyzeQuery('bán'));
    expect(titleHtml).toBe('<mark>Bạn</mark> bè thời chiến');
    expect(snippet).toBe('Những người <mark>bạn</mark> cũ gặp lại.');
  });

  it('marks every form of a word typed without diacritics', () => {
    expect(highlightDocument('Bán hàng và bạn hàng', '', analyzeQuery('ban hang')).titleHtml).toBe('<mark>Bán</mark> <mark>hàng</mark> và <mark>bạn</mark> <mark>hàng</mark>');
  });

  it('marks the reading that found the document: the Telex decoding where the typed words are not all there', () => {
    const { titleHtml, snippet } = highlightDocument('Trump muốn nói gì', 'Trump nói: muốn lắm!', analyzeQuery('trump muoons nois'));
    expect(titleHtml).toBe('<mark>Trump</mark> <mark>muốn</mark> <mark>nói</mark> gì');
    expect(snippet).toBe('<mark>Trump</mark> <mark>nói</mark>: <mark>muốn</mark> lắm!');
  });

  it('marks the typed words where the document holds them all', () => {
    const { titleHtml, snippet } = highlightDocument('Làm ảnh GIF thế nào', 'Lamf là gì?', analyzeQuery('lamf gif'));
    expect(titleHtml).toBe('Làm ảnh <mark>GIF</mark> thế nào');
    expect(snippet).toBe('<mark>Lamf</mark> là gì?');
  });

  it('marks a place once when two query words fold alike', () => {
    expect(highlightDocument('Bàn ghế', 'Mua bàn mới.', analyzeQuery('bán bạn')).titleHtml).toBe('<mark>Bàn</mark> ghế');
    expect(highlightDocument('Bàn ghế', 'Mua bàn mới.', analyzeQuery('ban ban')).snippet).toBe('Mua <mark>bàn</mark> mới.');
  });

  it('escapes the title exactly like the snippet', () => {
    const title = '<img src=x onerror=alert(1)> "Chile" & co';
    const { titleHtml, snippet } = highlightDocument(title, title, analyzeQuery('chile'));
    expect(titleHtml).toBe('&lt;img src=x onerror=alert(1)&gt; &quot;<mark>Chile</mark>&quot; &amp; co');
    expect(titleHtml).toBe(snippet);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
