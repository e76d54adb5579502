import { DOMAIN_MATCHERS, DOMAIN_NAMES, opioidCoverage, type Domain } from '../facts/opioid-coverage';
import type { RelatedPassage, Rule, RuleFinding } from './types';

export const opioidMonitoring: Rule = {
  id: 'opioid-monitoring',
  defaultSeverity: 'warning',
  description:
    "An opioid item's rationale or the case summary must cover the 4 A's: analgesia, activities of daily living, adverse effects and aberrant drug behaviour.",
  check(letter, context) {
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, index) => {
      const facts = context.facts.item(index);
      // The 4 A's monitor ongoing therapy; a first prescription is judged on other criteria (an opioid trial).
      if (!facts.classes.has('opioid') || facts.initial || facts.priorUse === null) return;
      const coverage = opioidCoverage(context.facts, facts);
      const missing: Domain[] = [];
      const related: RelatedPassage[] = [];
      for (const [domain] of DOMAIN_MATCHERS) {
        const found = coverage[domain];
        if (found) related.push({ span: found, message: `Covers ${DOMAIN_NAMES[domain]}.` });
        else missing.push(domain);
      }
      if (missing.length === 0) return;
      const names = missing.map((domain) => DOMAIN_NAMES[domain]);
      findings.push({
        message: `Opioid monitoring (the 4 A's) is incomplete: neither the rationale nor the case summary addresses ${joinNames(names)}.`,
        span: item.rationale ? item.rationale.label : item.titleSpan,
        itemIndex: index,
        related: [{ span: item.titleSpan, message: 'The opioid item.' }, ...related],
      });
    });
    return findings;
  },
};

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
