/**
 * The one way drug names are found, by hover, completion and every rule alike:
 * names of the knowledge base's drug dictionary (knowledge/data/drugs.json) in
 * tokenized text, each with its dictionary entry and the families the
 * documentation rules distinguish.
 */

import type { DrugClass, DrugEntry } from './types';
import type { Span } from '../text/span';
import { hasStrength } from '../language/doses';
import { PhraseMatcher } from '../language/phrase-matcher';
import { plainWords, tokenList, type TokenList } from '../language/tokens';

/**
 * Families of drugs that the MTUS treats alike, grouped from the dictionary's
 * finer pharmacological classes (`DrugClass`): "muscle relaxant" and
 * "antispasticity" are both `muscle-relaxant`, "PPI" and "H2 blocker" both
 * `gastro-protective`.
 */
export type DrugFamily =
  | 'opioid'
  | 'muscle-relaxant'
  | 'benzodiazepine'
  | 'anti-epileptic'
  | 'nsaid'
  | 'topical'
  | 'antidepressant'
  | 'gastro-protective'
  | 'sedative'
  | 'other';

interface DrugInfo {
  /** The drug's id in the dictionary, which every name of it shares ("tizanidine" for "Zanaflex", "hydrocodone-apap" for "Norco"). */
  readonly generic: string;
  readonly classes: readonly DrugFamily[];
  /** The dictionary entry the name belongs to. */
  readonly entry: DrugEntry;
}

export interface DrugMention extends DrugInfo {
  /** The name as matched (lower case). */
  readonly name: string;
  readonly span: Span;
  /** Token indexes of the mention inside the token array it was found in. */
  readonly first: number;
  readonly end: number;
}

export interface DrugLookup {
  /** The drug a single name refers to ("Norco" → hydrocodone, opioid), or null. */
  lookup(name: string): DrugInfo | null;
  /** Every drug named in `tokens[from..to)`, left to right. */
  mentions(tokens: TokenList, from?: number, to?: number): DrugMention[];
}

function normaliseName(name: string): string {
  const plain = plainWords(name);
  if (plain !== null) return plain;
  const tokens = tokenList(name);
  const words: string[] = [];
  for (let index = 0; index < tokens.length; index++) if (tokens.norm(index) !== '-') words.push(tokens.norm(index));
  return words.join(' ');
}

function lookupOver(byName: ReadonlyMap<string, DrugInfo>): DrugLookup {
  const matcher = new PhraseMatcher<DrugInfo>([...byName].map(([name, info]) => [name, info] as const));
  return {
    lookup(name) {
      return byName.get(normaliseName(name)) ?? null;
    },
    mentions(tokens, from = 0, to = tokens.length) {
      return matcher.findAll(tokens, from, to).map((match) => ({
        generic: match.value.generic,
        classes: match.value.classes,
        entry: match.value.entry,
        name: match.phrase,
        span: match.span,
        first: match.first,
        end: match.end,
      }));
    },
  };
}

/** Dictionary classes mapped onto the families the rules distinguish; any other class is `other`. */
const FAMILY_OF_CLASS: Readonly<Partial<Record<DrugClass, DrugFamily>>> = {
  opioid: 'opioid',
  'muscle relaxant': 'muscle-relaxant',
  antispasticity: 'muscle-relaxant',
  benzodiazepine: 'benzodiazepine',
  'anti-epilepsy': 'anti-epileptic',
  NSAID: 'nsaid',
  topical: 'topical',
  compounded: 'topical',
  salicylate: 'topical',
  antidepressant: 'antidepressant',
  PPI: 'gastro-protective',
  'H2 blocker': 'gastro-protective',
  'GI protectant': 'gastro-protective',
  'sleep aid': 'sedative',
  anxiolytic: 'sedative',
  'barbiturate-containing analgesic': 'sedative',
};

function familiesOf(classes: readonly DrugClass[]): DrugFamily[] {
  const mapped = new Set<DrugFamily>();
  for (const drugClass of classes) mapped.add(FAMILY_OF_CLASS[drugClass] ?? 'other');
  if (mapped.size > 1) mapped.delete('other');
  return [...mapped];
}

/** A lookup over a drug dictionary: its drug ids become the canonical names. */
export function drugLookupOver(drugs: readonly DrugEntry[]): DrugLookup {
  const byName = new Map<string, DrugInfo>();
  for (const drug of drugs) {
    const info: DrugInfo = { generic: drug.id, classes: familiesOf(drug.classes), entry: drug };
    for (const name of [drug.generic, ...drug.brands, ...drug.otherNames]) {
      const key = normaliseName(name);
      if (key && !byName.has(key)) byName.set(key, info);
    }
  }
  return lookupOver(byName);
}

/** Dosage-form words that make an item a topical regardless of its ingredients. */
const TOPICAL_FORMS = new PhraseMatcher<true>(
  ['cream', 'creams', 'gel', 'ointment', 'lotion', 'topical', 'compound', 'compounded', 'cream base', 'salve', 'liniment', 'pad', 'pads', 'patch', 'patches', 'transdermal', 'spray', 'roll on', 'balm']
    .map((phrase) => [phrase, true] as const),
);

/** `classesInTokens` when the drug mentions in `tokens[from..to)` are already known. */
export function classesOfMentions(mentions: readonly DrugMention[], tokens: TokenList, from = 0, to = tokens.length): Set<DrugFamily> {
  const classes = new Set<DrugFamily>();
  for (const mention of mentions) for (const drugClass of mention.classes) classes.add(drugClass);
  if (TOPICAL_FORMS.occursIn(tokens, from, to) && (mentions.length > 0 || hasStrength(tokens, from, to))) classes.add('topical');
  return classes;
}
