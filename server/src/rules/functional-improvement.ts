import type { Span } from '../text/span';
import { IMPROVEMENT_CUES, isGuidelineStatement, passageFunctionMentions, workerFunctionMentions } from '../facts/clinical-terms';
import type { DrugFamily } from '../knowledge/drug-lookup';
import type { ItemFacts } from '../facts/item-facts';
import type { PassageAnalysis } from '../facts/passages';
import type { Sentence } from '../language/sentences';
import type { RelatedPassage, Rule, RuleFinding } from './types';

/** Drug classes whose continued use MTUS ties to documented functional improvement. */
const CONTINUED_USE_CLASSES: readonly DrugFamily[] = ['opioid', 'muscle-relaxant', 'benzodiazepine', 'anti-epileptic', 'nsaid', 'topical'];

export const functionalImprovement: Rule = {
  id: 'functional-improvement',
  defaultSeverity: 'warning',
  description:
    'The rationale for a continued medication or repeated therapy must address functional improvement with prior use (8 CCR 9792.20); an Overturned one must cite positive evidence of it.',
  check(letter, context) {
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, index) => {
      if (!item.rationale) return;
      const facts = context.facts.item(index);
      if (!isContinuable(facts)) return;
      // Whether prior use is shown takes a search of the rationale and the case summary, so it is
      // only asked once the rationale's wording would otherwise produce a finding. An Overturned
      // item is searched for positive evidence first, which is kept per passage for every item.
      const mentions = workerFunctionMentions(facts.rationale);
      if (mentions.length > 0) {
        if (item.decision?.decision !== 'Overturned') return;
        if (hasPositiveEvidence(facts.rationale) || hasPositiveEvidence(context.facts.summary)) return;
      }
      if (facts.priorUse === null) return;
      const kind = facts.therapy ? 'repeated therapy' : 'continued medication';
      const priorUse: RelatedPassage[] = [{ span: facts.priorUse, message: 'Prior use is shown here.' }];
      if (mentions.length === 0) {
        findings.push({
          message: `The rationale for this ${kind} does not address functional improvement with prior use (function, activities of daily living, work status or restrictions).`,
          span: item.rationale.label,
          itemIndex: index,
          related: [{ span: item.titleSpan, message: 'The item.' }, ...priorUse],
        });
        return;
      }
      const negated = mentions.filter((mention) => facts.rationale.isNegated(mention.span));
      findings.push({
        message: `This ${kind} is Overturned, but neither the rationale nor the case summary cites functional improvement with prior use; every mention of function is negated or general.`,
        span: mentions[0].span,
        itemIndex: index,
        related: [
          ...negated.slice(0, 3).map((mention) => ({ span: mention.span, message: 'Negated mention of function.' })),
          ...priorUse,
        ],
      });
    });
    return findings;
  },
};

/** A therapy, or a drug of a class whose continued use MTUS ties to functional improvement. */
export function isContinuable(facts: ItemFacts): boolean {
  return facts.therapy !== null || CONTINUED_USE_CLASSES.some((drugClass) => facts.classes.has(drugClass));
}

/**
 * A sentence that states, without negation, that function improved: a function
 * mention and an improvement cue, neither negated, outside guideline quotations.
 */
function hasPositiveEvidence(passage: PassageAnalysis): boolean {
  return passage.memo('positive-function-evidence', () => findPositiveEvidence(passage) !== null);
}

function findPositiveEvidence(passage: PassageAnalysis): Span | null {
  const judged = new Set<Sentence>();
  for (const mention of passageFunctionMentions(passage)) {
    if (passage.isNegated(mention.span)) continue;
    const sentence = passage.sentenceAt(mention.span.start);
    // Each sentence is judged once, however many mentions it holds.
    if (!sentence || judged.has(sentence)) continue;
    judged.add(sentence);
    if (isGuidelineStatement(passage.tokens, sentence)) continue;
    const cues = IMPROVEMENT_CUES.findAll(passage.tokens, sentence.firstToken, sentence.endToken);
    if (cues.some((cue) => !passage.isNegated(cue.span))) return sentence.span;
  }
  return null;
}
