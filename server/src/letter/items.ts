import type { DecisionMark, GuidelineLine, Item, PartialAuthorization, Rationale } from './model';
import type { Span } from '../text/span';
import { type Line, isBlankLine } from './lines';
import { type MappedText, mapRange, sourceSpan, trimmedSpan, trimRange } from './mapped-text';
import { classifyDecisionWord } from './decision';
import { headingKind } from './sections';
import { parseCitations } from './citations';
import { parseMedication, quantityOf, refillsOf } from './medication';
import { findDates } from '../language/dates';

type PartKind = 'claims' | 'maximus' | 'rationale';

const PART_ORDER: Readonly<Record<PartKind, number>> = { claims: 1, maximus: 2, rationale: 3 };

/** Sticky: each is tried at a line's start in the letter itself, so no line is copied out to test it. */
const PART_LABELS: readonly [PartKind, RegExp][] = [
  ['claims', /Claims[ \t]+Administrator[ \t]+guidelines?[ \t]*:/iy],
  ['maximus', /MAXIMUS[ \t]+guidelines?[ \t]*:/iy],
  ['rationale', /Decision[ \t]+rationale[ \t]*:/iy],
];
/** A label ends within this many characters of its line's start. */
const PART_LABEL_REACH = 40;

/** A decision word sits within this many characters of the end of its line. */
const DECISION_TAIL = 30;
/** Plain titles wrap over a few lines; partial authorizations spell out three requests. */
const MAX_TITLE_LINES = 5;
const MAX_PARTIAL_TITLE_LINES = 12;
/** Parts of a title longer than this are junk; medication parsing is skipped for them. */
const MAX_MEDICATION_TITLE = 400;

interface PartLabel {
  readonly kind: PartKind;
  readonly line: number;
  /** Label text, e.g. "Decision rationale:". */
  readonly label: Span;
}

interface DecisionLine {
  /** Last line of the title. */
  readonly titleEndLine: number;
  /** Where the title text stops (the colon, or the separator before the word). */
  readonly titleEnd: number;
  /** Line holding the decision word (the next one when "… is:" wraps before "Upheld"). */
  readonly wordLine: number;
  readonly mark: DecisionMark;
}

type Event = { type: 'part'; part: PartLabel } | { type: 'decision'; decision: DecisionLine };

interface Draft {
  titleStartLine: number;
  /** Title text range in the source: [start, end). Empty when the item has no title. */
  titleStart: number;
  titleEnd: number;
  mark: DecisionMark | null;
  parts: PartLabel[];
}

function partLabelAt(text: string, line: Line): { kind: PartKind; length: number } | null {
  if (line.contentEnd - line.contentStart < 8) return null;
  // Every label starts with C, M or D (ASCII only: these patterns are not Unicode-aware); most lines
  // are prose and stop here.
  const first = text.charCodeAt(line.contentStart) & ~32;
  if (first !== 67 && first !== 77 && first !== 68) return null;
  const limit = Math.min(line.contentEnd, line.contentStart + PART_LABEL_REACH);
  for (let index = 0; index < PART_LABELS.length; index++) {
    const [kind, pattern] = PART_LABELS[index]!;
    pattern.lastIndex = line.contentStart;
    // A label's end is fixed by its colon, so one that ends past the limit has no shorter match within it.
    if (pattern.test(text) && pattern.lastIndex <= limit) return { kind, length: pattern.lastIndex - line.contentStart };
  }
  return null;
}

function endsSentence(content: string): boolean {
  let end = content.length;
  while (end > 0 && `"')]\u201d`.includes(content[end - 1]!)) end--;
  const last = content[end - 1];
  return last === '.' || last === '!' || last === '?' || last === ':' || last === ';';
}

/**
 * A title line that ends in a short label ("DOS:", "date of service:") with its date at the start
 * of the next line: the title wraps there, the colon does not end it.
 */
