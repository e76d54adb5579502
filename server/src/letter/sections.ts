import { SECTION_TITLES, type Section, type SectionKind } from './model';
import { type Line, lineContent } from './lines';
import { trimEndChars } from './mapped-text';

const KINDS = Object.keys(SECTION_TITLES) as SectionKind[];
const LONGEST_TITLE = Math.max(...KINDS.map((kind) => SECTION_TITLES[kind].length));

/** The section a heading line names, comparing case-insensitively with whitespace collapsed and a trailing colon allowed. */
export function headingKind(content: string): SectionKind | null {
  if (content.length < 10 || content.length > LONGEST_TITLE + 20) return null;
  if (!startsLikeTitle(content.charCodeAt(0))) return null;
  const key = trimEndChars(content, ':').replace(/\s+/g, ' ').toUpperCase();
  for (const kind of KINDS) if (SECTION_TITLES[kind] === key) return kind;
  return null;
}

/**
 * Whether a line starting with this character can upper-case to a title's first letter (H, C or I;
 * the dotless "ı" upper-cases to "I" too). Checked before normalising, since nearly every line is
 * asked and nearly none is a heading.
 */
function startsLikeTitle(code: number): boolean {
  const upper = code & ~32;
  return upper === 72 || upper === 67 || upper === 73 || code === 0x131;
}

interface SectionHeadingLine {
  readonly kind: SectionKind;
  readonly lineIndex: number;
}

export function findSections(text: string, lines: readonly Line[]): { sections: Section[]; headingLines: SectionHeadingLine[] } {
  const headingLines: SectionHeadingLine[] = [];
  lines.forEach((line, lineIndex) => {
    // Measured before slicing: copying every line of the letter out just to reject it is the cost.
    const length = line.contentEnd - line.contentStart;
    if (length < 10 || length > LONGEST_TITLE + 20) return;
    const kind = headingKind(lineContent(text, line));
    if (kind) headingLines.push({ kind, lineIndex });
  });
  const sections = headingLines.map(({ kind, lineIndex }, n): Section => {
    const line = lines[lineIndex]!;
    const next = headingLines[n + 1];
    const bodyStart = lineIndex + 1 < lines.length ? lines[lineIndex + 1]!.start : line.end;
    const bodyEnd = next ? lines[next.lineIndex]!.start : text.length;
    return {
      kind,
      title: lineContent(text, line),
      heading: { start: line.contentStart, end: line.contentEnd },
      body: { start: bodyStart, end: Math.max(bodyStart, bodyEnd) },
    };
  });
  return { sections, headingLines };
}
