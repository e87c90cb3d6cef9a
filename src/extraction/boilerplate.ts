import { boilerplateConfig } from '../config/language-data.ts';
import { foldWord, syllables } from './text.ts';
import { isDateOnly } from './dates.ts';
import { knownSource } from './sources.ts';

/**
 * What a line of a page is, judged from the line itself:
 * - prose: a long line dense in function words (article paragraphs, teasers);
 * - text: a medium line that is not clearly prose (headlines, captions, quotes);
 * - heading: a short phrase without final punctuation (section headings, banners, bylines);
 * - chrome: menus, list bullets, counters, debris, links, copyright;
 * - dateline: a line that is only a date and time;
 * - source: `Theo X` / `Nguồn: X`.
 */
export type LineKind = 'prose' | 'text' | 'heading' | 'chrome' | 'dateline' | 'source';

export interface PageLine {
  text: string;
  kind: LineKind;
  syllables: number;
  /** Index of the earlier identical line, when this one repeats it. */
  repeats: number | null;
}

export interface CleanPage {
  title: string | null;
  /** Article paragraphs in order, lead first, title excluded. */
  paragraphs: string[];
  /** Date-only lines from the page head and article, nearest first. */
  datelines: string[];
  /** Outlet names or domains from the lead prefix and source lines, most reliable first. */
  sourceHints: string[];
}

const TERMINAL_PUNCTUATION = /[.!?…:;"”»)\]]$/;
const CLOSING_MARK = /\.?\/\.\s*$/;
const BULLET = /^[•·▪►▸»*+–—-]\s/;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SOURCE_LINE = new RegExp(`^(?:${boilerplateConfig().source_credit_words.map(escapeRegExp).join('|')})\\s*:?\\s+(.{2,60}?)\\.?$`, 'iu');

/** Whether a word opens a line crediting the source (`Theo`, `Nguồn`: `source_credit_words`). */
export function opensSourceCredit(word: string): boolean {
  return boilerplateConfig().source_credit_words.includes(word.toLowerCase());
}
const COUNTER = /^[^:]{1,40}:\s*[\d.,]+$/;
const URL_OR_EMAIL = /^(?:https?:\/\/|www\.)\S+$|^\S+@\S+\.\S+$/i;
const COPYRIGHT = /©|\bcopyright\b|bản quyền/i;
/** A source prefix on the lead: `VOV.VN - `, `(ĐCSVN) - `, `Kinhtedothi – `. */
const LEAD_SOURCE_PREFIX = /^(\(?)([^()\s][^()]{0,38}?)\)?\s*[-–—]\s+(?=\S)/;
/** `Mạnh Hùng`, `Lâm Khánh/TTXVN`: a byline under the article. */
const BYLINE = /^(?:\p{Lu}[\p{L}\p{M}]*\s){0,4}\p{Lu}[\p{L}\p{M}]*(?:\s*[/(]\s*([^()]{2,40})\)?)?$/u;

function functionWordSet(): Set<string> {
  return new Set(boilerplateConfig().function_words.map((word) => word.toLowerCase()));
}

let functionWords: Set<string> | undefined;

export function isFunctionWord(word: string): boolean {
  functionWords ??= functionWordSet();
  return functionWords.has(word.toLowerCase());
}

function isMenu(text: string): boolean {
  const parts = text.split(/\s*[|]\s*/);
  return parts.length > 1 && parts.every((part) => syllables(part).length <= 5);
}

function isUpperCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

export function classifyLine(text: string): LineKind {
  const { thresholds } = boilerplateConfig();
  const words = syllables(text);
  if (!/\p{L}/u.test(text)) return 'chrome';
  if (isDateOnly(text)) return 'dateline';
  if (SOURCE_LINE.test(text) && words.length <= 6) return 'source';
  if (BULLET.test(text) && words.length < thresholds.good_syllables) return 'chrome';
  if (isMenu(text) || COUNTER.test(text) || URL_OR_EMAIL.test(text) || COPYRIGHT.test(text)) return 'chrome';
  if (words.length <= 1) return 'chrome';
  const functionShare = words.filter(isFunctionWord).length / words.length;
  const terminal = TERMINAL_PUNCTUATION.test(text);
  if (words.length >= thresholds.good_syllables && functionShare >= thresholds.good_function_word_share && (terminal || words.length >= 2 * thresholds.good_syllables)) {
    return 'prose';
  }
  if (words.length <= thresholds.heading_max_syllables && (!terminal || isUpperCase(text))) return 'heading';
  return 'text';
}

function lineKey(text: string): string {
  return syllables(text).map(foldWord).join(' ');
}

export function pageLines(text: string): PageLine[] {
  const seen = new Map<string, number>();
  const lines: PageLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    const key = lineKey(line);
    const earlier = seen.get(key);
    if (earlier === undefined && key !== '') seen.set(key, lines.length);
    lines.push({ text: line, kind: classifyLine(line), syllables: syllables(line).length, repeats: earlier ?? null });
  }
  return lines;
}