function labelBeforeDate(content: string, text: string, next: Line): boolean {
  if (!/\b[A-Za-z][A-Za-z ]{1,20}:$/.test(content)) return false;
  const head = text.slice(next.contentStart, Math.min(next.contentEnd, next.contentStart + 40)).replace(/^\(/, ' ');
  return findDates(head).some((date) => date.span.start <= 1);
}

function isIntro(content: string): boolean {
  return /set forth below\s*:?$/i.test(content.slice(-40)) || /^The Final Determination was based on/i.test(content);
}

function endsWithVerdict(content: string): boolean {
  return /\bmedically\s+(?:necessary|reasonable)\.?$/i.test(content.slice(-40));
}

/**
 * Finds the disputed items in the lines [fromLine, toLine) of the issues section.
 *
 * Item parts are announced by their labels; a decision line is told apart from rationale text by
 * the word after its last colon (see `classifyDecisionWord`): "Upheld"/"Overturned" and their
 * misspellings start an item anywhere, a utilization-review word ("Denied") only when the item's
 * guideline labels follow, and any other word ("…: Recommended") never. A title is the run of
 * lines that ends at the decision line and starts after the previous paragraph or sentence.
 */
export function parseItems(text: string, lines: readonly Line[], fromLine: number, toLine: number, gap: number): Item[] {
  const events = findEvents(text, lines, fromLine, toLine, gap);
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let lowLimit = fromLine;

  for (const event of events) {
    if (event.type === 'decision') {
      const { decision } = event;
      const startLine = walkBackTitle(text, lines, decision.titleEndLine, lowLimit, gap);
      current = {
        titleStartLine: startLine,
        titleStart: lines[startLine]!.contentStart,
        titleEnd: decision.titleEnd,
        mark: decision.mark,
        parts: [],
      };
      drafts.push(current);
      lowLimit = decision.wordLine + 1;
      continue;
    }
    const { part } = event;
    const order = PART_ORDER[part.kind];
    const lastOrder = current && current.parts.length > 0 ? PART_ORDER[current.parts[current.parts.length - 1]!.kind] : 0;
    if (current && order > lastOrder) {
      current.parts.push(part);
      lowLimit = part.line + 1;
      continue;
    }
    // A label that cannot belong to the current item starts a new one whose title has no decision.
    const previousWasRationale = current?.parts.some((p) => p.kind === 'rationale') ?? false;
    const title = titleBeforeLabel(text, lines, part.line, lowLimit, gap, previousWasRationale);
    current = {
      titleStartLine: title ? title.startLine : part.line,
      titleStart: title ? title.start : part.label.start,
      titleEnd: title ? title.end : part.label.start,
      mark: null,
      parts: [part],
    };
    drafts.push(current);
    lowLimit = part.line + 1;
  }

  return drafts.map((draft, n) => {
    const next = drafts[n + 1];
    const endLine = next ? next.titleStartLine : toLine;
    return buildItem(text, lines, draft, endLine);
  });
}

function findEvents(text: string, lines: readonly Line[], fromLine: number, toLine: number, gap: number): Event[] {
  const events: Event[] = [];
  const labels: (PartKind | null)[] = new Array(toLine - fromLine).fill(null);
  for (let index = fromLine; index < toLine; index++) {
    const found = partLabelAt(text, lines[index]!);
    if (found) labels[index - fromLine] = found.kind;
  }
  const nextTextLine = (index: number): number => {
    let blanks = 0;
    for (let next = index + 1; next < toLine; next++) {
      if (!isBlankLine(lines[next]!)) return next;
      if (++blanks > gap + 1) return -1;
    }
    return -1;
  };
  const labelFollows = (index: number): boolean => {
    const next = nextTextLine(index);
    return next >= 0 && labels[next - fromLine] !== null;
  };

  for (let index = fromLine; index < toLine; index++) {
    const line = lines[index]!;
    if (isBlankLine(line)) continue;
    const kind = labels[index - fromLine];
    if (kind) {
      const length = partLabelAt(text, line)!.length;
      events.push({ type: 'part', part: { kind, line: index, label: { start: line.contentStart, end: line.contentStart + length } } });
      continue;
    }
    const decision = decisionOnLine(text, lines, index, nextTextLine, labelFollows);
    if (decision) {
      events.push({ type: 'decision', decision });
      index = decision.wordLine;
    }
  }
  return events;
}

function decisionOnLine(
  text: string,
  lines: readonly Line[],
  index: number,
  nextTextLine: (index: number) => number,
  labelFollows: (index: number) => boolean,
): DecisionLine | null {
  const line = lines[index]!;
  const tailStart = Math.max(line.contentStart, line.contentEnd - DECISION_TAIL);
  const tail = text.slice(tailStart, line.contentEnd);
  const colon = tail.lastIndexOf(':');

  if (colon >= 0) {
    const colonAt = tailStart + colon;
    const [wordStart, wordEnd] = trimSource(text, colonAt + 1, line.contentEnd);
    if (wordEnd > wordStart) {
      const word = classifyDecisionWord(text.slice(wordStart, wordEnd));
      const accepted = word.kind === 'valid' || word.kind === 'decisionLike' || (word.kind === 'reviewWord' && labelFollows(index));
      if (!accepted || colonAt <= line.contentStart) return null;
      return {
        titleEndLine: index,
        titleEnd: colonAt,
        wordLine: index,
        mark: { text: text.slice(wordStart, wordEnd), decision: word.decision, span: { start: wordStart, end: wordEnd } },
      };
    }
    // "… is:" at the end of a line with the decision word alone on the next one.
    const next = nextTextLine(index);
    if (next < 0 || colonAt <= line.contentStart) return null;
    const nextLine = lines[next]!;
    if (nextLine.contentEnd - nextLine.contentStart > DECISION_TAIL) return null;
    const word = classifyDecisionWord(text.slice(nextLine.contentStart, nextLine.contentEnd));
    if (word.kind !== 'valid' && word.kind !== 'decisionLike') return null;
    if (isIntro(text.slice(line.contentStart, line.contentEnd))) return null;
    return {
      titleEndLine: index,
      titleEnd: colonAt,
      wordLine: next,
      mark: {
        text: text.slice(nextLine.contentStart, nextLine.contentEnd),
        decision: word.decision,
        span: { start: nextLine.contentStart, end: nextLine.contentEnd },
      },
    };
  }

  // A decision typed without its colon ("Norco 10mg #60 Upheld", "… - Upheld") counts only
  // when the item's guideline lines follow directly.
  // Both decision words end in "d"; checking that first spares lower-casing nearly every line.
  if ((tail.charCodeAt(tail.length - 1) | 32) !== 100) return null;
  const lower = tail.toLowerCase();
  if (!lower.endsWith('upheld') && !lower.endsWith('overturned')) return null;
  const lastWord = /(?:^|\s)(?:[-\u2013\u2014]\s*)?([A-Za-z]+)$/.exec(tail);
  if (!lastWord) return null;
  const word = classifyDecisionWord(lastWord[1]!);
  if (word.kind !== 'valid' || !labelFollows(index)) return null;
  const wordStart = line.contentEnd - lastWord[1]!.length;
  if (wordStart <= line.contentStart) return null;
  const [, titleEnd] = trimSource(text, line.contentStart, tailStart + lastWord.index, '-\u2013\u2014');
  return {
    titleEndLine: index,
    titleEnd,
    wordLine: index,
    mark: { text: lastWord[1]!, decision: word.decision, span: { start: wordStart, end: line.contentEnd } },
  };
}

/** Blanks that can sit inside a line (line terminators excluded). */
function isInlineBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 12 || code === 11 || code === 160 || code === 13;
}

