import { referenceDates } from '../facts/citations';
import { saysOfWorker } from '../facts/clinical-terms';
import { roundMme, type OpioidDose } from '../facts/opioid-dose';
import type { KnowledgeBase } from '../knowledge';
import type { MmeThreshold } from '../knowledge/types';
import { phraseSet } from '../language/phrase-matcher';
import type { Letter } from '../letter/model';
import type { Rule, RuleContext, RuleFinding } from './types';

/** Words that discuss an opioid dose: its size, its morphine equivalent, or a threshold. */
const DOSE_TERMS = phraseSet([
  'mme', 'mmes', 'morphine equivalent*', 'morphine milligram equivalent*', 'morphine equivalency', 'dose', 'doses',
  'dosage', 'dosages', 'dosing', 'mg per day', 'mg a day', 'mg day', 'mg/day', 'milligrams per day', 'daily total', 'titrat*', 'taper*',
]);
/** The guideline series whose edition in force decides the default threshold. */
const CHRONIC_PAIN_SERIES = 'chronic-pain';

export const opioidDose: Rule = {
  id: 'opioid-dose',
  defaultSeverity: 'warning',
  description:
    "When a letter's requested opioids together reach the daily MME threshold (imr.opioidDoseThreshold, or the guideline's: 120 mg under the 2009 Chronic Pain guideline, 90 MME otherwise), an Overturned opioid item's rationale must discuss the dose.",
  check(letter, context) {
    const doses = letter.items.map((_, index) => context.facts.opioidDose(index));
    const counted = doses.filter((dose): dose is OpioidDose & { dailyMme: number } => dose !== null && dose.dailyMme !== null);
    if (counted.length === 0) return [];
    const total = roundMme(counted.reduce((sum, dose) => sum + dose.dailyMme, 0));
    const threshold = thresholdFor(letter, context);
    if (!threshold || total < threshold.value) return [];
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, index) => {
      if (!doses[index] || item.decision?.decision !== 'Overturned' || !item.rationale) return;
      if (discussesDose(context, index)) return;
      const parts = counted.length > 1 ? ` (${counted.map((dose) => `${dose.drug} ${dose.dailyMme}`).join(' + ')})` : '';
      findings.push({
        message: `The requested opioids come to about ${total} MME a day${parts}, at or above the ${threshold.label}, but this Overturned item's rationale does not discuss the dose.`,
        span: item.rationale.label,
        itemIndex: index,
        related: [{ span: item.titleSpan, message: doses[index]!.dailyMme === null ? 'This item.' : `This item: about ${doses[index]!.dailyMme} MME a day.` }],
      });
    });
    return findings;
  },
};

interface AppliedThreshold {
  readonly value: number;
  readonly label: string;
}

/** The setting when given; otherwise the threshold of the Chronic Pain guideline in force at the letter's dates. */
function thresholdFor(letter: Letter, context: RuleContext): AppliedThreshold | null {
  if (context.options.opioidDoseThreshold !== undefined) return { value: context.options.opioidDoseThreshold, label: `threshold of ${context.options.opioidDoseThreshold} MME a day set in imr.opioidDoseThreshold` };
  const threshold = knowledgeThreshold(letter, context.knowledge);
  if (!threshold) return null;
  const where = threshold.page !== undefined ? `, page ${threshold.page}${threshold.verified ? '' : ' (page not verified)'}` : threshold.verified ? '' : ' (not verified)';
  const source = threshold.guideline ? context.knowledge.guideline(threshold.guideline)?.title ?? threshold.guideline : 'CDC 2016 guideline';
  return { value: threshold.dailyMme, label: `${threshold.dailyMme} MME a day of the ${source}${where}` };
}

function knowledgeThreshold(letter: Letter, knowledge: KnowledgeBase): MmeThreshold | undefined {
  const dates = referenceDates(letter);
  const date = dates.ur?.iso ?? dates.decision?.iso;
  const inForce = date ? knowledge.editionInForce(CHRONIC_PAIN_SERIES, date) : null;
  return knowledge.mme.threshold(inForce?.id ?? null);
}

/** A sentence about this worker or request that talks about the dose; the guideline's own words do not. */
function discussesDose(context: RuleContext, index: number): boolean {
  return saysOfWorker(context.facts.item(index).rationale, DOSE_TERMS);
}
