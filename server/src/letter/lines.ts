/**
 * Line index over a letter. Every later step works on these offsets so that
 * the text is scanned once; form feeds (page breaks in PDF extractions) and
 * tabs count as blank space, never as content.
 */

export interface Line {
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset just past the last character, line terminator excluded. */
  readonly end: number;
  /** First non-blank character (equals `end` for a blank line). */
  readonly contentStart: number;
  /** Just past the last non-blank character. */
  readonly contentEnd: number;
}

export function isBlankChar(code: number): boolean {
  // space, tab, vertical tab, form feed, carriage return, no-break space, BOM
  if (code === 32 || code === 9 || code === 11 || code === 12 || code === 13 || code === 160 || code === 0xfeff) return true;
  // Invisible format characters that editors and PDF tools leave at line ends: zero-width space and
  // joiners, left-to-right and right-to-left marks, bidirectional embeddings and isolates, word joiner.
  return code >= 0x200b && (code <= 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x2069));
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const length = text.length;
  // The next occurrence of each terminator (-1: none left), found with indexOf, which is much
  // faster than testing every character; each is searched again only once the scan passes it.
  let nextLineFeed = text.indexOf('\n');
  let nextReturn = text.indexOf('\r');
  let nextLineSeparator = text.indexOf('\u2028');
  let nextParagraphSeparator = text.indexOf('\u2029');
  let start = 0;
  for (;;) {
    if (nextLineFeed >= 0 && nextLineFeed < start) nextLineFeed = text.indexOf('\n', start);
    if (nextReturn >= 0 && nextReturn < start) nextReturn = text.indexOf('\r', start);
    if (nextLineSeparator >= 0 && nextLineSeparator < start) nextLineSeparator = text.indexOf('\u2028', start);
    if (nextParagraphSeparator >= 0 && nextParagraphSeparator < start) nextParagraphSeparator = text.indexOf('\u2029', start);
    let end = length;
    if (nextLineFeed >= 0) end = nextLineFeed;
    if (nextReturn >= 0 && nextReturn < end) end = nextReturn;
    if (nextLineSeparator >= 0 && nextLineSeparator < end) end = nextLineSeparator;
    if (nextParagraphSeparator >= 0 && nextParagraphSeparator < end) end = nextParagraphSeparator;
    let contentStart = start;
    while (contentStart < end && isBlankChar(text.charCodeAt(contentStart))) contentStart++;
    let contentEnd = end;
    while (contentEnd > contentStart && isBlankChar(text.charCodeAt(contentEnd - 1))) contentEnd--;
    lines.push({ start, end, contentStart, contentEnd });
    if (end >= length) break;
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    if (start === length) {
      // A final terminator leaves an empty last line, as editors show it.
      lines.push({ start, end: start, contentStart: start, contentEnd: start });
      break;
    }
  }
  return lines;
}

export function isBlankLine(line: Line): boolean {
  return line.contentStart >= line.contentEnd;
}

export function lineContent(text: string, line: Line): string {
  return text.slice(line.contentStart, line.contentEnd);
}

/**
 * Some extractions put a blank line after every text line ("double spacing");
 * there a single blank line is only a line break, and a paragraph break takes two or more.
 * Returns how many consecutive blank lines make a paragraph break.
 */
export function paragraphGap(lines: readonly Line[]): number {
  let textLines = 0;
  let adjacentPairs = 0;
  let previousText = false;
  for (const line of lines) {
    const blank = isBlankLine(line);
    if (!blank) {
      textLines++;
      if (previousText) adjacentPairs++;
    }
    previousText = !blank;
  }
  return textLines >= 8 && adjacentPairs * 10 < textLines ? 2 : 1;
}
