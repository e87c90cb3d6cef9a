import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface HtmlArticle {
  /** The article as plain lines, one block element per line. */
  text: string;
  title: string | null;
  publishedTime: string | null;
  siteName: string | null;
  url: string | null;
  /** Every line of the page's text, clutter included: where publication stamps are looked for. */
  pageLines: string[];
}

const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, td, th, dt, dd';

function blockText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCK_SELECTOR)].filter((element) => element.querySelector(BLOCK_SELECTOR) === null);
  if (blocks.length === 0) return document.body.textContent ?? '';
  return blocks.map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()).join('\n\n');
}

function meta(document: Document, ...names: string[]): string | null {
  for (const name of names) {
    const element = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

/** The article of an HTML page, by Mozilla Readability; falls back to the page's text. */
export function readHtml(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const headline = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null;
  const siteName = meta(document, 'og:site_name');
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url');
  const publishedTime = meta(document, 'article:published_time', 'datePublished', 'pubdate', 'date');
  const fallbackText = document.body ? blockText(document.body.innerHTML) : '';
  // Stamps (`Cập nhật: 08:15 | 20/06/2017`) sit in inline elements that Readability drops.
  const pageLines = (document.body?.textContent ?? '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  // Readability edits the document it reads, so it gets the page after everything else is read.
  const article = new Readability(document as unknown as Document).parse();
  const text = article?.content ? blockText(article.content) : fallbackText;
  return {
    text,
    title: headline ?? article?.title?.trim() ?? null,
    publishedTime: article?.publishedTime ?? publishedTime,
    siteName: article?.siteName ?? siteName,
    url: url ?? null,
    pageLines,
  };
}
