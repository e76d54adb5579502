import type { Span } from '../text/span';
import { allMatches, matchesAt } from './literal-anchors';

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
/** NUMERIC tried at one position. */
const NUMERIC_AT = new RegExp(NUMERIC.source, 'y');
const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
/** "November 04, 2016", "Nov. 4 2016", "December 2016": month word, optional day, four-digit year. */
const NAMED = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)([a-z]{0,6})\.?,?\s{1,3}(?:(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}|of\s{1,3})?(\d{4})\b/g;
/**
 * In a long text, NAMED is only tried where a month abbreviation starts (the
 * engine would otherwise try every position); in a short one, such as a header
 * value, one plain scan is cheaper than looking for twelve literals.
 */
const NAMED_AT = new RegExp(NAMED.source, 'y');
const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/**
 * The one lower-case letter that may follow each abbreviation in a month name
 * ("Janu…", "Sept…"), as a char code; -1 for "May". NAMED reads the whole run
 * of lower-case letters after the abbreviation as the month word, so when any
 * other letter follows ("Decision", "Marked", "Maybe") a match there could only
 * be discarded; such places, by far the most common, are not tried.
 */
const MONTH_FOURTH_LETTER = MONTH_ABBREVIATIONS.map((abbreviation) => {
  const name = Object.keys(MONTH_NAMES).find((candidate) => candidate.length > 3 && candidate.startsWith(abbreviation.toLowerCase()));
  return name === undefined ? -1 : name.charCodeAt(3);
});
const SHORT_TEXT = 200;

/** Two-digit years up to `pivot` are 20xx, later ones 19xx. */
export function expandYear(year: string, pivot = 50): number {
  if (year.length === 4) return Number(year);
  const value = Number(year);
  return value <= pivot ? 2000 + value : 1900 + value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function makeDate(span: Span, text: string, year: number, month: number, day: number | null): FoundDate {
  const valid = month >= 1 && month <= 12 && (day === null || (day >= 1 && day <= daysInMonth(year, month)));
  return { span, text, year, month, day, valid, key: year * 10000 + month * 100 + (day ?? 1) };
}

function numericDate(match: RegExpMatchArray, start: number, pivot: number): FoundDate {
  return makeDate({ start, end: start + match[0].length }, match[0], expandYear(match[4], pivot), Number(match[1]), Number(match[3]));
}

/** Every date in `text[range]`, in order of position. */
export function findDates(text: string, range: Span = { start: 0, end: text.length }, pivot = 50): FoundDate[] {
  const slice = text.slice(range.start, range.end);
  const found: FoundDate[] = [];
  NUMERIC.lastIndex = 0;
  for (let match = NUMERIC.exec(slice); match !== null; match = NUMERIC.exec(slice)) found.push(numericDate(match, range.start + match.index, pivot));
  const named = slice.length < SHORT_TEXT ? allMatches(slice, NAMED) : matchesAt(slice, NAMED_AT, namedDateStarts(slice));
  let sorted = true;
  for (const match of named) {
    const month = MONTH_NAMES[(match[1] + match[2]).toLowerCase()];
    if (month === undefined) continue;
    const start = range.start + match.index;
    const day = match[3] === undefined ? null : Number(match[3]);
    if (sorted && found.length > 0 && found[found.length - 1].span.start > start) sorted = false;
    found.push(makeDate({ start, end: start + match[0].length }, match[0], Number(match[4]), month, day));
  }
  return sorted ? found : found.sort((a, b) => a.span.start - b.span.start);
}

/** Where a named date may start in `text`: each month abbreviation not followed by a letter that rules out a month name, in order. */
function namedDateStarts(text: string): number[] {
  const starts: number[] = [];
  let sorted = true;
  for (let month = 0; month < MONTH_ABBREVIATIONS.length; month++) {
    const abbreviation = MONTH_ABBREVIATIONS[month];
    const fourth = MONTH_FOURTH_LETTER[month];
    for (let at = text.indexOf(abbreviation); at >= 0; at = text.indexOf(abbreviation, at + 3)) {
      const next = text.charCodeAt(at + 3);
      if (next >= 97 && next <= 122 && next !== fourth) continue;
      if (starts.length > 0 && starts[starts.length - 1] > at) sorted = false;
      starts.push(at);
    }
  }
  return sorted ? starts : starts.sort((a, b) => a - b);
}

/*
 * Neither pattern can match overlapping text (a numeric date cannot start just
 * after a digit or separator, and a named date starts at the only capital
 * letter it contains), so the dates of a text are simply every position where a
 * pattern matches, and a match depends only on the characters from one before
 * its start to EDGE after it.
 */
const EDGE = 32;

/**
 * `findDates(text, range, pivot)`, taken from `whole` (= `findDates(text,
 * undefined, pivot)`) where that is sure to agree: a date found in the whole
 * text well inside `range` is found in the range too. Only the range's first
 * position and its last EDGE characters, where the patterns would see past the
 * range, are searched again.
 */
export function findDatesWithin(text: string, range: Span, pivot: number, whole: readonly FoundDate[]): FoundDate[] {
  if (range.end - range.start < 4 * EDGE) return findDates(text, range, pivot);
  const interiorStart = range.start + 1;
  const tailStart = range.end - EDGE;
  const found = findDates(text, { start: range.start, end: range.start + 2 * EDGE }, pivot).filter((date) => date.span.start === range.start);
  for (let index = 0; index < whole.length; index++) {
    const date = whole[index];
    if (date.span.start >= interiorStart && date.span.start < tailStart) found.push(date);
  }
  // The tail is searched from one character earlier, so the look-behind at its first position sees what it sees in `range`.
  for (const date of findDates(text, { start: tailStart - 1, end: range.end }, pivot)) if (date.span.start >= tailStart) found.push(date);
  return found;
}

/** A single date value such as a header field ("11/09/2016"), or null when it does not read as one. */
export function parseDate(value: string, pivot = 50): FoundDate | null {
  // Most values are just a date; one at the very start is the first date whatever follows it.
  NUMERIC_AT.lastIndex = 0;
  const leading = NUMERIC_AT.exec(value);
  if (leading) return numericDate(leading, 0, pivot);
  const dates = findDates(value, { start: 0, end: value.length }, pivot);
  return dates.length > 0 ? dates[0] : null;
}

export function formatDate(date: FoundDate): string {
  const month = String(date.month).padStart(2, '0');
  return date.day === null ? `${month}/${date.year}` : `${month}/${String(date.day).padStart(2, '0')}/${date.year}`;
}

/**
 * A header date as printed in letters ("12/09/2016", "12-9-16", "December 9, 2016") to an ISO
 * date "2016-12-09"; null unless the whole value is one real calendar date with one kind of
 * separator. Read by the date-order rule's parser, so both reject the same impossible dates;
 * two-digit years up to 50 are 20xx (date-order pivots on the decision year instead, which
 * it needs for dates of injury and this lookup, used for the decision date itself, does not).
 */
export function letterDateToIso(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const date = parseDate(trimmed);
  if (!date || !date.valid || date.day === null || date.span.start !== 0 || date.span.end !== trimmed.length) return null;
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);
}

/** "2016-07-28" as "July 28, 2016". */
export function formatIsoDate(iso: string): string {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [year, month, day] = iso.split('-').map(Number);
  return `${months[month - 1]} ${day}, ${year}`;
}
