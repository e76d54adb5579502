import { parseDate } from '../language/dates';

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
