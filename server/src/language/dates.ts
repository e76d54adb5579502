import type { Span } from '../letter/model';

/**
 * Dates as letters write them: "11/09/2016", "10-13-16", "11-6-2001",
 * "November 04, 2016", "Nov. 4 2016" and month-year "December 2016". Two- and
 * four-digit years and "-" or "/" separators are all read; a numeric date must
 * use the same separator twice, which keeps "7.5-325" or "10/325" out.
 */
export interface FoundDate {
  readonly span: Span;
  readonly text: string;
  readonly year: number;
  /** 1-12, as written (may be out of range when `valid` is false). */
  readonly month: number;
  /** Null for month-year dates. */
  readonly day: number | null;
  /** False for "13/45/2016" or "2-30-15". */
  readonly valid: boolean;
  /** Comparable key (yyyymmdd); month-year dates use day 1. Only meaningful when valid. */
  readonly key: number;
}

const NUMERIC = /(?<![\d.\/-])(\d{1,2})([-/])(\d{1,2})\2(\d{4}|\d{2})(?![\d\/-]|\.\d)/g;
const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
/** "November 04, 2016", "Nov. 4 2016", "December 2016": month word, optional day, four-digit year. */
const NAMED = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)([a-z]{0,6})\.?,?\s{1,3}(?:(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}|of\s{1,3})?(\d{4})\b/g;

/** Two-digit years up to `pivot` are 20xx, later ones 19xx. */
export function expandYear(year: string, pivot = 50): number {
  if (year.length === 4) return Number(year);
  const value = Number(year);
  return value <= pivot ? 2000 + value : 1900 + value;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function makeDate(span: Span, text: string, year: number, month: number, day: number | null): FoundDate {
  const valid = month >= 1 && month <= 12 && (day === null || (day >= 1 && day <= daysInMonth(year, month)));
  return { span, text, year, month, day, valid, key: year * 10000 + month * 100 + (day ?? 1) };
}

/** Every date in `text[range]`, in order of position. */
export function findDates(text: string, range: Span = { start: 0, end: text.length }, pivot = 50): FoundDate[] {
  const slice = text.slice(range.start, range.end);
  const found: FoundDate[] = [];
  for (const match of slice.matchAll(NUMERIC)) {
    const start = range.start + match.index;
    found.push(makeDate({ start, end: start + match[0].length }, match[0], expandYear(match[4], pivot), Number(match[1]), Number(match[3])));
  }
  for (const match of slice.matchAll(NAMED)) {
    const month = MONTH_NAMES[(match[1] + match[2]).toLowerCase()];
    if (month === undefined) continue;
    const start = range.start + match.index;
    const day = match[3] === undefined ? null : Number(match[3]);
    found.push(makeDate({ start, end: start + match[0].length }, match[0], Number(match[4]), month, day));
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** A single date value such as a header field ("11/09/2016"), or null when it does not read as one. */
export function parseDate(value: string, pivot = 50): FoundDate | null {
  const dates = findDates(value, { start: 0, end: value.length }, pivot);
  return dates.length > 0 ? dates[0] : null;
}

export function formatDate(date: FoundDate): string {
  const month = String(date.month).padStart(2, '0');
  return date.day === null ? `${month}/${date.year}` : `${month}/${String(date.day).padStart(2, '0')}/${date.year}`;
}
