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
const FULL_DATE = /(?<![\d/.])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|(?<![\d/])(\d{4})-(\d{2})-(\d{2})(?![\d/])/giu;
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
    const [day, month, year] = m[1] !== undefined ? [m[1], m[2], m[3]] : m[4] !== undefined ? [m[4], m[5], m[6]] : [m[9], m[8], m[7]];
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

/** A date (`20/06/2017`, `20-6-2017`, `2017-06-20`) as one capturing group. */
const DATE_TEXT = String.raw`(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{4}-\d{2}-\d{2})`;
const CLOCK = String.raw`\d{1,2}\s*[:h]\s*\d{2}(?:\s*(?:AM|PM|SA|CH))?`;
/**
 * Publication stamps inside a text: a clock time and a date joined by a bar, as outlets print
 * them under an article (`Thể thao Việt Nam | 16:35 08/02/2017`, `20/06/2017 | 08:15`), or a date
 * after a publication label (`Cập nhật: 08:15 | 20/06/2017`, `Ngày đăng: 20/06/2017`). A date in a
 * sentence (`trước ngày 10/2/2017`, `vào 7h, ngày 8/2/2017`) is an event's, never a stamp.
 */
const STAMPS = [
  new RegExp(String.raw`(?:\|\s*${CLOCK}\s*(?:\|\s*)?|${CLOCK}\s*\|\s*)${DATE_TEXT}(?![\d/])`, 'giu'),
  new RegExp(String.raw`(?<![\d/])${DATE_TEXT}\s*\|\s*${CLOCK}`, 'giu'),
  new RegExp(
    String.raw`(?<!\p{L})(?:Cập nhật|Đăng lúc|Đăng ngày|Ngày đăng|Ngày cập nhật|Xuất bản|Published|Updated)\s*(?::|\|)\s*(?:${CLOCK}\s*(?:[|,-]\s*)?)?(?:ngày\s*)?${DATE_TEXT}(?![\d/])`,
    'gu',
  ),
];

/** The first publication stamp of a text (see STAMPS), or null: dates that events carry are ignored. */
export function stampedDate(paragraphs: readonly string[]): DateFacts | null {
  for (const paragraph of paragraphs) {
    for (const stamp of STAMPS) {
      for (const match of paragraph.matchAll(stamp)) {
        const date = fullDates(match[1]!)[0];
        if (date) return { date: iso(date), year: date.year, date_source: 'explicit' };
      }
    }
  }
  return null;
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
  const date = isoLike ? validDate(Number(isoLike[1]), Number(isoLike[2]), Number(isoLike[3])) : (fullDates(text)[0] ?? null);
  return date ? { date: iso(date), year: date.year, date_source: 'metadata' } : null;
}