function trimSource(text: string, from: number, to: number, extra = ''): [number, number] {
  let a = from;
  let b = to;
  while (a < b && isInlineBlank(text.charCodeAt(a))) a++;
  while (b > a && (isInlineBlank(text.charCodeAt(b - 1)) || extra.includes(text[b - 1]!))) b--;
  return [a, b];
}

const PARTIAL_HINT = /original request|remaining IMR eligible|authorized by the Claims Administrator|Claims Administrator authorized/i;
const PARTIAL_ORIGINAL = /was the original request/i;

/** First line of the title that ends on `endLine`, never above `lowLimit`. */
function walkBackTitle(text: string, lines: readonly Line[], endLine: number, lowLimit: number, gap: number): number {
  let start = endLine;
  // Only the text near each line break matters for the phrases below; capping it keeps junk input linear.
  let head = text.slice(lines[endLine]!.contentStart, Math.min(lines[endLine]!.contentEnd, lines[endLine]!.contentStart + 600));
  let sawHint = PARTIAL_HINT.test(text.slice(lines[endLine]!.contentStart, Math.min(lines[endLine]!.contentEnd, lines[endLine]!.contentStart + 2000)));
  let sawOriginal = sawHint && PARTIAL_ORIGINAL.test(text.slice(lines[endLine]!.contentStart, Math.min(lines[endLine]!.contentEnd, lines[endLine]!.contentStart + 2000)));
  let taken = 1;
  let blanks = 0;
  for (let index = endLine - 1; index >= lowLimit; index--) {
    const line = lines[index]!;
    const partialPending = sawHint && !sawOriginal;
    if (isBlankLine(line)) {
      if (isPageBreakOnly(text, line)) continue;
      // A partial authorization is one paragraph; a page break inside it leaves a blank line.
      if (partialPending && blanks < gap + 1) {
        blanks++;
        continue;
      }
      if (++blanks >= gap) break;
      continue;
    }
    const content = text.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 2000));
    if (partLabelAt(text, line) || headingKind(content)) break;
    const limit = sawHint ? MAX_PARTIAL_TITLE_LINES : MAX_TITLE_LINES;
    if (taken >= limit) break;
    if (!partialPending && ((endsSentence(content) && !labelBeforeDate(content, text, lines[start]!)) || endsWithVerdict(content) || isIntro(content))) break;
    if (isIntro(content)) break;
    blanks = 0;
    start = index;
    taken++;
    const window = `${content.slice(-600)} ${head}`;
    sawHint = sawHint || PARTIAL_HINT.test(window);
    sawOriginal = sawOriginal || PARTIAL_ORIGINAL.test(window);
    head = window.slice(0, 600);
  }
  return start;
}

