import type { Credentials } from './model';
import type { Span } from '../text/span';
import { type Line, isBlankLine } from './lines';
import { mapRange, normaliseSpace, sourceSpan, trimDanglingConnector } from './mapped-text';
import { headingKind } from './sections';

const LICENSURE_LABEL = /^State\(s\)[ \t]*of[ \t]+Licensure[ \t]*:/i;
const SPECIALTY_LABEL = /^Certification\(s\)[ \t]*\/[ \t]*Specialty[ \t]*:/i;
const MAX_CONTINUATION_LINES = 3;

/**
 * Reads the reviewer's "State(s) of Licensure:" and "Certification(s)/Specialty:" lines
 * (the specialty may wrap onto following lines), or, in older letters, the prose
 * "Board Certified in X, has a subspecialty in Y and is licensed to practice in Z".
 */
export function parseCredentials(
  text: string,
  lines: readonly Line[],
  fromLine: number,
  toLine: number,
  gap: number,
): Credentials | null {
  let licensure: string[] | null = null;
  let licensureSpan: Span | undefined;
  let specialty: string | null = null;
  let specialtySpan: Span | undefined;

  for (let index = fromLine; index < toLine; index++) {
    const line = lines[index]!;
    if (isBlankLine(line)) continue;
    const head = text.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 40));
    const licensureLabel = licensure === null ? LICENSURE_LABEL.exec(head) : null;
    if (licensureLabel) {
      const start = line.contentStart + licensureLabel[0].length;
      const mapped = mapRange(text, start, line.contentEnd);
      licensure = mapped.text
        .split(',')
        .map((state) => state.trim())
        .filter((state) => state.length > 0);
      licensureSpan = sourceSpan(mapped, 0, mapped.text.length, line.contentEnd);
      continue;
    }
    const specialtyLabel = specialty === null ? SPECIALTY_LABEL.exec(head) : null;
    if (specialtyLabel) {
      const start = line.contentStart + specialtyLabel[0].length;
      let end = line.contentEnd;
      let previousEnd = line.contentEnd;
      let blanks = 0;
      let taken = 0;
      for (let next = index + 1; next < toLine && taken < MAX_CONTINUATION_LINES; next++) {
        const candidate = lines[next]!;
        if (isBlankLine(candidate)) {
          if (++blanks >= gap) break;
          continue;
        }
        const content = text.slice(candidate.contentStart, candidate.contentEnd);
        if (!isSpecialtyContinuation(content, text.slice(line.contentStart, previousEnd), blanks > 0)) break;
        blanks = 0;
        taken++;
        end = candidate.contentEnd;
        previousEnd = candidate.contentEnd;
      }
      const mapped = mapRange(text, start, end);
      specialty = mapped.text.length > 0 ? mapped.text : null;
      specialtySpan = sourceSpan(mapped, 0, mapped.text.length, line.contentEnd);
      continue;
    }
  }

  if (licensure === null && specialty === null) return proseCredentials(text, lines, fromLine, toLine);
  return {
    licensure: licensure ?? [],
    specialty,
    ...(licensureSpan ? { licensureSpan } : {}),
    ...(specialtySpan ? { specialtySpan } : {}),
  };
}

function isSpecialtyContinuation(content: string, soFar: string, afterBlank: boolean): boolean {
  if (content.length > 80 || headingKind(content)) return false;
  if (content.includes(':')) return false;
  if (/[.!?]$/.test(content)) return false;
  // In double-spaced text a blank line may be a wrap or a paragraph break; only a dangling
  // connector on the previous line shows it is a wrap.
  if (afterBlank && !/(?:,|&|\band|\bof)$/i.test(soFar.trimEnd())) return false;
  return /^[A-Z&]/.test(content);
}

const BOARD_CERTIFIED = 'board certified in ';
const SUBSPECIALTY = 'has a subspecialty in ';
const LICENSED = 'is licensed to practice in ';
const MAX_PROSE_CHARS = 4000;

function proseCredentials(text: string, lines: readonly Line[], fromLine: number, toLine: number): Credentials | null {
  if (fromLine >= toLine) return null;
  const start = lines[fromLine]!.start;
  const end = Math.min(lines[toLine - 1]!.end, start + MAX_PROSE_CHARS);
  const mapped = mapRange(text, start, end);
  const lower = mapped.text.toLowerCase();
  const certified = lower.indexOf(BOARD_CERTIFIED);
  const licensed = lower.indexOf(LICENSED, certified < 0 ? 0 : certified);
  if (certified < 0 && licensed < 0) return null;

  let specialty: string | null = null;
  let specialtySpan: Span | undefined;
  if (certified >= 0) {
    const from = certified + BOARD_CERTIFIED.length;
    const sentenceEnd = indexOrEnd(lower, '.', from);
    const to = Math.min(licensed >= 0 ? licensed : sentenceEnd, sentenceEnd);
    const clause = trimDanglingConnector(mapped.text.slice(from, to));
    const sub = clause.toLowerCase().indexOf(SUBSPECIALTY);
    specialty = normaliseSpace(
      sub >= 0
        ? `${trimDanglingConnector(clause.slice(0, sub))}, ${clause.slice(sub + SUBSPECIALTY.length)}`
        : clause,
    );
    specialtySpan = sourceSpan(mapped, from, from + clause.length, start);
  }
  let licensure: string[] = [];
  let licensureSpan: Span | undefined;
  if (licensed >= 0) {
    const from = licensed + LICENSED.length;
    const to = indexOrEnd(lower, '.', from);
    const states = mapped.text.slice(from, to);
    licensure = states
      .split(/,|\band\b/)
      .map((state) => state.trim())
      .filter((state) => state.length > 0);
    licensureSpan = sourceSpan(mapped, from, to, start);
  }
  return {
    licensure,
    specialty: specialty && specialty.length > 0 ? specialty : null,
    ...(licensureSpan ? { licensureSpan } : {}),
    ...(specialtySpan ? { specialtySpan } : {}),
  };
}

function indexOrEnd(value: string, search: string, from: number): number {
  const at = value.indexOf(search, from);
  return at < 0 ? value.length : at;
}
