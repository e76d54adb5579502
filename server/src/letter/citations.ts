import type { Citation, CitationSource } from './model';
import { type MappedText, sourceSpan, trimDanglingConnector, trimEndChars, trimRange } from './mapped-text';

/**
 * Parses the MAXIMUS guideline text into citations, following the conventions of the
 * hand-checked corpus annotations: one citation per MTUS guideline part ("X 2004, Section(s): a,
 * b, and Y 2016, Section(s): c"), one per Non-MTUS source (ODG, ACOEM or other), a separate one
 * for "and Other Medical Treatment Guidelines …", and a single `none` when the reviewer cited
 * nothing. Works on whitespace-normalised text whose offsets map back to the letter.
 */
export function parseCitations(mapped: MappedText): Citation[] {
  const text = mapped.text;
  if (text.length === 0) return [];
  const citations: Citation[] = [];
  const context: Context = { mapped, text, citations };

  if (/\bdid not cite any (?:medical )?evidence\b/i.test(text)) {
    const [a, b] = trimRange(text, 0, text.length, '.');
    citations.push(makeCitation(context, 'none', null, null, [], [], a, b));
    return citations;
  }

  const starts: number[] = [];
  const basedOn = /\bDecision based on\s+/gi;
  for (let match = basedOn.exec(text); match; match = basedOn.exec(text)) starts.push(match.index);

  if (starts.length === 0) {
    const mtus = /^(?:CA\s+)?MTUS\b[\s,:]*/i.exec(text);
    if (mtus) parseMtus(context, mtus[0].length, text.length);
    else parseNonMtus(context, 0, text.length);
    return citations;
  }

  starts.forEach((start, n) => {
    const end = n + 1 < starts.length ? starts[n + 1]! : text.length;
    const head = /^Decision based on\s+(?:(Non-?\s?MTUS)(?:\s+Citations?)?|(?:CA\s+)?(MTUS))[\s,:]*/i.exec(text.slice(start, Math.min(end, start + 60)));
    if (head?.[2]) parseMtus(context, start + head[0].length, end);
    else if (head?.[1]) parseNonMtus(context, start + head[0].length, end);
    else parseNonMtus(context, start + 'Decision based on '.length, end);
  });
  return citations;
}

interface Context {
  readonly mapped: MappedText;
  readonly text: string;
  readonly citations: Citation[];
}

interface Piece {
  readonly value: string;
  readonly from: number;
  readonly to: number;
}

function makeCitation(
  context: Context,
  source: CitationSource,
  guideline: string | null,
  year: number | null,
  sections: readonly Piece[],
  pages: readonly Piece[],
  from: number,
  to: number,
): Citation {
  const { mapped } = context;
  return {
    source,
    guideline,
    year,
    sections: sections.map((piece) => piece.value),
    pages: pages.map((piece) => piece.value),
    span: sourceSpan(mapped, from, to),
    sectionSpans: sections.map((piece) => sourceSpan(mapped, piece.from, piece.to)),
    pageSpans: pages.map((piece) => sourceSpan(mapped, piece.from, piece.to)),
  };
}

function piece(text: string, from: number, to: number, trailing = '.,;'): Piece | null {
  const [a, b] = trimRange(text, from, to, trailing);
  return b > a ? { value: text.slice(a, b), from: a, to: b } : null;
}

// ---------------------------------------------------------------- MTUS

const SECTION_LABEL = /^,?\s*Section\(s\)\s*:\s*/i;
const PAGES_LABEL = /\bPage\(s\)\s*:?\s*/i;

interface MtusPart {
  nameFrom: number;
  yearFrom: number;
  yearTo: number;
  year: number | null;
  /** Where the sections start, or -1 when the part names none. */
  sectionsFrom: number;
}

