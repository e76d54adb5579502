import type { KnowledgeBase } from '../knowledge';
import { parseLetter } from '../letter/parse';
import type { Letter } from '../letter/model';
import { LineMap } from '../text/line-map';

/** A line that is only a page number: "Page 2", "Page 2 of 5", "- 2 -". */
const PAGE_NUMBER = /^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|-\s*\d+\s*-)\s*$/i;
const NEXT_WORD = /^[a-z]+/;

/**
 * Turns a letter pasted from a PDF into a clean draft, without changing a word:
 * - removes the blank line after every line of double-spaced text;
 * - removes page-break artefacts: form feeds (and the blank line a page break leaves in a
 *   paragraph) and lines that are only a page number;
 * - joins lines the PDF broke into paragraphs, never across the header table, a heading, the
 *   credential lines, an item's title or the label of an item's part;
 * - rejoins a word hyphenated at a line break only where the joined word is known (it occurs
 *   unbroken in the letter, or the knowledge base names it);
 * - leaves one blank line between an item's parts, and between items;
 * - drops spaces at line ends and keeps the document's line ends (CRLF or LF).
 * Returns the text unchanged when it is not a letter.
 */
export function normaliseLetter(text: string, knowledge?: KnowledgeBase): string {
  if (!parseLetter(text).looksLikeLetter) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let lines = text.split(/\r\n|\r|\n/);
  lines = removePageArtefacts(lines);
  lines = removeDoubleSpacing(lines);
  lines = lines.map((line) => line.trimEnd());
  const known = knownWords(lines.join('\n'), knowledge);
  lines = joinParagraphs(lines, known);
  lines = spaceItemParts(lines);
  return lines.join(eol);
}

/**
 * Form feeds and page-number lines go. Where the text after a page break goes on with a lower-case
 * word, the sentence ran over the page, and the blank lines the break left inside it go too.
 */
function removePageArtefacts(lines: readonly string[]): string[] {
  const kept: string[] = [];
  let afterBreak = false;
  for (const line of lines) {
    const rest = line.includes('\f') ? line.replace(/\f/g, '') : line;
    afterBreak ||= rest !== line;
    if (PAGE_NUMBER.test(rest)) continue;
    if (rest.trim() !== '' && afterBreak) {
      if (/^\s*[a-z]/.test(rest)) while (kept.length > 0 && kept[kept.length - 1].trim() === '') kept.pop();
      afterBreak = false;
    }
    kept.push(rest);
  }
  return kept;
}

/**
 * Double-spaced text (most non-blank lines followed by an empty line, and sentences running on
 * across those empty lines) loses the empty line after each line; a line of spaces, which such text uses between paragraphs, becomes the blank line.
 */
function removeDoubleSpacing(lines: readonly string[]): string[] {
  let text = 0;
  let followed = 0;
  // A sentence that goes on after the empty line ("…who sustained an" / "" / "industrial injury"):
  // the empty line is spacing, not the end of a paragraph. Text already cleaned has none.
  let continued = 0;
  for (let index = 0; index < lines.length; index++) {
    if (lines[index].trim() === '') continue;
    text++;
    if (index + 1 < lines.length && lines[index + 1] === '') {
      followed++;
      if (/^\s*[a-z]/.test(lines[index + 2] ?? '')) continued++;
    }
  }
  if (text < 5 || followed < 0.8 * text || continued < 0.1 * followed) return [...lines];
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (lines[index] === '' && index > 0 && lines[index - 1] !== '') continue;
    kept.push(lines[index]);
  }
  return kept;
}

/** Lower-case words the letter writes whole, and the knowledge base's drug names: where a hyphen at a line end may go. */
function knownWords(text: string, knowledge: KnowledgeBase | undefined): ReadonlySet<string> {
  const words = new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? []);
  for (const drug of knowledge?.drugs ?? []) for (const name of [drug.generic, ...drug.brands, ...drug.otherNames]) words.add(name.toLowerCase());
  return words;
}

interface LineRoles {
  /** Nothing joins into or out of the line: header table, headings, credentials. */
  readonly whole: boolean;
  /** Something starts on this line (an item title, a part's label): it never joins the line before. */
  readonly start: boolean;
}

