import type { Credentials, Header, Item, Letter, Section } from './model';
import { paragraphGap, splitLines } from './lines';
import { findSections } from './sections';
import { parseHeader } from './header';
import { parseCredentials } from './credentials';
import { parseItems } from './items';

/** Credentials are only looked for this far into a letter that has no determination heading. */
const MAX_CREDENTIAL_LINES = 300;

/**
 * Parses an IMR determination letter in any of the shapes it reaches the tool in: PDF extraction
 * with or without layout (header table side by side or as labels then values, form feeds at page
 * breaks), double-spaced extraction, or a draft typed in the editor (no blank lines, CRLF, tabs,
 * missing parts). Linear in the length of the text; never throws.
 */
export function parseLetter(text: string): Letter {
  const source = typeof text === 'string' ? text : '';
  try {
    return parseLetterStrict(source);
  } catch {
    // A parser bug must not take the editor down; an empty structure only loses features.
    return { text: source, header: {}, sections: [], credentials: null, items: [], looksLikeLetter: false };
  }
}

/** `parseLetter` without the safety net, so tests see any exception. */
export function parseLetterStrict(text: string): Letter {
  const lines = splitLines(text);
  const gap = paragraphGap(lines);
  const { sections, headingLines } = findSections(text, lines);

  const firstHeadingLine = headingLines.length > 0 ? headingLines[0]!.lineIndex : lines.length;
  const header: Header = parseHeader(text, lines, firstHeadingLine);

  const lineOf = (offset: number): number => lineIndexAt(lines, offset);
  const determination = sections.find((section) => section.kind === 'determination');
  let credentials: Credentials | null;
  if (determination) {
    credentials = parseCredentials(text, lines, lineOf(determination.body.start), bodyEndLine(lines, determination, lineOf), gap);
  } else {
    credentials = parseCredentials(text, lines, 0, Math.min(firstHeadingLine, MAX_CREDENTIAL_LINES), gap);
  }

  const issues = sections.find((section) => section.kind === 'issues');
  let items: Item[] = [];
  if (issues) {
    items = parseItems(text, lines, lineOf(issues.body.start), bodyEndLine(lines, issues, lineOf), gap);
  } else {
    // A draft whose issues heading is missing or misspelt: its items follow the last heading.
    const last = sections[sections.length - 1];
    items = parseItems(text, lines, last ? lineOf(last.body.start) : 0, lines.length, gap);
  }

  const headerFields = Object.keys(header).length;
  const looksLikeLetter = sections.length > 0 || header.caseNumber !== undefined || headerFields >= 2 || items.length > 0;
  return { text, header, sections, credentials, items, looksLikeLetter };
}

function bodyEndLine(lines: ReturnType<typeof splitLines>, section: Section, lineOf: (offset: number) => number): number {
  if (section.body.end >= lines[lines.length - 1]!.end) return lines.length;
  return lineOf(section.body.end);
}

/** Index of the line containing `offset` (binary search over line starts). */
function lineIndexAt(lines: ReturnType<typeof splitLines>, offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lines[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
