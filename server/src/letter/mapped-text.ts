import type { Span } from '../text/span';

/**
 * A whitespace-normalised copy of part of the letter that remembers where each
 * character came from, so that parsing can work on clean text while every
 * result still points at the exact source offsets.
 */
export interface MappedText {
  /** Runs of blank characters and line breaks collapsed to one space, ends trimmed. */
  readonly text: string;
  /**
   * The mapping back to the source as runs: from `runStarts[r]` up to the next run start, `text`
   * follows the source one character for one from offset `runSources[r]`. Only a collapsed run
   * of several blanks breaks the correspondence, so a paragraph needs a run per wrapped line at
   * most, instead of an offset per character.
   */
  readonly runStarts: readonly number[];
  readonly runSources: readonly number[];
}

/** Blank characters and line breaks: what the normalised text collapses. */
export function isSpaceLike(code: number): boolean {
  if (code > 32) return code === 160 || code === 0xfeff || code === 0x2028 || code === 0x2029;
  return code === 32 || code === 9 || code === 10 || code === 11 || code === 12 || code === 13;
}

/**
 * Blank runs that the normalised text must change: two or more blanks, or a single blank that
 * is not a plain space. Letting the regex engine skip the ordinary single spaces is what makes
 * normalising a paragraph cost little more than copying it.
 */
const BLANKS_TO_COLLAPSE = /[\t\n\v\f\r \u00a0\ufeff\u2028\u2029]{2,}|[\t\n\v\f\r\u00a0\ufeff\u2028\u2029]/g;

/** `source[start..end)` without the blanks and line breaks at its ends; `{ start, start }` when it is all blank. */
export function trimmedSpan(source: string, start: number, end: number): Span {
  let from = start;
  let to = end;
  while (from < to && isSpaceLike(source.charCodeAt(from))) from++;
  while (to > from && isSpaceLike(source.charCodeAt(to - 1))) to--;
  return from < to ? { start: from, end: to } : { start, end: start };
}

export function mapRange(source: string, start: number, end: number): MappedText {
  const { start: from, end: to } = trimmedSpan(source, start, end);
  if (from >= to) return { text: '', runStarts: [], runSources: [] };
  // Literals, not empty arrays pushed to: most texts are one run, and a first push reserves room for 17.
  const runStarts = [0];
  const runSources = [from];
  return { text: collapseBlanks(source, from, to, runStarts, runSources), runStarts, runSources };
}

/** `mapRange(source, start, end).text`, without the mapping back to the source. */
export function normalisedText(source: string, start: number, end: number): string {
  const { start: from, end: to } = trimmedSpan(source, start, end);
  return from < to ? collapseBlanks(source, from, to, null, null) : '';
}

export function normaliseSpace(value: string): string {
  return normalisedText(value, 0, value.length);
}

/** `source[from..to)` with blank runs collapsed to one space, adding a run to `runStarts`/`runSources` (when given) after each collapsed run. */
function collapseBlanks(source: string, from: number, to: number, runStarts: number[] | null, runSources: number[] | null): string {
  // Searching a slice, not `source` from `from`, keeps each search inside the range.
  const region = source.slice(from, to);
  let text = '';
  let copyFrom = 0;
  BLANKS_TO_COLLAPSE.lastIndex = 0;
  for (let match = BLANKS_TO_COLLAPSE.exec(region); match; match = BLANKS_TO_COLLAPSE.exec(region)) {
    const blankEnd = match.index + match[0].length;
    text += region.slice(copyFrom, match.index) + ' ';
    copyFrom = blankEnd;
    if (runStarts && runSources && match[0].length > 1) {
      runStarts.push(text.length);
      runSources.push(from + blankEnd);
    }
  }
  return text + (copyFrom === 0 ? region : region.slice(copyFrom));
}

/** A blank that `replace(/\s+/g, ' ')` would change: two in a row, or one that is not a plain space. */
const UNCOLLAPSED_BLANK = /\s\s|[^\S ]/;

/**
 * An item title as compared with another (a repeated item, a title named in the config's `ignore`):
 * lower case, blank runs as one space, no blanks at the ends. Titles come from the parser with
 * their blanks collapsed already, so the replace, which allocates, runs only for a rare other blank.
 */
export function titleKey(title: string): string {
  // Blanks first, then case: lower-casing reads a final sigma across a U+FEFF but not across a space.
  return (UNCOLLAPSED_BLANK.test(title) ? title.replace(/\s+/g, ' ') : title).trim().toLowerCase();
}

/** Source offset of `mapped.text[index]`, for 0 <= index < text length. */
function sourceOffset(mapped: MappedText, index: number): number {
  const { runStarts, runSources } = mapped;
  let low = 0;
  let high = runStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (runStarts[middle]! <= index) low = middle;
    else high = middle - 1;
  }
  return runSources[low]! + (index - runStarts[low]!);
}

/** The source span of `text.slice(from, to)`; empty ranges sit just after the previous character. */
export function sourceSpan(mapped: MappedText, from: number, to: number, whenEmpty = 0): Span {
  const length = mapped.text.length;
  const a = Math.max(0, Math.min(from, length));
  const b = Math.max(a, Math.min(to, length));
  if (length === 0) return { start: whenEmpty, end: whenEmpty };
  if (b === a) {
    const at = a < length ? sourceOffset(mapped, a) : sourceOffset(mapped, length - 1) + 1;
    return { start: at, end: at };
  }
  return { start: sourceOffset(mapped, a), end: sourceOffset(mapped, b - 1) + 1 };
}

/** Shrinks [from, to) of the mapped text so that it neither starts nor ends with blanks or the given trailing characters. */
export function trimRange(text: string, from: number, to: number, trailing = ''): [number, number] {
  let a = from;
  let b = to;
  while (a < b && text.charCodeAt(a) === 32) a++;
  while (b > a && (text.charCodeAt(b - 1) === 32 || trailing.includes(text[b - 1]!))) b--;
  return [a, b];
}

/** `value` without trailing characters from `chars` (whitespace always included); a loop, not a `[…]+$` regex, to stay linear. */
export function trimEndChars(value: string, chars: string): string {
  let end = value.length;
  while (end > 0) {
    const char = value[end - 1]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f' || chars.includes(char)) end--;
    else break;
  }
  return value.slice(0, end);
}

/** Removes trailing separators and a dangling connector word: "Pain Medicine and " → "Pain Medicine". */
export function trimDanglingConnector(value: string, chars = ',;'): string {
  let result = trimEndChars(value, chars);
  for (const word of [' and', ' or']) {
    if (result.toLowerCase().endsWith(word)) result = trimEndChars(result.slice(0, -word.length), chars);
  }
  return result;
}
