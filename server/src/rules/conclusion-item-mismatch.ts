import type { Span } from '../text/span';
import { strengthAt, type Strength } from '../language/doses';
import type { DrugLookup, DrugMention } from '../knowledge/drug-lookup';
import type { PassageAnalysis } from '../facts/passages';
import type { Sentence } from '../language/sentences';
import type { TokenList } from '../language/tokens';
import type { Rule, RuleFinding } from './types';
import { quoted } from '../text/quote';

interface DoseParts {
  /** Strength numbers normalised ("0.5", "10", "325"), empty when none is written. */
  readonly strength: readonly string[];
  readonly unit: string | null;
  readonly quantity: string | null;
  readonly span: Span;
}

/** Words that end the item's name in a sentence ("… is not medically necessary"). */
const NAME_END = new Set(['is', 'are', 'was', 'were', 'not', 'has', 'have', 'does', 'do', 'cannot', 'will', 'would', 'should', 'as', 'because', 'due', 'per', 'be']);
const SIDES = new Map([
  ['left', 'left'],
  ['right', 'right'],
  ['lt', 'left'],
  ['rt', 'right'],
]);

export const conclusionItemMismatch: Rule = {
  id: 'conclusion-item-mismatch',
  defaultSeverity: 'warning',
  description: "The item named in the rationale's concluding sentence must match the item itself (drug, strength, quantity, side).",
  check(letter, context) {
    const lookup = context.facts.drugs;
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, index) => {
      if (!item.rationale) return;
      const facts = context.facts.item(index);
      // Only drugs and sided items have something to compare; the rationale is not read otherwise.
      if (facts.drugs.length === 0 && sidesIn(facts.title.tokens, 0, facts.title.tokens.length).sides.size !== 1) return;
      const { passage, sentence } = context.facts.conclusion(index);
      if (!passage || !sentence) return;
      const problem = facts.drugs.length > 0 ? compareDrug(letter.text, passage, sentence, facts.title, facts.drugs, lookup) : compareSide(passage, sentence, facts.title);
      if (!problem) return;
      findings.push({
        message: `The concluding sentence names ${problem.conclusionSays}, but the item is ${problem.itemSays}.`,
        span: problem.span,
        itemIndex: index,
        related: [{ span: item.titleSpan, message: 'The item.' }],
        fixes: problem.replaceable
          ? [{ title: `Use the item's name: ${quoted(item.title)}`, edits: [{ span: problem.span, newText: item.title }] }]
          : undefined,
      });
    });
    return findings;
  },
};

interface Problem {
  readonly conclusionSays: string;
  readonly itemSays: string;
  readonly span: Span;
  readonly replaceable: boolean;
}


function compareDrug(text: string, passage: PassageAnalysis, sentence: Sentence, title: PassageAnalysis, itemDrugs: readonly DrugMention[], lookup: DrugLookup): Problem | null {
  const named = lookup.mentions(passage.tokens, sentence.firstToken, sentence.endToken);
  if (named.length === 0) return null;
  const itemGenerics = new Set(itemDrugs.map((drug) => drug.generic));
  const matching = named.find((drug) => itemGenerics.has(drug.generic));
  const written = (span: Span) => text.slice(span.start, span.end).replace(/\s+/g, ' ');
  if (!matching) {
    const first = named[0];
    return {
      conclusionSays: `"${written(first.span)}"`,
      itemSays: `"${written(title.span)}"`,
      span: nameSpan(passage.tokens, first.first, sentence.endToken),
      replaceable: true,
    };
  }
  // Compounds list several ingredients with their own strengths; only single drugs are compared in detail.
  if (itemDrugs.length !== 1) return null;
  const itemDrug = itemDrugs[0];
  const itemDose = doseAfter(title.tokens, itemDrug.end, title.tokens.length);
  const saidDose = doseAfter(passage.tokens, matching.end, nameEnd(passage.tokens, matching.end, sentence.endToken, named));
  const differences: string[] = [];
  if (itemDose.strength.length > 0 && saidDose.strength.length > 0 && itemDose.strength.join('/') !== saidDose.strength.join('/')) {
    differences.push('strength');
  } else if (itemDose.unit && saidDose.unit && itemDose.unit !== saidDose.unit && itemDose.strength.length > 0) {
    differences.push('unit');
  }
  if (itemDose.quantity !== null && saidDose.quantity !== null && itemDose.quantity !== saidDose.quantity) differences.push('quantity');
  if (differences.length === 0) return null;
  return {
    conclusionSays: `"${describe(written(matching.span), saidDose)}"`,
    itemSays: `"${describe(written(itemDrug.span), itemDose)}" (${differences.join(' and ')} differ${differences.length === 1 ? 's' : ''})`,
    span: { start: matching.span.start, end: Math.max(matching.span.end, saidDose.span.end) },
    replaceable: true,
  };
}

