import type { DateSource } from '../types/document.ts';

export interface DateFacts {
  date: string | null;
  year: number | null;
  date_source: DateSource | null;
}

export const NO_DATE: DateFacts = { date: null, year: null, date_source: null };

const MIN_YEAR = 1900;
const MAX_YEAR = new Date().getFullYear() + 1;

/** `26/04/2021`, `26-4-2021`, `26.4.2021`, `ngày 26 tháng 4 năm 2021`, `2021-04-26`. */
const FULL_DATE =
  /(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|(?<![\d/])(\d{4})-(\d{2})-(\d{2})(?![\d/])/giu;
/** `Ngày 19/4`, `Sáng 6/8`, `chiều 10/11`, `tối qua (3/2)`: a day and month with no year. */
const PARTIAL_DATE_OPENING =
  /^(?:\p{L}+\s){0,3}?(?:ngày|sáng|trưa|chiều|tối|đêm|hôm)(?:\s+(?:nay|qua|mai))?\s*[\s(,]\s*(\d{1,2})\s*[/-]\s*(\d{1,2})(?![\d/-])/iu;
/** Month and year without a day: `tháng 4/2021`, `tháng 4 năm 2021`. */
const MONTH_YEAR = /tháng\s+(\d{1,2})\s*(?:\/|năm\s+)(\d{4})(?!\d)/giu;
const WEEKDAY = /(?<!\p{L})(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|cn)(?!\p{L})/giu;
const TIME = /(?<!\d)\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:am|pm|sa|ch)(?!\p{L}))?|(?<!\p{L})gmt\s*[+-]\s*\d{1,2}(?::?\d{2})?/giu;
const DATELINE_WORDS = /(?<!\p{L})(?:cập nhật|đăng lúc|đăng ngày|đăng|ngày|xuất bản|lúc|giờ|updated?|published)(?!\p{L})/giu;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function validDate(year: number, month: number, day: number): Ymd | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : null;
}

function iso({ year, month, day }: Ymd): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fullDates(text: string): Ymd[] {
  const dates: Ymd[] = [];
  for (const m of text.matchAll(FULL_DATE)) {
    const [day, month, year] =
      m[1] !== undefined ? [m[1], m[2], m[3]] : m[4] !== undefined ? [m[4], m[5], m[6]] : [m[9], m[8], m[7]];
    const date = validDate(Number(year), Number(month), Number(day));
    if (date) dates.push(date);
  }
  return dates;
}

/** A line that is nothing but a date (with weekday, time, `Cập nhật`): a page's dateline. */
export function isDateOnly(line: string): boolean {
  if (fullDates(line).length === 0 || line.length > 80) return false;
  const rest = line
    .replace(FULL_DATE, ' ')
    .replace(WEEKDAY, ' ')
    .replace(TIME, ' ')
    .replace(DATELINE_WORDS, ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
  return rest === '' || rest.split(' ').length <= 1;
}

/** The date of a dateline (`Thứ hai, 26/04/2021 19:36`). */
export function datelineDate(datelines: readonly string[]): DateFacts | null {
  for (const line of datelines) {
    const date = fullDates(line)[0];
    if (date) return { date: iso(date), year: date.year, date_source: 'explicit' };
  }
  return null;
}

/** Characters at the start of the lead within which an opening date is the event's date. */
const OPENING_WINDOW = 60;
/** A year-bearing date this many months from the partial date supports its year. */
const SUPPORT_MONTHS = 2;

/**
 * The date the article text itself gives: a full date opening the lead (`Ngày 26/4/2021, ...`) is
 * explicit; a partial opening date (`Sáng 6/8`) takes a year only when a year-bearing date close to
 * it in the calendar appears in the article and no other year competes. Otherwise unknown.
 */
export function textDate(paragraphs: readonly string[]): DateFacts {
  const lead = paragraphs.find((paragraph) => /\p{L}{2}/u.test(paragraph) && paragraph.length > 40) ?? '';
  const opening = lead.slice(0, OPENING_WINDOW);
  const openingFull = fullDates(opening)[0];
  if (openingFull && opening.search(FULL_DATE) < 30) {
    return { date: iso(openingFull), year: openingFull.year, date_source: 'explicit' };
  }
  const partial = PARTIAL_DATE_OPENING.exec(lead.slice(0, OPENING_WINDOW));
  if (!partial) return NO_DATE;
  const day = Number(partial[1]);
  const month = Number(partial[2]);
  const text = paragraphs.join('\n');
  const supports = new Set<number>();
  const anchors: Array<{ year: number; month: number }> = [...fullDates(text)];
  for (const m of text.matchAll(MONTH_YEAR)) anchors.push({ month: Number(m[1]), year: Number(m[2]) });
  for (const anchor of anchors) {
    if (Math.abs(anchor.month - month) <= SUPPORT_MONTHS) supports.add(anchor.year);
  }
  if (supports.size !== 1) return NO_DATE;
  const [year] = supports;
  const date = validDate(year!, month, day);
  return date ? { date: iso(date), year: date.year, date_source: 'inferred' } : NO_DATE;
}

/** A date given as metadata (`2021-04-26`, `26/04/2021`, a year, or a timestamp). */
export function metadataDate(value: string | number | Date): DateFacts | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const date = validDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return date ? { date: iso(date), year: date.year, date_source: 'metadata' } : null;
  }
  const text = String(value).trim();
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    return year >= MIN_YEAR && year <= MAX_YEAR ? { date: null, year, date_source: 'metadata' } : null;
  }
  const isoLike = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  const date = isoLike
    ? validDate(Number(isoLike[1]), Number(isoLike[2]), Number(isoLike[3]))
    : (fullDates(text)[0] ?? null);
  return date ? { date: iso(date), year: date.year, date_source: 'metadata' } : null;
}
