import { anyWorkerSentence } from '../facts/clinical-terms';
import { phraseSet } from '../language/phrase-matcher';
import type { Rule, RuleFinding } from './types';

/** Words that give a reason inside the concluding sentence ("Given that the medication is prescribed after surgery, the request …"). */
const REASON_CUES = phraseSet(['given', 'because', 'since', 'due to', 'in light of', 'considering', 'as there', 'as the', 'with lack of', 'without']);

export const caseSpecificReasoning: Rule = {
  id: 'case-specific-reasoning',
  // Information once its precision is measured on letters it was not tuned on (docs/rules/PRECISION.md).
  defaultSeverity: 'hint',
  description:
    'The rationale has no sentence about this worker: every sentence is a guideline statement, a quote or the standard disclaimer, so the decision is not tied to the record.',
  check(letter, context) {
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, index) => {
      if (!item.rationale) return;
      const rationale = context.facts.rationale(item);
      if (rationale.sentences.length === 0) return;
      // The concluding sentence restates the request ("the request for … is not medically necessary"): it decides, and only
      // reasons when it gives a reason of its own ("Given that …, the request …").
      const conclusion = context.facts.conclusion(index).sentence;
      const reasons = rationale.sentences.filter(
        (sentence) => sentence.span.start !== conclusion?.span.start || REASON_CUES.occursIn(rationale.tokens, sentence.firstToken, sentence.endToken),
      );
      if (reasons.length === 0 || anyWorkerSentence(rationale, reasons)) return;
      findings.push({
        message: `The rationale has no sentence about this worker or the record: ${reasons.length === 1 ? 'its one reason is' : `all ${reasons.length} of its reasons are`} guideline text or the standard disclaimer, so the decision is not tied to this case.`,
        span: item.rationale.label,
        itemIndex: index,
      });
    });
    return findings;
  },
};
