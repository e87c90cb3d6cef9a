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
  /(?<![\d/.])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|(?<![\d/])(\d{4})-(\d{2})-(\d{2})(?![\d/])/giu;
/** `Ngày 19/4`, `Sáng 6/8`, `chiều 10/11`, `tối qua (3/2)`: a day and month with no year. */
const PARTIAL_DATE_OPENING =
  /^(?:\p{L}+\s){0,4}?(?:ngày|sáng|trưa|chiều|tối|đêm|hôm)(?:\s+(?:nay|qua|mai))?\s*[\s(,]\s*(\d{1,2})\s*[/-]\s*(\d{1,2})(?![\d/-])/iu;
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

/** `Ngày 26/4/2021, ...`, `Sáng 6/2/2017 (...)`: a full date that opens the lead as its time adjunct. */
const OPENING_FULL_DATE =
  /^(?:(?:sáng|trưa|chiều|tối|đêm|hôm)(?:\s+(?:nay|qua))?\s*)?(?:ngày\s*)?\(?(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})\)?\s*[,(:]/iu;
/** A year written out (`năm 2016`, `12/2016`, `2016`), for the latest year an article looks back on. */
const YEAR_MENTION = /(?<![\d/.-])(19\d{2}|20\d{2})(?![\d])/g;
/** Words before a year that point forward (targets, plans, ranges) rather than back. */
const FORWARD_CONTEXT = /(?:đến|tới|trước|vào|giai đoạn|tầm nhìn|kế hoạch|mục tiêu|năm học|niên khóa|niên khoá|[-–])\s*(?:năm|tháng\s*\d{1,2}\s*\/?|ngày\s*\d{1,2}\s*\/\s*\d{1,2}\s*\/)?\s*$/iu;
/** Text before the second date of a range `d/m/yyyy - `. */
const RANGE_END = /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\s*[-–]\s*$/u;
/** Anniversaries repeat an old day and month (`kỷ niệm 65 năm ... (6/2/1952)`). */
const ANNIVERSARY_CONTEXT = /(?:kỷ niệm|kỉ niệm|tưởng niệm|cách đây|thành lập|ngày sinh|năm ngày|năm ngoái|năm trước|\d+\s+năm)[^.]{0,120}$/iu;

/** The latest year the text refers to as past or present; a date before it is not the article's. */
function latestPastYear(text: string): number {
  let latest = 0;
  for (const m of text.matchAll(YEAR_MENTION)) {
    const year = Number(m[1]);
    if (year > MAX_YEAR || year <= latest) continue;
    if (!FORWARD_CONTEXT.test(text.slice(Math.max(0, m.index - 30), m.index))) latest = year;
  }
  return latest;
}

/**
 * The date the article text gives: a full date opening the lead (`Ngày 26/4/2021, ...`) is explicit;
 * a partial opening date (`Sáng 6/8`, `Ngày 19/4`) takes its year only from the same day and month
 * written with a year elsewhere in the text (not an anniversary). Either is dropped when the text
 * looks back on a later year. Otherwise the date is unknown.
 */
export function textDate(paragraphs: readonly string[]): DateFacts {
  const text = paragraphs.join('\n');
  const latest = latestPastYear(text);
  // The lead is the first paragraph that reads as prose (a caption may come before it).
  const lead = paragraphs.find((paragraph) => paragraph.length > 40 && /[.!?…"”)]$/.test(paragraph)) ?? paragraphs[0] ?? '';
  const opening = OPENING_FULL_DATE.exec(lead);
  if (opening) {
    const date = validDate(Number(opening[3]), Number(opening[2]), Number(opening[1]));
    return date && date.year >= latest ? { date: iso(date), year: date.year, date_source: 'explicit' } : NO_DATE;
  }
  const partial = PARTIAL_DATE_OPENING.exec(lead);
  if (!partial) return NO_DATE;
  const day = Number(partial[1]);
  const month = Number(partial[2]);
  // An anniversary range (`14/6/1957 - 14/6/2017`) ends on the day itself; other mentions of the
  // same day and month count unless an anniversary looks back to them.
  const rangeEnds = new Set<number>();
  const years = new Set<number>();
  for (const m of text.matchAll(FULL_DATE)) {
    const found = fullDates(m[0])[0];
    if (!found || found.day !== day || found.month !== month) continue;
    const before = text.slice(Math.max(0, m.index - 150), m.index);
    if (RANGE_END.test(before)) rangeEnds.add(found.year);
    else if (!ANNIVERSARY_CONTEXT.test(before)) years.add(found.year);
  }
  if (rangeEnds.size === 1) return inferredDate([...rangeEnds][0]!, month, day);
  if (years.size !== 1) return NO_DATE;
  const [year] = years;
  return year! >= latest ? inferredDate(year!, month, day) : NO_DATE;
}

function inferredDate(year: number, month: number, day: number): DateFacts {
  const date = validDate(year, month, day);
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
