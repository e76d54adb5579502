import type { Span } from '../text/span';
import { gluedDose, isAmountUnit } from '../language/doses';
import { CARDINAL_WORDS } from '../language/numbers';
import { mentionsOfDrugs } from '../facts/item-facts';
import { phraseSet } from '../language/phrase-matcher';
import type { TokenList } from '../language/tokens';
import type { Fix, RelatedPassage, Rule, RuleFinding } from './types';
import { quoted } from '../text/quote';

/** What an amount is counted in: "60 tablets", "one tube", "120 grams", "30 day supply". */
const AMOUNT_UNITS = [
  'tablet*', 'tab', 'tabs', 'capsule*', 'cap', 'caps', 'pill*', 'patch*', 'box*', 'tube*', 'bottle*', 'jar*', 'unit*', 'count',
  'ct', 'vial*', 'gram*', 'gm', 'gms', 'g', 'ml', 'mls', 'oz', 'ounce*', 'liter*', 'pack*', 'kit*', 'canister*', 'container*',
  'day supply', 'days supply', "day's supply", 'month supply', 'months supply',
];
/** Ways a title states how much is requested besides "#60". */
const QUANTITY_PHRASES = phraseSet([
  '# {num}', 'qty {num}', 'qty : {num}', 'qty # {num}', 'quantity {num}', 'quantity : {num}', 'quantity of {num}',
  ...['{num}', ...CARDINAL_WORDS].flatMap((count) => AMOUNT_UNITS.map((unit) => `${count} ${unit}`)),
  'month supply', 'months supply', 'day supply', 'days supply', 'months coverage', 'month coverage', 'x {num}', 'times {num}',
]);
/** A title may instead say plainly that the quantity is not known. */
const UNKNOWN_QUANTITY = phraseSet([
  'unknown quantity', 'quantity unknown', 'unspecified quantity', 'quantity unspecified', 'quantity not specified',
  'quantity not stated', 'quantity not provided', 'unknown amount', 'unspecified amount', 'amount unknown', 'qty unknown',
  'qty : unknown', 'quantity : unknown', '# unknown', 'unknown #', 'unknown qty', 'quantity not given', 'no quantity',
  // The rationale's way of saying it: "the request did not specify a quantity".
  'not specify a quantity', 'not specify the quantity', 'not specify quantity', 'not specify an amount', 'not specify the amount',
  'quantity was not specified', 'quantity is not specified', 'quantity was not stated', 'quantity is not stated',
  'quantity was not provided', 'quantity is not provided', 'quantity was not indicated', 'quantity is not indicated',
  'without a quantity', 'without quantity', 'without specifying the quantity', 'without specifying a quantity',
  'quantity requested was not', 'quantity requested is not', 'amount was not specified', 'amount is not specified',
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
      // The rationale may say the request gave no quantity, which is the statement the check asks for.
      if (UNKNOWN_QUANTITY.occursIn(facts.rationale.tokens)) return;
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
        message: `The medication item ${quoted(item.title)} does not state a quantity (for example "#60"), nor that the quantity is unknown.`,
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
  if (UNKNOWN_QUANTITY.occursIn(tokens)) return true;
  // An amount after a slash is the denominator of a concentration ("10 mg/1 ml"), not a quantity.
  for (let at = QUANTITY_PHRASES.nextMatch(tokens, 0, tokens.length); at >= 0; at = QUANTITY_PHRASES.nextMatch(tokens, QUANTITY_PHRASES.lastMatchEnd, tokens.length)) {
    if (!tokens.is(at - 1, '/')) return true;
  }
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