function parseMtus(context: Context, from: number, to: number): void {
  const { text } = context;
  [from, to] = trimRange(text, from, to, '.');
  if (to <= from) return;
  const body = text.slice(from, to);
  const parts: MtusPart[] = [];
  const yearPattern = /\b(?:19|20)\d\d\b/g;
  for (let match = yearPattern.exec(body); match; match = yearPattern.exec(body)) {
    const yearFrom = from + match.index;
    const yearTo = yearFrom + 4;
    const after = text.slice(yearTo, Math.min(to, yearTo + 20));
    const sectionLabel = SECTION_LABEL.exec(after);
    const ends = after.length === 0 || /^\s*(?:[.;]|,\s*and\b|,\s*[A-Z]|and\b)/.test(after);
    if (!sectionLabel && !ends) continue;
    const previous = parts[parts.length - 1];
    if (previous && previous.sectionsFrom >= 0 && !sectionLabel && !/^\s*(?:[.;]|,\s*and\b)/.test(after) && after.length > 0) {
      // A year inside a section list ("… 2016 update, …") is not a new guideline part.
      continue;
    }
    parts.push({
      nameFrom: -1,
      yearFrom,
      yearTo,
      year: Number(match[0]),
      sectionsFrom: sectionLabel ? yearTo + sectionLabel[0].length : -1,
    });
  }

  if (parts.length === 0) {
    parseYearlessMtus(context, from, to);
    return;
  }

  parts[0]!.nameFrom = from;
  for (let n = 1; n < parts.length; n++) {
    const previous = parts[n - 1]!;
    const part = parts[n]!;
    const searchFrom = previous.sectionsFrom >= 0 ? previous.sectionsFrom : previous.yearTo;
    part.nameFrom = separatorEnd(text, searchFrom, part.yearFrom);
  }

  parts.forEach((part, n) => {
    const next = parts[n + 1];
    const partEnd = next ? separatorStart(text, part.sectionsFrom >= 0 ? part.sectionsFrom : part.yearTo, next.nameFrom) : to;
    const name = guidelineName(text.slice(part.nameFrom, part.yearFrom));
    let sections: Piece[] = [];
    let pages: Piece[] = [];
    if (part.sectionsFrom >= 0) {
      const split = splitPages(text, part.sectionsFrom, partEnd);
      sections = splitMtusSections(text, part.sectionsFrom, split.sectionsTo, name);
      pages = split.pages;
    } else {
      const split = splitPages(text, part.yearTo, partEnd);
      pages = split.pages;
    }
    const [a, b] = trimRange(text, part.nameFrom, partEnd, '.,;');
    context.citations.push(makeCitation(context, 'MTUS', name, part.year, sections, pages, a, b));
  });
}

/** Start of the next part's name: after the first ", and" (else ";", " and" or the last ",") before its year. */
function separatorEnd(text: string, from: number, yearFrom: number): number {
  const region = text.slice(from, yearFrom);
  const found = /, ?and /i.exec(region) ?? /; ?(?:and )?/i.exec(region);
  if (found) return from + found.index + found[0].length;
  const and = region.toLowerCase().indexOf(' and ');
  if (and >= 0) return from + and + ' and '.length;
  const comma = region.lastIndexOf(',');
  return comma >= 0 ? from + comma + 1 : from;
}

function separatorStart(text: string, from: number, nextNameFrom: number): number {
  return from + trimDanglingConnector(text.slice(from, nextNameFrom)).length;
}

function guidelineName(raw: string): string {
  let name = trimEndChars(raw, ',');
  for (const word of [' guidelines', ' guideline']) {
    if (name.toLowerCase().endsWith(word)) name = name.slice(0, -word.length);
  }
  return trimEndChars(name, ',').trim();
}

/** Seed-style "Chronic Pain Treatment Guidelines Muscle relaxants Page(s): 63". */
function parseYearlessMtus(context: Context, from: number, to: number): void {
  const { text } = context;
  const split = splitPages(text, from, to);
  const region = text.slice(from, split.sectionsTo);
  const guidelinesWord = /\bGuidelines?\b/i.exec(region);
  let name: string;
  let sections: Piece[] = [];
  if (guidelinesWord) {
    name = guidelineName(region.slice(0, guidelinesWord.index));
    sections = splitMtusSections(text, from + guidelinesWord.index + guidelinesWord[0].length, split.sectionsTo, name);
  } else {
    name = guidelineName(region);
  }
  const [a, b] = trimRange(text, from, to, '.,;');
  context.citations.push(makeCitation(context, 'MTUS', name.length > 0 ? name : null, null, sections, split.pages, a, b));
}

function splitPages(text: string, from: number, to: number): { sectionsTo: number; pages: Piece[] } {
  const region = text.slice(from, to);
  const label = PAGES_LABEL.exec(region);
  if (!label) return { sectionsTo: to, pages: [] };
  const pagesFrom = from + label.index + label[0].length;
  return { sectionsTo: from + label.index, pages: splitTopLevel(text, pagesFrom, to) };
}

