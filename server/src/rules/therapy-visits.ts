import { saysOfWorker, workerFunctionMentions } from '../facts/clinical-terms';
import type { RuleContext, Rule, RuleFinding } from './types';
import { phraseSet } from '../language/phrase-matcher';

/** Words that give the reason the guideline asks for when a course runs long. */
const EXCEPTION_CUES = phraseSet([
  'exceptional', 'extenuating', 'exception', 'unusual', 'complicated', 'complication*', 'comorbid*', 'objective gain*',
  'objective improvement', 'measurable improvement', 'measurable gain*',
]);
const THERAPY_NAMES = { 'physical-therapy': 'physical or occupational therapy', chiropractic: 'chiropractic or manipulation', acupuncture: 'acupuncture', massage: 'massage' } as const;

export const therapyVisits: Rule = {
  id: 'therapy-visits',
  defaultSeverity: 'warning',
  description:
    'For physical or occupational therapy, chiropractic or manipulation, acupuncture and massage: the visits already had plus those requested must stay within the cap of the guideline cited (or the statutory 24), unless an Overturned rationale names an exceptional factor or objective functional gain; an item that states no number of sessions is noted.',
  check(letter, context) {
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, index) => {
      const visits = context.facts.therapyVisits(index);
      if (!visits) return;
      if (visits.requested === null) {
        findings.push({
          message: `This ${THERAPY_NAMES[visits.therapy]} item does not say how many sessions are requested, so the course cannot be checked against the guideline.`,
          span: item.titleSpan,
          itemIndex: index,
          severity: 'information',
        });
        return;
      }
      // Cheapest questions first: the prior visits take a reading of the summary.
      if (item.decision?.decision !== 'Overturned') return;
      const cap = context.facts.visitCap(index);
      if (!cap || visits.total === null || visits.total <= cap.visits || justifiesMore(context, index)) return;
      findings.push({
        message: `${visits.prior!.count} prior + ${visits.requested} requested = ${visits.total} visits, more than the ${cap.visits} the guideline allows (${cap.text}${cap.verified ? '' : ' Not verified.'}), but the rationale names no exceptional factor or objective functional gain.`,
        span: item.rationale?.label ?? item.titleSpan,
        itemIndex: index,
        related: [{ span: visits.prior!.span, message: `${visits.prior!.count} visits already had.` }],
      });
    });
    return findings;
  },
};

/** A sentence about this worker naming an exceptional factor, or function gained (not negated). */
function justifiesMore(context: RuleContext, index: number): boolean {
  const rationale = context.facts.item(index).rationale;
  const gained = workerFunctionMentions(rationale).some((mention) => !rationale.isNegated(mention.span));
  return gained || saysOfWorker(rationale, EXCEPTION_CUES, true);
}