function rolesOf(letter: Letter, lineCount: number): LineRoles[] {
  const lines = new LineMap(letter.text);
  const lineOf = (offset: number) => lines.positionAt(offset).line;
  const whole = new Array<boolean>(lineCount).fill(false);
  const start = new Array<boolean>(lineCount).fill(false);
  const mark = (flags: boolean[], from: number, to = from) => {
    for (let line = lineOf(from); line <= lineOf(Math.max(from, to)); line++) flags[line] = true;
  };
  // The header table sits before the first section's heading.
  const firstHeading = letter.sections[0]?.heading.start ?? 0;
  if (firstHeading > 0) mark(whole, 0, firstHeading - 1);
  for (const section of letter.sections) mark(whole, section.heading.start, section.heading.end);
  const credentials = letter.credentials;
  if (credentials?.licensureSpan) mark(whole, credentials.licensureSpan.start, credentials.licensureSpan.end);
  if (credentials?.specialtySpan) mark(whole, credentials.specialtySpan.start, credentials.specialtySpan.end);
  for (const section of letter.sections) {
    // "The Expert Reviewer has the following credentials:" and its like end a line of their own.
    const firstBodyLine = letter.text.slice(section.body.start, section.body.end).search(/\S/);
    if (firstBodyLine >= 0) mark(start, section.body.start + firstBodyLine);
  }
  // An item's title lines, from the end of what came before to its first part, stay as they are:
  // a partial authorization's title ("X was the original request. Y was authorized … the
  // remaining portion …, Z is: Upheld") is read from its lines.
  let previousEnd = letter.sections.find((section) => section.kind === 'issues')?.heading.end ?? 0;
  for (const item of letter.items) {
    const parts = [item.claimsAdministratorGuideline?.label, item.maximusGuideline?.label, item.rationale?.label].filter((part) => part !== undefined);
    const firstPart = parts.length > 0 ? Math.min(...parts.map((part) => part.start)) : item.span.end;
    for (let line = lineOf(previousEnd) + 1; line <= lineOf(Math.max(previousEnd, firstPart - 1)); line++) whole[line] = true;
    for (const part of parts) mark(start, part.start);
    previousEnd = item.span.end;
  }
  return whole.map((isWhole, index) => ({ whole: isWhole, start: start[index] }));
}

function joinParagraphs(lines: readonly string[], known: ReadonlySet<string>): string[] {
  const letter = parseLetter(lines.join('\n'));
  const roles = rolesOf(letter, lines.length);
  // Each output line as the pieces it is joined from, each but the first with its joining space: the
  // checks below read only the last piece, so a paragraph of thousands of lines is never read whole
  // (reading a string built by joining flattens it, and doing that per line took time in the square
  // of the paragraph's length).
  const joined: string[][] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const pieces = joined[joined.length - 1];
    const afterBlank = pieces === undefined || (pieces.length === 1 && pieces[0] === '');
    const canJoin = index > 0 && !afterBlank && line.trim() !== '' && !roles[index].whole && !roles[index].start && !roles[index - 1].whole && !credentialsLine(line);
    if (!canJoin) {
      joined.push([line]);
      continue;
    }
    const before = pieces[pieces.length - 1];
    const broken = brokenWord(before);
    const next = NEXT_WORD.exec(line.trimStart());
    const rejoin = broken !== null && next !== null && known.has(`${broken}${next[0]}`.toLowerCase());
    if (rejoin) pieces[pieces.length - 1] = `${before.slice(0, -1)}${line.trimStart()}`;
    else pieces.push(` ${line.trimStart()}`);
  }
  return joined.map((pieces) => pieces.join(''));
}

/** The letters of a word broken at the line's end ("Electro-" gives "Electro"), or null. */
function brokenWord(line: string): string | null {
  if (!line.endsWith('-')) return null;
  let start = line.length - 1;
  while (start > 0 && /[A-Za-z]/.test(line[start - 1])) start--;
  return start < line.length - 1 ? line.slice(start, line.length - 1) : null;
}

/** "The Expert Reviewer has the following credentials:" and the lines that name them keep their own lines. */
function credentialsLine(line: string): boolean {
  return /^\s*(?:The Expert Reviewer has the following credentials:|State\(s\) of Licensure:|Certification\(s\)\/Specialty:)/i.test(line);
}

/** One blank line before each item and each of its parts; never two blank lines in a row. */
function spaceItemParts(lines: readonly string[]): string[] {
  const letter = parseLetter(lines.join('\n'));
  const map = new LineMap(letter.text);
  const before = new Set<number>();
  letter.items.forEach((item, index) => {
    // Between items: after the last line of the one before (a partial authorization's title takes several lines).
    if (index > 0) before.add(map.positionAt(letter.items[index - 1].span.end).line + 1);
    for (const part of [item.claimsAdministratorGuideline?.label, item.maximusGuideline?.label, item.rationale?.label]) if (part) before.add(map.positionAt(part.start).line);
  });
  const spaced: string[] = [];
  lines.forEach((line, index) => {
    if (before.has(index) && spaced.length > 0 && spaced[spaced.length - 1] !== '') spaced.push('');
    if (line === '' && spaced.length > 0 && spaced[spaced.length - 1] === '') return;
    spaced.push(line);
  });
  return spaced;
}
