import { SECTION_TITLES, type Letter, type SectionKind } from '../letter/model';
import type { Span } from '../text/span';
import { lineEndingOf, startOfLine } from '../text/line-ends';
import type { Rule, RuleFinding } from './types';

const REQUIRED_ORDER: readonly SectionKind[] = ['determination', 'summary', 'issues'];

export const missingSection: Rule = {
  id: 'missing-section',
  defaultSeverity: 'error',
  description: 'A required section of the determination letter is missing.',
  check(letter) {
    const findings: RuleFinding[] = [];
    const present = new Set(letter.sections.map((section) => section.kind));
    REQUIRED_ORDER.forEach((kind, index) => {
      if (present.has(kind)) return;
      const insertAt = insertionPoint(letter, REQUIRED_ORDER.slice(index + 1));
      findings.push({
        message: `The letter has no "${SECTION_TITLES[kind]}" section.`,
        span: insertAt.anchor,
        fixes: [
          {
            title: `Insert the "${SECTION_TITLES[kind]}" heading`,
            edits: [{ span: { start: insertAt.offset, end: insertAt.offset }, newText: insertAt.prefix + SECTION_TITLES[kind] + lineEndingOf(letter.text) }],
          },
        ],
      });
    });
    return findings;
  },
};

/** A missing heading belongs just before the first later section that exists, else at the end. */
function insertionPoint(letter: Letter, laterKinds: readonly SectionKind[]): { anchor: Span; offset: number; prefix: string } {
  const next = letter.sections.find((section) => laterKinds.includes(section.kind));
  if (next) return { anchor: next.heading, offset: startOfLine(letter.text, next.heading.start), prefix: '' };
  const text = letter.text;
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  const endsWithLineBreak = /[\r\n]$/.test(text);
  return { anchor: { start: startOfLine(text, end), end }, offset: text.length, prefix: endsWithLineBreak || text.length === 0 ? '' : lineEndingOf(text) };
}