/** Section names that contain commas of their own; each entry lists the comma-separated pieces (lower case). */
const COMMA_NAMES: readonly (readonly string[])[] = [
  ['nsaids', 'gi symptoms & cardiovascular risk'],
  ['nsaids', 'hypertension and renal function'],
  ['nsaids', 'specific drug list & adverse effects'],
  ['tens', 'chronic pain'],
  ['ultrasound', 'therapeutic'],
  ['crps', 'diagnostic tests'],
  ['topical analgesics', 'compounded'],
  ['forearm', 'wrist', '& hand'],
  ['forearm', 'wrist', 'and hand'],
  ['benzodiazepine dependence', 'maintenance'],
  ['capsaicin', 'topical'],
  ['work conditioning', 'work hardening'],
];

function splitMtusSections(text: string, from: number, to: number, guideline: string): Piece[] {
  if (/^Opioid Treatment\b/i.test(guideline)) return splitBeforeNumberedHeadings(text, from, to);
  const pieces = splitTopLevel(text, from, to);
  const merged: Piece[] = [];
  for (let n = 0; n < pieces.length; n++) {
    let joined = false;
    for (const name of COMMA_NAMES) {
      if (n + name.length > pieces.length) continue;
      const fits = name.every((part, k) => {
        const value = pieces[n + k]!.value.toLowerCase();
        return k === 0 ? value === part : value.startsWith(part);
      });
      if (!fits) continue;
      const first = pieces[n]!;
      const last = pieces[n + name.length - 1]!;
      merged.push({ value: text.slice(first.from, last.to), from: first.from, to: last.to });
      n += name.length - 1;
      joined = true;
      break;
    }
    if (joined) continue;
    const current = pieces[n]!;
    const previous = merged[merged.length - 1];
    // Menu section names start with a capital; a lower-case piece continues the one before
    // ("Opioids, criteria for use", "Opioids, dosing").
    if (previous && /^[a-z]/.test(current.value)) {
      merged[merged.length - 1] = { value: text.slice(previous.from, current.to), from: previous.from, to: current.to };
    } else merged.push(current);
  }
  return merged;
}

/** Splits at commas that are not inside parentheses. */
function splitTopLevel(text: string, from: number, to: number): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let start = from;
  for (let at = from; at < to; at++) {
    const char = text[at];
    if (char === '(' || char === '[') depth++;
    else if ((char === ')' || char === ']') && depth > 0) depth--;
    else if (char === ',' && depth === 0) {
      const found = piece(text, start, at);
      if (found) pieces.push(found);
      start = at + 1;
    }
  }
  const last = piece(text, start, to);
  if (last) pieces.push(last);
  return pieces;
}

/** MTUS Opioid Treatment 2016 section names contain commas; only a numbered heading ("3.3.9 …") starts a new one. */
function splitBeforeNumberedHeadings(text: string, from: number, to: number): Piece[] {
  const pieces: Piece[] = [];
  const region = text.slice(from, to);
  const heading = /,\s*(?=\d+(?:\.\d+)+\s)/g;
  let start = from;
  for (let match = heading.exec(region); match; match = heading.exec(region)) {
    const found = piece(text, start, from + match.index);
    if (found) pieces.push(found);
    start = from + match.index + match[0].length;
  }
  const last = piece(text, start, to);
  if (last) pieces.push(last);
  return pieces;
}

// ---------------------------------------------------------------- Non-MTUS

const ODG_NAME = 'Official Disability Guidelines (ODG)';

function parseNonMtus(context: Context, from: number, to: number): void {
  const { text } = context;
  [from, to] = trimRange(text, from, to, '.');
  if (to <= from) return;
  const region = text.slice(from, to);
  const other = /(?:^| and )Other Medical Treatment Guidelines?\b[ :,]*/gi;
  let start = from;
  for (let match = other.exec(region); match; match = other.exec(region)) {
    if (match.index + from > start) parseSource(context, start, from + match.index);
    start = from + match.index + match[0].length;
    if (match[0].length === 0) other.lastIndex++;
  }
  if (start < to) parseSource(context, start, to);
}

