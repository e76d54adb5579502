/**
 * Invented letters in the published format, for tests and benchmarks. Nothing
 * here comes from a real case.
 */
import { normaliseSpace } from '../../server/src/letter/mapped-text';
import type { Item, Letter } from '../../server/src/letter/model';

export interface ItemSpec {
  readonly title: string;
  readonly decision?: string | null;
  readonly claims?: string | null;
  readonly maximus?: string | null;
  readonly rationale?: string | null;
}

const DEFAULT_RATIONALE: Record<string, string> = {
  Upheld:
    'The guidelines support this treatment only with documented functional improvement from prior use. The records do not describe improved function or reduced reliance on care. Therefore the request is not medically necessary.',
  Overturned:
    'The guidelines support this treatment when function improves with prior use. The records describe a return to modified work and improved walking tolerance. Therefore the request is medically necessary.',
};

export function makeItem(spec: ItemSpec): string {
  const decision = spec.decision === undefined ? 'Upheld' : spec.decision;
  const lines = [decision === null ? spec.title : `${spec.title}: ${decision}`];
  const claims = spec.claims === undefined ? 'Decision based on MTUS Chronic Pain Medical Treatment 2016.' : spec.claims;
  const maximus = spec.maximus === undefined ? 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Muscle relaxants (for pain).' : spec.maximus;
  const rationale = spec.rationale === undefined ? DEFAULT_RATIONALE[decision ?? 'Upheld'] ?? DEFAULT_RATIONALE.Upheld : spec.rationale;
  if (claims !== null) lines.push(`Claims Administrator guideline: ${claims}`);
  if (maximus !== null) lines.push(`MAXIMUS guideline: ${maximus}`);
  if (rationale !== null) lines.push(`Decision rationale: ${rationale}`);
  return lines.join('\n');
}

export interface LetterSpec {
  readonly items?: readonly ItemSpec[];
  readonly header?: boolean;
  readonly omitSections?: readonly ('determination' | 'summary' | 'issues')[];
  /** The case summary's text after its opening line; a tizanidine history by default. */
  readonly summary?: string;
  readonly blankLines?: boolean;
  readonly eol?: '\n' | '\r\n';
}

export function makeLetter(spec: LetterSpec = {}): string {
  const items = spec.items ?? [{ title: 'Tizanidine 4mg #60', decision: 'Upheld' }];
  const omit = new Set(spec.omitSections ?? []);
  const parts: string[] = [];
  if (spec.header !== false) {
    parts.push(
      [
        'Case Number:          CM99-0000001',
        'Date Assigned:        01/05/2017                      Date of Injury:      03/14/2012',
        'Decision Date:        02/01/2017                      UR Denial Date:      12/20/2016',
        'Priority:             Standard                        Application          12/28/2016',
        '                                                      Received:',
      ].join('\n'),
    );
  }
  if (!omit.has('determination')) {
    parts.push(
      [
        'HOW THE IMR FINAL DETERMINATION WAS MADE',
        'MAXIMUS Federal Services sent the complete case file to an expert reviewer who has no affiliation with the parties.',
        'The Expert Reviewer has the following credentials:',
        'State(s) of Licensure: California, Oregon',
        'Certification(s)/Specialty: Physical Medicine & Rehabilitation',
      ].join('\n'),
    );
  }
  if (!omit.has('summary')) {
    parts.push(
      [
        'CLINICAL CASE SUMMARY',
        'The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:',
        spec.summary ??
          [
            'The injured worker is a 51 year old warehouse clerk who strained the low back lifting boxes on 3-14-12. A progress note dated 12-1-16',
            'described low back pain rated 6 out of 10 and a request to continue tizanidine, which he has taken since 11-2-16.',
          ].join('\n'),
      ].join('\n'),
    );
  }
  if (!omit.has('issues')) {
    parts.push(
      [
        'IMR ISSUES, DECISIONS AND RATIONALES',
        'The Final Determination was based on decisions for the disputed items/services set forth below:',
        ...items.map(makeItem),
      ].join(spec.blankLines ? '\n\n' : '\n'),
    );
  }
  const text = parts.join(spec.blankLines ? '\n\n' : '\n') + '\n';
  return spec.eol === '\r\n' ? text.replace(/\n/g, '\r\n') : text;
}

/** A letter with `count` items, for scaling measurements. */
export function makeLetterWithItems(count: number): string {
  const items: ItemSpec[] = [];
  for (let i = 0; i < count; i++) {
    items.push({ title: `Physical therapy visit series ${i + 1} for the lumbar spine #${(i % 12) + 1}`, decision: i % 5 === 0 ? 'Overturned' : 'Upheld' });
  }
  return makeLetter({ items });
}

/**
 * A hostile letter for scaling checks: one endless summary full of negation
 * triggers, dates and refills, and many items about the same drug.
 */
export function makeAdversarialLetter(repeat: number): string {
  const summary = 'no evidence of function was not documented and Norco since 2014 with 3 refills, Soma 4/5/2016 no side effects '.repeat(repeat);
  const items: string[] = [];
  for (let index = 0; index < Math.max(1, repeat / 20); index++) {
    items.push(
      [
        `Norco 10/325mg #${index} with refills: Overturned`,
        'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2009.',
        'MAXIMUS guideline: Decision based on Non-MTUS Citation Official Disability Guidelines (ODG).',
        `Decision rationale: ${'there is no functional improvement and the prior use of this medication was not documented, '.repeat(3)}Norco 5mg #9 is medically necessary.`,
      ].join('\n'),
    );
  }
  return ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', summary, 'IMR ISSUES, DECISIONS AND RATIONALES', ...items].join('\n');
}

/** An item's rationale as one line: its text with every run of blanks and line breaks made one space (null without one). */
export function rationaleText(letter: Letter, item: Item): string | null {
  return item.rationale ? normaliseSpace(letter.text.slice(item.rationale.textSpan.start, item.rationale.textSpan.end)) : null;
}
