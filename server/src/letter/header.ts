import type { Header, HeaderField, HeaderKey } from './model';
import type { Span } from '../text/span';
import { type Line, isBlankChar } from './lines';
import { parseDate, type FoundDate } from '../language/dates';

const LABEL_PATTERN =
  /\b(Case[ \t]+Number|Date[ \t]+Assigned|Decision[ \t]+Date|Date[ \t]+of[ \t]+Injury|UR[ \t]+Denial[ \t]+Date|Priority|Application(?:[ \t]+Received)?|Received)[ \t]*(:?)/gi;

const KEY_BY_LABEL: Record<string, HeaderKey> = {
  'case number': 'caseNumber',
  'date assigned': 'dateAssigned',
  'decision date': 'decisionDate',
  'date of injury': 'dateOfInjury',
  'ur denial date': 'urDenialDate',
  priority: 'priority',
  application: 'applicationReceived',
  'application received': 'applicationReceived',
};

/** Header labels only ever sit near the top; a long line there is prose or junk, not a table row. */
const MAX_HEADER_LINES = 40;
const MAX_SCANNED_LINE = 400;

interface PendingLabel {
  key: HeaderKey;
  label: Span;
  /** True once a value has been assigned. */
  filled: boolean;
}

/**
 * Reads the header table in both extraction shapes: side by side ("Label: value  Label: value")
 * and reading order (all labels, then all values in the same order). A value on the
 * label's own line belongs to it; a value on a line of its own goes to the oldest label still
 * waiting for one. "Application" / "Received:" is one label wrapped over two lines.
 */
export function parseHeader(text: string, lines: readonly Line[], endLine: number): Header {
  const header: Partial<Record<HeaderKey, HeaderField>> = {};
  const waiting: PendingLabel[] = [];
  let lastApplication: PendingLabel | null = null;
  const limit = Math.min(endLine, MAX_HEADER_LINES, lines.length);

  const assign = (label: PendingLabel, valueStart: number, valueEnd: number) => {
    label.filled = true;
    if (header[label.key]) return;
    header[label.key] = {
      key: label.key,
      value: text.slice(valueStart, valueEnd),
      label: label.label,
      valueSpan: { start: valueStart, end: valueEnd },
    };
  };

  for (let index = 0; index < limit; index++) {
    const line = lines[index]!;
    if (line.contentStart >= line.contentEnd) continue;
    const scanEnd = Math.min(line.contentEnd, line.contentStart + MAX_SCANNED_LINE);
    const content = text.slice(line.contentStart, scanEnd);
    const found: { key: HeaderKey | 'received'; start: number; end: number; colon: boolean }[] = [];
    LABEL_PATTERN.lastIndex = 0;
    for (let match = LABEL_PATTERN.exec(content); match; match = LABEL_PATTERN.exec(content)) {
      const name = match[1]!.replace(/[ \t]+/g, ' ').toLowerCase();
      const colon = match[2] === ':';
      const start = line.contentStart + match.index;
      const end = start + match[0].length;
      if (name === 'received') {
        if (colon) found.push({ key: 'received', start, end, colon });
        continue;
      }
      const key = KEY_BY_LABEL[name]!;
      if (!colon && key !== 'applicationReceived') continue;
      if (!colon && name === 'application' && !continuesWithReceived(text, lines, index, end, limit)) continue;
      found.push({ key, start, end: colon ? end : start + match[1]!.length, colon });
    }

    if (found.length === 0) {
      // A line with no label is a value for the oldest waiting label.
      const next = waiting.shift();
      if (next) assign(next, line.contentStart, trimEnd(text, line.contentStart, scanEnd));
      continue;
    }

    // Text before the first label on a line with labels is ignored: it is not a table cell we know.
    found.forEach((token, n) => {
      const valueEnd = n + 1 < found.length ? found[n + 1]!.start : scanEnd;
      const valueStart = skipBlank(text, token.end, valueEnd);
      const valueStop = trimEnd(text, valueStart, valueEnd);
      if (token.key === 'received') {
        if (lastApplication) {
          // The label becomes "Application … Received:" only where nothing sits between the two
          // words; in the side-by-side table the value does, and the label stays "Application".
          if (!lastApplication.filled) lastApplication.label = { start: lastApplication.label.start, end: token.end };
          if (!lastApplication.filled && valueStop > valueStart) {
            removeWaiting(waiting, lastApplication);
            assign(lastApplication, valueStart, valueStop);
          }
          lastApplication = null;
        }
        return;
      }
      const label: PendingLabel = { key: token.key, label: { start: token.start, end: token.end }, filled: false };
      if (token.key === 'applicationReceived') lastApplication = label;
      if (valueStop > valueStart) assign(label, valueStart, valueStop);
      else waiting.push(label);
    });
  }
  return header;
}

function continuesWithReceived(text: string, lines: readonly Line[], index: number, from: number, limit: number): boolean {
  const line = lines[index]!;
  if (/Received[ \t]*:/i.test(text.slice(from, Math.min(line.contentEnd, from + MAX_SCANNED_LINE)))) return true;
  for (let next = index + 1; next < limit && next <= index + 2; next++) {
    const candidate = lines[next]!;
    if (candidate.contentStart >= candidate.contentEnd) continue;
    return /^Received[ \t]*:/i.test(text.slice(candidate.contentStart, Math.min(candidate.contentEnd, candidate.contentStart + 20)));
  }
  return false;
}

function removeWaiting(waiting: PendingLabel[], label: PendingLabel): void {
  const at = waiting.indexOf(label);
  if (at >= 0) waiting.splice(at, 1);
}

function skipBlank(text: string, from: number, to: number): number {
  let at = from;
  while (at < to && isBlankChar(text.charCodeAt(at))) at++;
  return at;
}

function trimEnd(text: string, from: number, to: number): number {
  let at = to;
  while (at > from && isBlankChar(text.charCodeAt(at - 1))) at--;
  return at;
}

/** Two-digit years near the decision year are this century: the pivot follows the header's decision year when known. */
export function headerYearPivot(header: Header): number {
  const decision = header.decisionDate ? parseDate(header.decisionDate.value) : null;
  return decision ? (decision.year % 100) + 1 : 50;
}

/** A header field's value as a full, valid date (day, month and year), or null. */
export function headerDate(header: Header, key: HeaderKey, pivot: number): FoundDate | null {
  const field = header[key];
  if (!field) return null;
  const date = parseDate(field.value, pivot);
  return date && date.valid && date.day !== null ? date : null;
}