/** Headings split a page into blocks; chrome and datelines inside a block are transparent. */
function blocksOf(lines: PageLine[]): Array<[start: number, end: number]> {
  const blocks: Array<[number, number]> = [];
  let start = -1;
  lines.forEach((line, index) => {
    if (line.kind === 'heading') {
      if (start >= 0) blocks.push([start, index - 1]);
      start = -1;
    } else if (start < 0) {
      start = index;
    }
  });
  if (start >= 0) blocks.push([start, lines.length - 1]);
  return blocks;
}

function proseChars(lines: PageLine[], start: number, end: number): number {
  let chars = 0;
  for (let i = start; i <= end; i++) {
    const line = lines[i]!;
    if (line.kind === 'prose' && line.repeats === null) chars += line.text.length;
  }
  return chars;
}

/** A block that continues the article after an intertitle: mostly fresh prose, no repeated lines. */
function continuesArticle(lines: PageLine[], start: number, end: number): boolean {
  let chars = 0;
  for (let i = start; i <= end; i++) {
    const line = lines[i]!;
    if (line.repeats !== null && line.kind !== 'chrome') return false;
    chars += line.text.length;
  }
  return chars > 0 && proseChars(lines, start, end) / chars >= 0.7;
}

/** The article's span: the block richest in prose, extended over intertitles, cut at `./.`. */
function articleSpan(lines: PageLine[]): [number, number] | null {
  const blocks = blocksOf(lines);
  let best = -1;
  let bestChars = 0;
  blocks.forEach(([start, end], index) => {
    const chars = proseChars(lines, start, end);
    if (chars > bestChars) [best, bestChars] = [index, chars];
  });
  if (best < 0) return null;
  let [start, end] = blocks[best]!;
  for (let next = best + 1; next < blocks.length; next++) {
    const [nextStart, nextEnd] = blocks[next]!;
    if (closingIndex(lines, start, end) !== null) break;
    if (nextStart - end !== 2 || !continuesArticle(lines, nextStart, nextEnd)) break;
    end = nextEnd;
  }
  const closing = closingIndex(lines, start, end);
  if (closing !== null) return [start, closing];
  while (end > start && lines[end]!.kind !== 'prose') end--;
  return [start, end];
}

function closingIndex(lines: PageLine[], start: number, end: number): number | null {
  let lastProse = -1;
  for (let i = start; i <= end; i++) if (lines[i]!.kind === 'prose') lastProse = i;
  for (let i = start; i <= end; i++) {
    // A closing mark ends the article only once most of its prose is behind it.
    if (CLOSING_MARK.test(lines[i]!.text) && lines[i]!.kind !== 'chrome') {
      if (proseChars(lines, start, i) >= 0.5 * proseChars(lines, start, lastProse)) return i;
    }
  }
  return null;
}

function bigrams(text: string): string[] {
  const words = syllables(text).map(foldWord);
  return words.slice(1).map((word, i) => `${words[i]} ${word}`);
}

/** Share of a line's word pairs that the article repeats: high for the headline, low for banners. */
function overlapWith(body: Set<string>, text: string): number {
  const pairs = bigrams(text);
  return pairs.length === 0 ? 0 : pairs.filter((pair) => body.has(pair)).length / pairs.length;
}

const MIN_TITLE_SYLLABLES = 4;
const MAX_TITLE_SYLLABLES = 45;

function isTitleCandidate(line: PageLine): boolean {
  return (
    (line.kind === 'text' || line.kind === 'heading' || line.kind === 'prose') &&
    line.syllables >= MIN_TITLE_SYLLABLES &&
    line.syllables <= MAX_TITLE_SYLLABLES &&
    !/[.,;:]$/.test(line.text) &&
    !CLOSING_MARK.test(line.text)
  );
}

/** The headline: before the first paragraph, the earliest line whose words the article echoes. */
function findTitle(lines: PageLine[], span: [number, number]): number | null {
  const firstProse = lines.findIndex((line, index) => index >= span[0] && line.kind === 'prose');
  const body = new Set<string>();
  for (let i = firstProse; i <= span[1]; i++) {
    if (lines[i]!.kind === 'prose') for (const pair of bigrams(lines[i]!.text)) body.add(pair);
  }
  const candidates: Array<{ index: number; score: number }> = [];
  for (let i = 0; i < firstProse; i++) {
    const line = lines[i]!;
    if (line.repeats === null && isTitleCandidate(line)) candidates.push({ index: i, score: overlapWith(body, line.text) });
  }
  const best = Math.max(0, ...candidates.map((candidate) => candidate.score));
  const chosen = candidates.find((candidate) => candidate.score >= Math.max(0.35, 0.75 * best));
  if (chosen) return chosen.index;
  // Nothing echoes the article: trust a headline-like line inside the article's own block.
  const inBlock = candidates.filter((candidate) => candidate.index >= span[0] && lines[candidate.index]!.kind !== 'heading');
  return inBlock.at(-1)?.index ?? null;
}