function parseSource(context: Context, from: number, to: number): void {
  const { text } = context;
  [from, to] = trimRange(text, from, to, '.,;');
  if (to <= from) return;
  const chunk = text.slice(from, to);
  if (/\bODG\b|Official Disability Guidelines/i.test(chunk)) {
    const lead = /^(?:Official Disability Guidelines\s*(?:\(ODG\))?|ODG\b)[\s,:;-]*/i.exec(chunk);
    const restFrom = from + (lead ? lead[0].length : 0);
    context.citations.push(makeCitation(context, 'ODG', ODG_NAME, null, splitAt(text, restFrom, to, ';'), [], from, to));
    return;
  }
  if (/^ACOEM\b/i.test(chunk)) {
    const full = /^ACOEM Occupational Medicine Practice Guidelines?(?:,? ?\d{1,2}(?:st|nd|rd|th) ed(?:ition|\.)?)?(?: ?\(\d{4}\))?/i.exec(chunk);
    const nameLength = full ? full[0].length : 'ACOEM'.length;
    const name = full ? full[0] : 'ACOEM';
    let restFrom = from + nameLength;
    while (restFrom < to && /[\s,:;]/.test(text[restFrom]!)) restFrom++;
    const { sectionsTo, pages } = splitAcoemPages(text, restFrom, to);
    const sections = piece(text, restFrom, sectionsTo);
    context.citations.push(makeCitation(context, 'ACOEM', name, null, sections ? [sections] : [], pages, from, to));
    return;
  }
  for (const [a, b] of splitAtAccessDates(text, from, to)) {
    context.citations.push(makeCitation(context, 'other', joinBrokenUrls(text.slice(a, b)), null, [], [], a, b));
  }
}

function splitAt(text: string, from: number, to: number, separator: string): Piece[] {
  const pieces: Piece[] = [];
  let start = from;
  for (let at = text.indexOf(separator, from); at >= 0 && at < to; at = text.indexOf(separator, at + 1)) {
    const found = piece(text, start, at);
    if (found) pieces.push(found);
    start = at + 1;
  }
  const last = piece(text, start, to);
  if (last) pieces.push(last);
  return pieces;
}

function splitAcoemPages(text: string, from: number, to: number): { sectionsTo: number; pages: Piece[] } {
  // Only the tail can hold the page ("…, Shoulder Disorders, pg. 64"); a bounded look keeps this linear.
  const tailFrom = Math.max(from, to - 24);
  const tail = text.slice(tailFrom, to);
  const page = /(?:^|[,;]? )(?:pg|pp|p|page|pages)\.? ?(\d{1,5}(?:-\d{1,5})?)$/i.exec(tail);
  if (!page) return { sectionsTo: to, pages: [] };
  const value = page[1]!;
  const valueFrom = tailFrom + page.index + page[0].lastIndexOf(value);
  return { sectionsTo: tailFrom + page.index, pages: [{ value, from: valueFrom, to: valueFrom + value.length }] };
}

/** Several "other" references run together; each ends with its access date ("…, accessed 02/18/2017, Next ref"). */
function splitAtAccessDates(text: string, from: number, to: number): [number, number][] {
  const ranges: [number, number][] = [];
  const region = text.slice(from, to);
  const accessed = /\baccessed\b[^,;]{0,40}?\b\d{1,2}\/\d{1,2}\/\d{2,4}(?=[,;]\s+\S)/gi;
  let start = from;
  for (let match = accessed.exec(region); match; match = accessed.exec(region)) {
    const end = from + match.index + match[0].length;
    const [a, b] = trimRange(text, start, end, '.,;');
    if (b > a) ranges.push([a, b]);
    start = end + 1;
  }
  const [a, b] = trimRange(text, start, to, '.,;');
  if (b > a) ranges.push([a, b]);
  return ranges;
}

/** A URL broken at a line-end hyphen comes out as "Regulations-and- Guidance"; the space is not part of it. */
function joinBrokenUrls(value: string): string {
  if (!/https?:\/\/|www\./i.test(value)) return value;
  const words = value.split(' ');
  const out: string[] = [words[0]!];
  let inUrl = /https?:\/\/|www\./i.test(words[0]!);
  let previous = words[0]!;
  for (let n = 1; n < words.length; n++) {
    const word = words[n]!;
    if (!(inUrl && previous.endsWith('-') && word.length > 0)) {
      out.push(' ');
      inUrl = /^(?:https?:\/\/|www\.)/i.test(word);
    }
    out.push(word);
    previous = word;
  }
  return out.join('');
}
