import { durationStatement } from '../facts/duration';
import type { Rule, RuleFinding } from './types';

export const durationOfUse: Rule = {
  id: 'duration-of-use',
  defaultSeverity: 'warning',
  description:
    'Muscle relaxant and benzodiazepine items, which the MTUS supports only short-term, must say how long the drug has been used.',
  check(letter, context) {
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, index) => {
      const facts = context.facts.item(index);
      const shortTermClass = facts.classes.has('muscle-relaxant') ? 'muscle relaxant' : facts.classes.has('benzodiazepine') ? 'benzodiazepine' : null;
      // Only continued use has a duration to state; a first prescription or trial has none.
      if (!shortTermClass || facts.classes.has('topical') || facts.priorUse === null) return;
      if (durationStatement(context.facts, facts)) return;
      findings.push({
        message: `This ${shortTermClass} is supported only short-term, but neither the rationale nor the case summary says how long it has been used.`,
        span: item.rationale ? item.rationale.label : item.titleSpan,
        itemIndex: index,
        related: [{ span: item.titleSpan, message: `The ${shortTermClass} item.` }],
      });
    });
    return findings;
  },
};
