import type { Item } from '../letter/model';
import type { Span } from '../text/span';
import type { Rule, RuleFinding } from './types';

/** The checks that need to know an item's drug and its class, and so go silent for a drug the dictionary lacks. */
export const CHECKS_NEEDING_THE_DRUG = ['functional-improvement', 'opioid-monitoring', 'duration-of-use', 'conclusion-item-mismatch'] as const;

/**
 * A medication item whose drug the dictionary does not know: the checks that depend on the drug
 * and its class could not run for it, and silence must not pass for a clean result.
 */
export const unknownDrug: Rule = {
  id: 'unknown-drug',
  defaultSeverity: 'information',
  description: 'A medication item names a drug the dictionary does not know, so the checks that need its class could not run; a quick fix adds it to a knowledge file.',
  check(letter, context) {
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, index) => {
      const facts = context.facts.item(index);
      if (!facts.isMedication || facts.drugs.length > 0) return;
      const name = drugName(item);
      if (!name) return;
      findings.push({
        message: `"${name}" is not in the drug dictionary, so ${listed(CHECKS_NEEDING_THE_DRUG)} could not check this item: they need the drug and its class. Add it to a knowledge file (imr.knowledgeFiles) with its class.`,
        span: nameSpan(letter.text, item, name),
        itemIndex: index,
      });
    });
    return findings;
  },
};

/** The drug as the title names it: the parser's medication name, else the title up to its first digit. */
export function drugName(item: Item): string | null {
  const name = item.medication?.drug ?? item.title.split(/\d/)[0];
  let end = name.length;
  while (end > 0 && TRAILING.includes(name[end - 1])) end--;
  const trimmed = name.slice(0, end).trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** Left at the end of a name cut before its strength: "Zorvexin (", "Zorvexin #". */
const TRAILING = ' \t\n,;:(#-';

function nameSpan(text: string, item: Item, name: string): Span {
  const at = text.slice(item.titleSpan.start, item.titleSpan.end).indexOf(name);
  return at < 0 ? item.titleSpan : { start: item.titleSpan.start + at, end: item.titleSpan.start + at + name.length };
}

function listed(ids: readonly string[]): string {
  return ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}