function isPageBreakOnly(text: string, line: Line): boolean {
  return line.end > line.start && text.slice(line.start, line.end).includes('\f');
}

/** The title typed just above a label when the item has no decision line. */
function titleBeforeLabel(
  text: string,
  lines: readonly Line[],
  labelLine: number,
  lowLimit: number,
  gap: number,
  afterRationale: boolean,
): { startLine: number; endLine: number; start: number; end: number } | null {
  let candidate = -1;
  let blanks = 0;
  for (let index = labelLine - 1; index >= lowLimit; index--) {
    const line = lines[index]!;
    if (isBlankLine(line)) {
      if (isPageBreakOnly(text, line)) continue;
      if (++blanks >= gap + 1) return null;
      continue;
    }
    candidate = index;
    break;
  }
  if (candidate < 0) return null;
  const line = lines[candidate]!;
  const content = text.slice(line.contentStart, line.contentEnd);
  if (partLabelAt(text, line) || headingKind(content) || isIntro(content)) return null;
  if (afterRationale || candidate > lowLimit) {
    // The last line of a rationale is not a title: it ends a sentence that started above it,
    // or states the verdict.
    if (endsWithVerdict(content)) return null;
    if (endsSentence(content) && candidate > lowLimit) {
      const above = lines[candidate - 1]!;
      if (!isBlankLine(above) && !endsSentence(text.slice(above.contentStart, above.contentEnd))) return null;
    }
  }
  const startLine = walkBackTitle(text, lines, candidate, lowLimit, gap);
  let [start, end] = trimSource(text, lines[startLine]!.contentStart, line.contentEnd, ':');
  if (end < start) end = start;
  return { startLine, endLine: candidate, start, end };
}

function lastTextLine(lines: readonly Line[], from: number, toExclusive: number): number {
  for (let index = toExclusive - 1; index >= from; index--) if (!isBlankLine(lines[index]!)) return index;
  return -1;
}

