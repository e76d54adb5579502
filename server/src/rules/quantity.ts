import type { Span } from '../text/span';
import { gluedDose, isAmountUnit } from '../language/doses';
import { mentionsOfDrugs } from '../facts/item-facts';
import { phraseSet } from '../language/phrase-matcher';
import type { TokenList } from '../language/tokens';
import type { Fix, RelatedPassage, Rule, RuleFinding } from './types';

/** Ways a title states how much is requested besides "#60". */
const QUANTITY_PHRASES = phraseSet([
  '# {num}', 'qty {num}', 'qty : {num}', 'qty # {num}', 'quantity {num}', 'quantity : {num}', 'quantity of {num}',
  '{num} tablet*', '{num} tab', '{num} tabs', '{num} capsule*', '{num} cap', '{num} caps', '{num} pill*', '{num} patch*',
  '{num} box*', '{num} tube*', '{num} bottle*', '{num} jar*', '{num} unit*', '{num} count', '{num} ct', '{num} vial*',
  '{num} gram*', '{num} gm', '{num} gms', '{num} g', '{num} ml', '{num} mls', '{num} oz', '{num} ounce*', '{num} liter*',
  '{num} day supply', '{num} days supply', "{num} day's supply", '{num} month supply', '{num} months supply',
  'month supply', 'months supply', 'day supply', 'days supply', 'months coverage', 'month coverage', 'x {num}', 'times {num}',
]);
/** A title may instead say plainly that the quantity is not known. */
const UNKNOWN_QUANTITY = phraseSet([
  'unknown quantity', 'quantity unknown', 'unspecified quantity', 'quantity unspecified', 'quantity not specified',
  'quantity not stated', 'quantity not provided', 'unknown amount', 'unspecified amount', 'amount unknown', 'qty unknown',
  'qty : unknown', 'quantity : unknown', '# unknown', 'unknown #', 'unknown qty', 'quantity not given', 'no quantity',
]);

export const quantity: Rule = {
  id: 'quantity',
  defaultSeverity: 'warning',
  description: 'A medication item must state its quantity ("#60") or say that the quantity is unknown.',
  check(letter, context) {
    const lookup = context.facts.drugs;
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, index) => {
      const facts = context.facts.item(index);
      if (!facts.isMedication) return;
      if (item.quantity !== null || statesQuantity(facts.title.tokens)) return;
      const end = item.titleSpan.end;
      const fixes: Fix[] = [];
      const related: RelatedPassage[] = [];
      const summary = context.facts.summary;
      const elsewhere =
        facts.generics.size > 0
          ? summary.memo(`quantity:${[...facts.generics].sort().join('|')}`, () => quantityInSummary(summary.tokens, mentionsOfDrugs(summary, lookup, facts.generics)))
          : null;
      if (elsewhere) {
        related.push({ span: elsewhere.span, message: `The case summary gives #${elsewhere.value}.` });
        fixes.push({ title: `Add "#${elsewhere.value}" (from the case summary)`, edits: [{ span: { start: end, end }, newText: ` #${elsewhere.value}` }], isPreferred: true });
      }
      fixes.push({ title: 'State that the quantity is unknown', edits: [{ span: { start: end, end }, newText: ', quantity unknown' }] });
      findings.push({
        message: `The medication item "${item.title}" does not state a quantity (for example "#60"), nor that the quantity is unknown.`,
        span: item.titleSpan,
        itemIndex: index,
        related,
        fixes,
      });
    });
    return findings;
  },
};

function statesQuantity(tokens: TokenList): boolean {
  if (QUANTITY_PHRASES.occursIn(tokens) || UNKNOWN_QUANTITY.occursIn(tokens)) return true;
  for (let index = 0; index < tokens.length; index++) {
    // "111.2grams", "500ml", "240gm": an amount glued to its unit; "10mg/1ml" is a concentration.
    const glued = tokens.isWord(index) ? gluedDose(tokens.norm(index)) : null;
    if (glued && isAmountUnit(glued.unit) && !tokens.is(index - 1, '/')) return true;
  }
  return false;
}

/** "#60" within a few tokens after a mention of the same drug in the case summary. */
function quantityInSummary(tokens: TokenList, mentions: readonly { end: number }[]): { value: string; span: Span } | null {
  for (const mention of mentions) {
    for (let index = mention.end; index < Math.min(tokens.length - 1, mention.end + 8); index++) {
      if (tokens.norm(index) === '#' && tokens.isNumber(index + 1)) {
        return { value: tokens.norm(index + 1), span: { start: tokens.start(index), end: tokens.end(index + 1) } };
      }
    }
  }
  return null;
}
