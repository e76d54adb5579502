import type { HeaderField, HeaderKey, Letter } from '../letter/model';
import { formatDate, type FoundDate } from '../language/dates';
import type { LetterFacts } from '../facts/letter-facts';
import type { Rule, RuleFinding } from './types';

/** The order the process imposes: injury, UR denial, IMR application, assignment, decision. */
const CHAIN: readonly [HeaderKey, string][] = [
  ['dateOfInjury', 'date of injury'],
  ['urDenialDate', 'UR denial date'],
  ['applicationReceived', 'application received date'],
  ['dateAssigned', 'date assigned'],
  ['decisionDate', 'decision date'],
];

interface HeaderDate {
  readonly key: HeaderKey;
  readonly label: string;
  readonly field: HeaderField;
  readonly date: FoundDate;
}

export const dateOrder: Rule = {
  id: 'date-order',
  defaultSeverity: 'warning',
  description:
    'Dates must make sense: injury ≤ UR denial ≤ application received ≤ date assigned ≤ decision date, no summary date after the decision, and no impossible dates.',
  check(letter, context) {
    const findings: RuleFinding[] = [];
    const impossible = new Set<number>();
    const dates = context.facts.dates;
    for (let index = 0; index < dates.length; index++) {
      const date = dates[index];
      if (date.valid) continue;
      impossible.add(date.span.start);
      findings.push({
        message: `"${date.text}" is not a real date (${date.month > 12 || date.month < 1 ? `there is no month ${date.month}` : `month ${date.month} has no day ${date.day}`}).`,
        span: date.span,
      });
    }
    const header = headerDates(letter, context.facts);
    for (let later = 1; later < header.length; later++) {
      const current = header[later];
      // Compare with the latest earlier field, so one wrong date is reported once.
      const earlier = header.slice(0, later).reduce((latest, candidate) => (candidate.date.key > latest.date.key ? candidate : latest));
      if (current.date.key >= earlier.date.key) continue;
      findings.push({
        message: `The ${current.label} (${formatDate(current.date)}) is before the ${earlier.label} (${formatDate(earlier.date)}).`,
        span: current.field.valueSpan,
        related: [{ span: earlier.field.valueSpan, message: `The ${earlier.label}.` }],
      });
    }
    const decision = header.find((entry) => entry.key === 'decisionDate');
    const summary = letter.sections.find((section) => section.kind === 'summary');
    if (decision && summary) {
      for (const date of context.facts.datesWithin(summary.body)) {
        if (!date.valid || impossible.has(date.span.start)) continue;
        if (!isAfter(date, decision.date)) continue;
        findings.push({
          message: `The case summary date ${date.text} is after the decision date (${formatDate(decision.date)}).`,
          span: date.span,
          related: [{ span: decision.field.valueSpan, message: 'The decision date.' }],
        });
      }
    }
    return findings;
  },
};

function headerDates(letter: Letter, facts: LetterFacts): HeaderDate[] {
  const dates: HeaderDate[] = [];
  for (const [key, label] of CHAIN) {
    const date = facts.headerDate(key);
    if (date) dates.push({ key, label, field: letter.header[key]!, date });
  }
  return dates;
}

/** A month-year date is after the decision only when its whole month is. */
function isAfter(date: FoundDate, decision: FoundDate): boolean {
  if (date.day === null) return date.year * 100 + date.month > decision.year * 100 + decision.month;
  return date.key > decision.key;
}
