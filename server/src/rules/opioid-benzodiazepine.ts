import { summaryCurrentUse } from '../facts/item-facts';
import { sentenceKindAt } from '../facts/clinical-terms';
import type { DrugFamily } from '../knowledge/drug-lookup';
import { phraseSet } from '../language/phrase-matcher';
import type { Rule, RuleContext, RuleFinding } from './types';

/** Words that address taking the two together: the combination itself, or its danger. */
const COMBINATION_CUES = phraseSet([
  'concurrent*', 'concomitant*', 'combination', 'combined', 'in combination', 'together with', 'along with', 'coadministration',
  'co administration', 'co prescri*', 'sedation', 'sedating', 'sedative effect*', 'oversedation', 'respiratory depression',
  'respiratory compromise', 'overdose', 'cns depress*', 'central nervous system depress*', 'drug interaction*', 'interaction',
  'interactions', 'black box', 'boxed warning',
]);

const FAMILY_NAMES: Readonly<Record<'opioid' | 'benzodiazepine', string>> = { opioid: 'an opioid', benzodiazepine: 'a benzodiazepine' };

export const opioidBenzodiazepine: Rule = {
  id: 'opioid-benzodiazepine',
  defaultSeverity: 'hint',
  description:
    'An opioid and a benzodiazepine are requested together, or one is requested while the case summary shows the other in use, and no rationale addresses the combination (sedation, respiratory depression, the guideline\'s caution).',
  check(letter, context) {
    // A patch (Butrans, Duragesic) is as systemic as a tablet, so topical forms count too.
    const byFamily = (family: DrugFamily) => letter.items.map((_, index) => index).filter((index) => context.facts.item(index).classes.has(family));
    const opioids = byFamily('opioid');
    const benzodiazepines = byFamily('benzodiazepine');
    if (opioids.length === 0 && benzodiazepines.length === 0) return [];
    let where: string;
    let related: RuleFinding['related'] = [];
    if (opioids.length > 0 && benzodiazepines.length > 0) {
      where = 'An opioid and a benzodiazepine are both requested';
    } else {
      const requested = opioids.length > 0 ? 'opioid' : 'benzodiazepine';
      const other = requested === 'opioid' ? 'benzodiazepine' : 'opioid';
      const inUse = summaryCurrentUse(context.facts, other);
      if (!inUse) return [];
      where = `${capitalised(FAMILY_NAMES[requested])} is requested while the case summary shows ${FAMILY_NAMES[other]} in use`;
      related = [{ span: inUse.span, message: `${capitalised(FAMILY_NAMES[other])} in use.` }];
    }
    const involved = [...opioids, ...benzodiazepines].sort((a, b) => a - b);
    if (involved.some((index) => addressesCombination(context, index))) return [];
    const first = involved.find((index) => letter.items[index].rationale) ?? involved[0];
    const item = letter.items[first];
    return [
      {
        message: `${where}, but no rationale addresses the combination (sedation, respiratory depression, the guideline's caution against using them together).`,
        span: item.rationale?.label ?? item.titleSpan,
        itemIndex: first,
        related: [...involved.filter((index) => index !== first).map((index) => ({ span: letter.items[index].titleSpan, message: 'Also requested.' })), ...related],
      },
    ];
  },
};

/** Any sentence of the rationale but the standard disclaimer: quoting the guideline's caution addresses it. */
function addressesCombination(context: RuleContext, index: number): boolean {
  if (!context.facts.letter.items[index].rationale) return false;
  const rationale = context.facts.item(index).rationale;
  return COMBINATION_CUES.findAll(rationale.tokens).some((match) => {
    const kind = sentenceKindAt(rationale, match.span.start);
    return kind !== undefined && kind !== 'disclaimer';
  });
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
