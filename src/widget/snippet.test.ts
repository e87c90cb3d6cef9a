import { describe, expect, it } from 'vitest';
import { parseSnippet } from './snippet.ts';

describe('parseSnippet', () => {
  it('splits marked and plain runs of a Vietnamese snippet', () => {
    expect(parseSnippet('Hội thảo giữa <mark>Đảng</mark> <mark>Cộng</mark> <mark>sản</mark> Chile')).toEqual([
      { text: 'Hội thảo giữa ', marked: false },
      { text: 'Đảng', marked: true },
      { text: ' ', marked: false },
      { text: 'Cộng', marked: true },
      { text: ' ', marked: false },
      { text: 'sản', marked: true },
      { text: ' Chile', marked: false },
    ]);
  });

  it('decodes escaped text so it is shown, not interpreted', () => {
    expect(parseSnippet('Việt Nam &amp; Chile &lt;script&gt;alert(1)&lt;/script&gt; &#39;ok&#x27; &quot;x&quot;')).toEqual([
      { text: `Việt Nam & Chile <script>alert(1)</script> 'ok' "x"`, marked: false },
    ]);
  });

  it('drops any tag other than mark, keeping its text', () => {
    expect(parseSnippet('<b onclick="x()">Hà Nội</b> <img src=x onerror=alert(1)><MARK>Chile</MARK>')).toEqual([
      { text: 'Hà Nội ', marked: false },
      { text: 'Chile', marked: true },
    ]);
  });

  it('leaves unknown entities and stray closing marks harmless', () => {
    expect(parseSnippet('</mark>Tết &foo; &#0; <mark>Đà Nẵng')).toEqual([
      { text: 'Tết &foo; &#0; ', marked: false },
      { text: 'Đà Nẵng', marked: true },
    ]);
  });
});
