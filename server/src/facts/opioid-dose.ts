import type { KnowledgeBase } from '../knowledge';
import type { DrugMention } from '../knowledge/drug-lookup';
import type { MmeTable } from '../knowledge/types';
import { findStrength, readDirections } from '../language/doses';
import type { ItemFacts } from './item-facts';

/**
 * The daily dose of an opioid item in morphine milligram equivalents, computed from the item line
 * only: strength × units per dose × doses per day, or strength × quantity ÷ days of supply, or a
 * patch's rate. Never a guess: `dailyMme` is null when the line does not give enough, and `missing`
 * says what it lacks.
 */
export interface OpioidDose {
  /** The drug name as written in the item line. */
  readonly drug: string;
  /** The opioid whose factor applies ("hydrocodone"). */
  readonly agent: string;
  readonly table: MmeTable;
  readonly dailyMme: number | null;
  /** How the figure was reached, for hover and hints: "5 mg × 2 × 6/day × 1". */
  readonly arithmetic: string | null;
  /** Why there is no figure, when there is none. */
  readonly missing: string | null;
}

/** Rounded to a tenth, as a daily dose is read. */
export const roundMme = (value: number) => Math.round(value * 10) / 10;
const format = (value: number) => String(roundMme(value));

export function opioidDose(facts: ItemFacts, knowledge: KnowledgeBase): OpioidDose | null {
  const mention = facts.drugs.find((drug) => drug.entry.mmeAgent !== undefined);
  if (!mention) return null;
  const agent = mention.entry.mmeAgent!;
  const text = facts.title.text;
  const table = knowledge.mme.defaultTable;
  const result = (dailyMme: number | null, arithmetic: string | null, missing: string | null): OpioidDose => ({
    drug: text.slice(mention.span.start, mention.span.end),
    agent,
    table,
    dailyMme: dailyMme === null ? null : roundMme(dailyMme),
    arithmetic,
    missing,
  });
  const entry = knowledge.mme.entry(agent, table);
  if (!entry) return result(null, null, `${agent} is not in the ${table.title}`);
  const strength = findStrength(facts.title.tokens, mention.end);
  if (!strength) return result(null, null, 'the item gives no strength');
  const amount = opioidAmount(mention, agent, strength.values);
  if (amount === null) return result(null, null, 'the strength does not say how much of the opioid a unit holds');
  if (entry.unit === 'mcg/hr') {
    // A patch delivers its rate all day: its strength is the dose.
    if (strength.unit !== 'mcg') return result(null, null, 'a patch strength is given in mcg/hr');
    const applied = knowledge.mme.factor(agent, amount, table)!;
    return result(amount * applied.factor, `${format(amount)} mcg/hr × ${applied.factor}`, null);
  }
  if (strength.unit !== entry.unit) return result(null, null, `the strength is not in ${entry.unit}`);
  const directions = readDirections(text.slice(strength.span.end, facts.title.span.end).replace(/\s+/g, ' '));
  let daily: number;
  let how: string;
  if (directions.dosesPerDay !== null) {
    const units = directions.unitsPerDose ?? 1;
    daily = amount * units * directions.dosesPerDay;
    how = `${format(amount)} ${entry.unit} × ${format(units)} × ${directions.dosesPerDay}/day`;
  } else if (directions.supplyDays !== null && facts.item.quantity !== null) {
    daily = (amount * facts.item.quantity) / directions.supplyDays;
    how = `${format(amount)} ${entry.unit} × ${facts.item.quantity} ÷ ${directions.supplyDays} days`;
  } else {
    return result(null, null, 'the item gives no frequency, and no quantity over a stated number of days');
  }
  const applied = knowledge.mme.factor(agent, daily, table);
  if (!applied) return result(null, null, `${agent} has no factor at ${format(daily)} ${entry.unit}/day`);
  return result(daily * applied.factor, `${how} × ${applied.factor}`, null);
}

/**
 * The opioid's share of a strength: "10/325" is 10 mg of hydrocodone for Norco (hydrocodone
 * first in its generic name), "300/30" is 30 mg of codeine for acetaminophen/codeine. A
 * single number is the opioid's own.
 */
function opioidAmount(mention: DrugMention, agent: string, values: readonly string[]): number | null {
  if (values.length === 1) return Number(values[0]);
  const parts = mention.entry.generic.toLowerCase().split('/');
  if (parts.length !== values.length) return null;
  const position = parts.findIndex((part) => part.includes(agent.split('-')[0]));
  return position < 0 ? null : Number(values[position]);
}
