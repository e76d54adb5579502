import type { Span } from './model';

/**
 * A whitespace-normalised copy of part of the letter that remembers where each
 * character came from, so that parsing can work on clean text while every
 * result still points at the exact source offsets.
 */
export interface MappedText {
  /** Runs of blank characters and line breaks collapsed to one space, ends trimmed. */
  readonly text: string;
  /** Source offset of each character of `text`. */
  readonly offsets: Int32Array;
}

/** Blank characters and line breaks; kept local because this runs once per character of every part. */
function isSpaceLike(code: number): boolean {
  if (code > 32) return code === 160 || code === 0xfeff || code === 0x2028 || code === 0x2029;
  return code === 32 || code === 9 || code === 10 || code === 11 || code === 12 || code === 13;
}

export function mapRange(source: string, start: number, end: number): MappedText {
  const offsets = new Int32Array(Math.max(0, end - start));
  const parts: string[] = [];
  let count = 0;
  let pendingSpace = -1;
  let runStart = -1;
  for (let i = start; i < end; i++) {
    const code = source.charCodeAt(i);
    if (isSpaceLike(code)) {
      if (runStart >= 0) {
        parts.push(source.slice(runStart, i));
        runStart = -1;
      }
      if (count > 0 && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      if (runStart >= 0) {
        parts.push(source.slice(runStart, i));
        runStart = -1;
      }
      parts.push(' ');
      offsets[count++] = pendingSpace;
      pendingSpace = -1;
    }
    if (runStart < 0) runStart = i;
    offsets[count++] = i;
  }
  if (runStart >= 0) parts.push(source.slice(runStart, end));
  return { text: parts.join(''), offsets: offsets.subarray(0, count) };
}

export function normalizeSpace(value: string): string {
  return mapRange(value, 0, value.length).text;
}

/** The source span of `text.slice(from, to)`; empty ranges sit just after the previous character. */
export function sourceSpan(mapped: MappedText, from: number, to: number, whenEmpty = 0): Span {
  const length = mapped.text.length;
  const a = Math.max(0, Math.min(from, length));
  const b = Math.max(a, Math.min(to, length));
  if (length === 0) return { start: whenEmpty, end: whenEmpty };
  if (b === a) {
    const at = a < length ? mapped.offsets[a]! : mapped.offsets[length - 1]! + 1;
    return { start: at, end: at };
  }
  return { start: mapped.offsets[a]!, end: mapped.offsets[b - 1]! + 1 };
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