function lineIndexOf(lines: PageLine[], text: string, before: number): number | null {
  const key = lineKey(text);
  const index = lines.findIndex((line, i) => i <= before && lineKey(line.text) === key);
  return index < 0 ? null : index;
}

export function splitLeadSource(text: string): { source: string | null; text: string } {
  const match = LEAD_SOURCE_PREFIX.exec(text);
  if (!match) return { source: null, text };
  const name = match[2]!.trim();
  // Parentheses mark an outlet (`(ĐCSVN) - `); a bare prefix must be one (`VOV.VN - `), not a
  // place or a pair of countries (`HÀ NỘI - `, `Việt Nam - Campuchia ...`).
  const parenthesized = match[1] === '(' && syllables(name).length <= 4 && !/\d/.test(name);
  if (!parenthesized && knownSource(name) === null && !/^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$/i.test(name)) {
    return { source: null, text };
  }
  return { source: name, text: text.slice(match[0].length) };
}

const TRAILING_SOURCE = /(?:^|[.!?)”"]\s+|\(\s*)(?:theo|nguồn\s*:?)\s+([^.()]{2,40}?)\s*\)?\.?\s*$/iu;

/** Outlet hints in text that is already clean: a lead prefix, or `Theo X` closing the article. */
export function sourceHintsOf(paragraphs: readonly string[]): string[] {
  const hints: string[] = [];
  const lead = paragraphs[0] === undefined ? null : splitLeadSource(paragraphs[0]).source;
  if (lead !== null) hints.push(lead);
  const last = paragraphs.at(-1);
  const trailing = last === undefined ? null : TRAILING_SOURCE.exec(last.slice(-80));
  if (trailing) hints.push(trailing[1]!);
  return hints;
}

/**
 * Keeps the article and only the article: finds the main block of prose, the headline above it
 * and the byline or source line below it, and drops everything else.
 */
export function cleanPage(text: string, titleHint: string | null = null): CleanPage {
  const lines = pageLines(text);
  const span = articleSpan(lines);
  if (span === null) return { title: titleHint, paragraphs: [], datelines: [], sourceHints: [] };
  const titleIndex = titleHint === null ? findTitle(lines, span) : lineIndexOf(lines, titleHint, span[1]);
  const title = titleHint ?? (titleIndex === null ? null : lines[titleIndex]!.text);
  const titleKey = title === null ? null : lineKey(title);
  const start = titleIndex !== null && titleIndex >= span[0] ? titleIndex + 1 : span[0];

  const paragraphs: string[] = [];
  const datelines: string[] = [];
  const sourceHints: string[] = [];
  for (let i = 0; i < start; i++) if (lines[i]!.kind === 'dateline') datelines.push(lines[i]!.text);
  for (let i = start; i <= span[1]; i++) {
    const line = lines[i]!;
    if (line.kind === 'dateline') datelines.push(line.text);
    else if (line.kind === 'source') sourceHints.push(SOURCE_LINE.exec(line.text)![1]!);
    else if (line.kind !== 'chrome' && line.repeats === null && lineKey(line.text) !== titleKey) {
      paragraphs.push(line.text);
    }
  }
  const leadIndex = paragraphs.findIndex((paragraph) => LEAD_SOURCE_PREFIX.test(paragraph));
  if (leadIndex >= 0 && leadIndex <= 1) {
    const lead = splitLeadSource(paragraphs[leadIndex]!);
    if (lead.source !== null) {
      sourceHints.unshift(lead.source);
      paragraphs[leadIndex] = lead.text;
    }
  }
  // Under the article: a source line, a byline (author, maybe `/OUTLET`) or a date, then page chrome.
  for (let i = span[1] + 1; i < Math.min(lines.length, span[1] + 4); i++) {
    const line = lines[i]!;
    if (line.kind === 'source') sourceHints.push(SOURCE_LINE.exec(line.text)![1]!);
    else if (line.kind === 'dateline') datelines.push(line.text);
    else if (line.kind === 'heading' && BYLINE.test(line.text) && !isUpperCase(line.text)) {
      const outlet = BYLINE.exec(line.text)![1];
      if (outlet) sourceHints.push(outlet.trim());
    } else break;
  }
  return { title, paragraphs, datelines, sourceHints };
}