/** Right vs left: the clearest mismatch for procedures and imaging ("MRI of the right knee" concluded as "left knee"). */
function compareSide(passage: PassageAnalysis, sentence: Sentence, title: PassageAnalysis): Problem | null {
  const itemSides = sidesIn(title.tokens, 0, title.tokens.length);
  if (itemSides.sides.size !== 1) return null;
  const said = sidesIn(passage.tokens, sentence.firstToken, sentence.endToken);
  if (said.sides.size !== 1) return null;
  const [itemSide] = itemSides.sides;
  const [saidSide] = said.sides;
  if (itemSide === saidSide || !said.span) return null;
  return {
    conclusionSays: `the ${saidSide} side`,
    itemSays: `for the ${itemSide} side`,
    span: said.span,
    replaceable: false,
  };
}

function sidesIn(tokens: TokenList, from: number, to: number): { sides: Set<string>; span: Span | null } {
  const sides = new Set<string>();
  let span: Span | null = null;
  for (let index = from; index < to; index++) {
    const norm = tokens.norm(index);
    if (norm === 'bilateral' || norm === 'bilaterally' || norm === 'both') {
      sides.add('left');
      sides.add('right');
    }
    const side = SIDES.get(norm);
    if (side) {
      sides.add(side);
      span ??= { start: tokens.start(index), end: tokens.end(index) };
    }
  }
  return { sides, span };
}

/** Where the item's name ends in a sentence: at a verb like "is", or at the next different drug. */
function nameEnd(tokens: TokenList, from: number, to: number, named: readonly DrugMention[]): number {
  let end = Math.min(to, from + 12);
  for (const drug of named) if (drug.first >= from && drug.first < end) end = drug.first;
  for (let index = from; index < end; index++) {
    if (NAME_END.has(tokens.norm(index))) return index;
  }
  return end;
}

function nameSpan(tokens: TokenList, first: number, to: number): Span {
  let end = first + 1;
  for (let index = first + 1; index < Math.min(to, first + 12); index++) {
    const norm = tokens.norm(index);
    if (NAME_END.has(norm) || norm === '.' || norm === ',') break;
    end = index + 1;
  }
  return { start: tokens.start(first), end: tokens.end(end - 1) };
}

/** Strength ("10/325mg", "7.5-325 mg", ".5", "4 MG") and quantity ("#60") after a drug name. */
export function doseAfter(tokens: TokenList, from: number, to: number): DoseParts {
  let strength: Strength | null = null;
  let quantity: string | null = null;
  let last = from;
  for (let index = from; index < to; index++) {
    if (tokens.is(index, '#')) {
      const next = index + 1;
      if (next < tokens.length && next < to && (tokens.isNumber(next) || /^\d/.test(tokens.norm(next)))) {
        quantity = normaliseNumber(/^[0-9.]*/.exec(tokens.norm(next))?.[0] ?? tokens.norm(next));
        last = index + 2;
      }
      break;
    }
    if (strength) continue;
    strength = strengthAt(tokens, index, to, false);
    if (strength) {
      last = strength.end;
      index = strength.end - 1;
    }
  }
  const before = from - 1 >= 0 && from - 1 < tokens.length ? tokens.end(from - 1) : 0;
  const span = last > from ? { start: tokens.start(from), end: tokens.end(last - 1) } : { start: before, end: before };
  return { strength: strength ? strength.values.map(normaliseNumber) : [], unit: strength?.unit ?? null, quantity, span };
}

function normaliseNumber(text: string): string {
  const value = Number(text.startsWith('.') ? `0${text}` : text);
  return Number.isFinite(value) ? String(value) : text;
}

function describe(name: string, dose: DoseParts): string {
  const strength = dose.strength.length > 0 ? ` ${dose.strength.join('/')}${dose.unit ?? ''}` : '';
  const quantity = dose.quantity !== null ? ` #${dose.quantity}` : '';
  return `${name}${strength}${quantity}`;
}