function buildItem(text: string, lines: readonly Line[], draft: Draft, endLine: number): Item {
  const titleMapped = mapRange(text, draft.titleStart, draft.titleEnd);
  const { title, titleSpan, partial } = readTitle(titleMapped, draft.titleStart);
  const medication = title.length <= MAX_MEDICATION_TITLE ? parseMedication(title) : null;

  let claimsAdministratorGuideline: GuidelineLine | null = null;
  let maximusGuideline: GuidelineLine | null = null;
  let maximusText: MappedText | null = null;
  let rationale: Rationale | null = null;
  let itemEnd = draft.mark ? draft.mark.span.end : Math.max(draft.titleEnd, titleSpan.end);

  for (let n = 0; n < draft.parts.length; n++) {
    const part = draft.parts[n]!;
    const stopLine = n + 1 < draft.parts.length ? draft.parts[n + 1]!.line : endLine;
    const last = lastTextLine(lines, part.line, stopLine);
    const contentEnd = last >= 0 ? Math.max(lines[last]!.contentEnd, part.label.end) : part.label.end;
    const textSpan = trimmedSpan(text, part.label.end, contentEnd);
    const span: Span = { start: part.label.start, end: Math.max(part.label.end, textSpan.end) };
    itemEnd = Math.max(itemEnd, span.end);
    if (part.kind === 'rationale') {
      // Rules read the rationale's own text through its span; it is not copied out.
      rationale = { label: part.label, span, textSpan };
      continue;
    }
    const mapped = mapRange(text, textSpan.start, textSpan.end);
    if (part.kind === 'claims') {
      claimsAdministratorGuideline = { text: mapped.text, label: part.label, span, textSpan };
    } else {
      maximusGuideline = { text: mapped.text, label: part.label, span, textSpan };
      maximusText = mapped;
    }
  }
  const citations = maximusText ? parseCitations(maximusText) : [];

  return {
    title,
    titleSpan,
    decision: draft.mark,
    medication,
    quantity: quantityOf(title),
    refills: medication ? medication.refills : refillsOf(title),
    partial,
    claimsAdministratorGuideline,
    maximusGuideline,
    citations,
    rationale,
    span: { start: Math.min(draft.titleStart, draft.parts[0]?.label.start ?? draft.titleStart), end: itemEnd },
  };
}

/**
 * The item name. For a partial authorization ("X was the original request. Y was authorized by
 * the Claims Administrator. The remaining IMR eligible portion of the original request, Z is:")
 * it is Z, the part the decision applies to.
 */
function readTitle(mapped: MappedText, fallback: number): { title: string; titleSpan: Span; partial: PartialAuthorization | null } {
  const text = mapped.text;
  const whole = trimRange(text, 0, text.length, ':');
  const plain = {
    title: text.slice(whole[0], whole[1]),
    titleSpan: sourceSpan(mapped, whole[0], whole[1], fallback),
    partial: null,
  };
  const lower = text.toLowerCase();
  const originalAt = lower.indexOf(' was the original request');
  if (originalAt < 0) return plain;
  const marker = lower.lastIndexOf('original request,');
  let remainingFrom: number;
  if (marker > originalAt) remainingFrom = marker + 'original request,'.length;
  else {
    const is = /original request (?:is(?: for)?|was) /i.exec(text.slice(originalAt + 10));
    if (!is) return plain;
    remainingFrom = originalAt + 10 + is.index + is[0].length;
  }
  let remainingTo = whole[1];
  if (remainingTo - remainingFrom > 3 && lower.slice(remainingTo - 3, remainingTo) === ' is') remainingTo -= 3;
  const [a, b] = trimRange(text, remainingFrom, remainingTo, ':,');
  if (b <= a) return plain;

  const originalRequest = text.slice(0, originalAt).trim();
  const afterOriginal = text.slice(originalAt + ' was the original request'.length).replace(/^\.? ?/, '');
  const afterLower = afterOriginal.toLowerCase();
  let authorized = '';
  const authorizedBy = afterLower.indexOf(' was authorized by the claims administrator');
  const administrator = 'the claims administrator authorized ';
  if (authorizedBy >= 0) authorized = afterOriginal.slice(0, authorizedBy);
  else if (afterLower.startsWith(administrator)) {
    const rest = afterOriginal.slice(administrator.length);
    const leaving = rest.toLowerCase().indexOf(', leaving');
    const stop = rest.indexOf('. ');
    const cut = [leaving, stop].filter((at) => at >= 0);
    authorized = cut.length > 0 ? rest.slice(0, Math.min(...cut)) : '';
  }
  authorized = authorized.trim();
  return {
    title: text.slice(a, b),
    titleSpan: sourceSpan(mapped, a, b, fallback),
    partial: { originalRequest, authorized: authorized.length > 0 ? authorized : null, remaining: text.slice(a, b) },
  };
}
