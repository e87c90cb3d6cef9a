import { InputError } from '../errors.ts';
import type { SearchDocument } from '../types/document.ts';
import { cleanPage } from './boilerplate.ts';
import { datelineDate, metadataDate, NO_DATE, stampedDate, type DateFacts } from './dates.ts';
import type { InputFormat } from './decode.ts';
import { canonicalFacetValues, extractFacets, type Facets } from './facets.ts';
import { readHtml } from './html.ts';
import { markdownToText, splitFrontMatter, type FrontMatter } from './markdown.ts';
import { canonicalSource, knownSource } from './sources.ts';
import { normalizeText } from './text.ts';

/** What the file itself says about the document, before its text is read. */
export interface DocumentMetadata {
  title?: string | undefined;
  date?: string | number | Date | undefined;
  year?: number | undefined;
  source?: string | undefined;
  url?: string | undefined;
  parties?: string[] | undefined;
  countries?: string[] | undefined;
}

const TITLE_FALLBACK_WORDS = 20;

function firstSentence(text: string): string {
  const sentence = /^.*?[.!?…](?=\s|$)/u.exec(text)?.[0] ?? text;
  const words = sentence.split(/\s+/);
  return words.length <= TITLE_FALLBACK_WORDS ? sentence : `${words.slice(0, TITLE_FALLBACK_WORDS).join(' ')}…`;
}

/**
 * The publication date: metadata wins; a bare metadata year keeps the page's full date only when
 * they agree. `fromPage` reads datelines and stamps only, never the dates events in the text carry.
 */
export function resolveDate(meta: DocumentMetadata, fromPage: () => DateFacts): DateFacts {
  const given = meta.date === undefined ? null : metadataDate(meta.date);
  if (given) return meta.year === undefined || meta.year === given.year ? given : { ...given, date: null, year: meta.year };
  if (meta.year !== undefined) {
    const page = fromPage();
    return page.year === meta.year ? { ...page, date_source: 'metadata' } : { date: null, year: meta.year, date_source: 'metadata' };
  }
  return fromPage();
}

export function resolveSource(meta: DocumentMetadata, hints: readonly string[]): string | null {
  if (meta.source !== undefined) return canonicalSource(meta.source, true);
  for (const hint of hints) {
    const source = canonicalSource(hint, false);
    if (source !== null) return source;
  }
  return meta.url === undefined ? null : knownSource(meta.url);
}

/** Metadata facets win, canonicalized through the gazetteer; missing ones come from the text. */
export function resolveFacets(meta: DocumentMetadata, text: string): Facets {
  const extracted = meta.parties !== undefined && meta.countries !== undefined ? null : extractFacets(text);
  const parties = meta.parties !== undefined ? canonicalFacetValues(meta.parties, 'party') : extracted!.parties;
  const countries = meta.countries !== undefined ? canonicalFacetValues(meta.countries, 'country') : extracted!.countries;
  return { parties, countries };
}

function frontMatterMetadata(meta: FrontMatter): DocumentMetadata {
  return { ...meta };
}

/**
 * Extracts one document from a whole file's text: the article without page clutter, its headline,
 * date, outlet and the parties and countries it mentions. Throws InputError when no article is left.
 */
export function extractDocument(input: { id: string; file: string; text: string; format: InputFormat }): SearchDocument {
  const text = normalizeText(input.text);
  let meta: DocumentMetadata = {};
  let content = text;
  let titleHint: string | null = null;
  let pageLines: string[] = [];
  if (input.format === 'md') {
    const { meta: frontMatter, content: markdown } = splitFrontMatter(text, input.file);
    const { text: plain, heading } = markdownToText(markdown);
    meta = frontMatterMetadata(frontMatter);
    content = plain;
    titleHint = meta.title ?? heading;
  } else if (input.format === 'html') {
    const article = readHtml(text);
    content = article.text;
    titleHint = article.title;
    pageLines = article.pageLines;
    meta = {
      date: article.publishedTime ?? undefined,
      source: article.siteName ?? undefined,
      url: article.url ?? undefined,
    };
    if (meta.date !== undefined && metadataDate(meta.date) === null) delete meta.date;
  }
  const page = cleanPage(content, titleHint);
  if (page.paragraphs.length === 0) throw new InputError('no article text left after removing page clutter', input.file);
  const title = page.title ?? firstSentence(page.paragraphs[0]!);
  const body = page.paragraphs.join('\n\n');
  const date = resolveDate(meta, () => datelineDate(page.datelines) ?? stampedDate(page.paragraphs) ?? stampedDate(pageLines) ?? NO_DATE);
  const { parties, countries } = resolveFacets(meta, `${title}\n\n${body}`);
  return {
    id: input.id,
    title,
    body,
    ...date,
    source: resolveSource(meta, page.sourceHints),
    url: meta.url ?? null,
    parties,
    countries,
  };
}
