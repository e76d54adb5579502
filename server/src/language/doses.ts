/**
 * Doses as the tokenizer reads them: a number followed by a unit token
 * ("10 mg", "5 %"), or one word with the unit glued on ("10mg", ".5mg",
 * "240gm"). One list of units and one strength reader for the parser and every
 * rule that reads strengths or amounts, and one reader of refill counts.
 */

import type { Span } from '../text/span';
import { countValue, NUMBER_WORDS } from './numbers';
import { phraseSet } from './phrase-matcher';
import type { TokenList } from './tokens';

/**
 * Units of a strength ("10 mg", "5 %", "111.2 grams"): as unit tokens after a number (lower case, as
 * tokens are) and as the normalised unit of a glued dose. Ounces are only ever an amount.
 */
export const STRENGTH_UNITS: ReadonlySet<string> = new Set(['mg', 'mcg', 'ug', '\u00b5g', 'g', 'gm', 'gms', 'gram', 'grams', 'ml', 'mls', 'cc', '%', 'meq', 'iu', 'units', 'unit']);

/** Units of a package amount ("120 grams", "500ml") rather than a strength, after `normaliseUnit`. */
const AMOUNT_UNITS: ReadonlySet<string> = new Set(['g', 'ml', 'oz']);

const GLUED_DOSE = /^(\d+(?:\.\d+)?|\.\d+)(mg|mcg|gm|gms|g|grams?|ml|mls|oz|meq|iu)$/;

interface GluedDose {
  /** The number as written ("10", ".5"). */
  readonly value: string;
  /** The unit, normalised ("g" for "gm"). */
  readonly unit: string;
}

/** A word token that is a number with its unit glued on ("10mg", ".5mg", "240gm", "4oz"), or null. */
export function gluedDose(word: string): GluedDose | null {
  // It starts with a digit or a decimal point: other words, most of those asked about, are turned away without trying the pattern.
  const code = word.charCodeAt(0);
  if (!((code >= 48 && code <= 57) || code === 46)) return null;
  const match = GLUED_DOSE.exec(word);
  return match ? { value: match[1], unit: normaliseUnit(match[2]) } : null;
}

/** One spelling per unit: "gm", "gms", "gram", "grams" are "g"; "mls" is "ml"; "unit" is "units". */
export function normaliseUnit(unit: string): string {
  if (unit === 'gm' || unit === 'gms' || unit === 'gram' || unit === 'grams') return 'g';
  if (unit === 'mls') return 'ml';
  if (unit === 'unit') return 'units';
  return unit;
}

/** Whether a (normalised) unit measures a package amount, such as the grams of a cream, rather than a strength. */
export function isAmountUnit(unit: string): boolean {
  return AMOUNT_UNITS.has(unit);
}

/** What a strength may be per, after a slash: "25mcg/hr", "5mg/ml". */
const PER_UNITS: ReadonlySet<string> = new Set(['ml', 'hr', 'h', 'g', 'gm', 'dose', 'act', 'spray', 'patch']);

export interface Strength {
  /** Token index of the first number, and one past the strength's last token. */
  readonly first: number;
  readonly end: number;
  readonly span: Span;
  /** Each number as written: ["10", "325"] for "10/325mg". */
  readonly values: readonly string[];
  /** The unit, normalised ("g" for "gm"); null only when no unit was required. */
  readonly unit: string | null;
}

/**
 * The strength that starts at token `index`: a number, or a dose with its unit glued on; then
 * combination parts after "/", "-" or a space ("10/325mg", "7.5-325 mg", "7.5 325 mg"); then the unit ("7.5 mg", "5%")
 * and what it is per ("25mcg/hr"). Without `unitRequired: false`, a strength needs a unit.
 */
export function strengthAt(tokens: TokenList, index: number, to = tokens.length, unitRequired = true): Strength | null {
  // First the extent and the unit, without allocating: most tokens start no strength, and most
  // numbers have no unit after them. Only a strength found has its values collected.
  if (index >= to) return null;
  let unit = gluedStrengthUnit(tokens, index);
  if (unit === null && !tokens.isNumber(index)) return null;
  let at = index + 1;
  while (unit === null && at < to) {
    if (tokens.isNumber(at)) at += 1;
    else if (at + 1 < to && (tokens.is(at, '/') || tokens.is(at, '-')) && (tokens.isNumber(at + 1) || (unit = gluedStrengthUnit(tokens, at + 1)) !== null)) at += 2;
    else break;
  }
  if (unit === null && at < to && STRENGTH_UNITS.has(tokens.norm(at))) {
    unit = normaliseUnit(tokens.norm(at));
    at++;
  }
  if (unit === null && unitRequired) return null;
  const values: string[] = [];
  for (let part = index; part < at; part++) {
    if (tokens.isNumber(part)) values.push(tokens.norm(part));
    else if (tokens.isWord(part)) {
      const glued = gluedDose(tokens.norm(part));
      if (glued) values.push(glued.value);
    }
  }
  if (unit !== null && at + 1 < to && tokens.is(at, '/') && PER_UNITS.has(tokens.norm(at + 1))) at += 2;
  return { first: index, end: at, span: { start: tokens.start(index), end: tokens.end(at - 1) }, values, unit };
}

/** The unit of a word token that is a strength with its unit glued on ("10mg"), or null. */
function gluedStrengthUnit(tokens: TokenList, index: number): string | null {
  if (!tokens.isWord(index)) return null;
  const glued = gluedDose(tokens.norm(index));
  return glued && STRENGTH_UNITS.has(glued.unit) ? glued.unit : null;
}

/** The first strength with a unit in `tokens[from..to)`; a number glued to a word or after "#" ("B12", "#60") starts none. */
export function findStrength(tokens: TokenList, from = 0, to = tokens.length): Strength | null {
  for (let index = from; index < to; index++) {
    if (!tokens.isNumber(index) && !tokens.isWord(index)) continue;
    const previous = index - 1;
    if (previous >= from && !tokens.spaceBefore(index) && (tokens.isWord(previous) || tokens.is(previous, '#'))) continue;
    const strength = strengthAt(tokens, index, to);
    if (strength) return strength;
  }
  return null;
}

/**
 * A digit, perhaps a space, then the start of a strength unit: text without this holds no
 * strength, so `findStrength` need not tokenize it. Built from `STRENGTH_UNITS`.
 */
export const MAY_HOLD_STRENGTH = new RegExp(`\\d\\s?(?:${[...STRENGTH_UNITS].join('|')})`, 'i');

/** True when `tokens[from..to)` holds a dose or strength such as "5%", "10mg", "4 MG", "111.2 grams". */
export function hasStrength(tokens: TokenList, from = 0, to = tokens.length): boolean {
  return findStrength(tokens, from, to) !== null;
}

const REFILL_WORDS = phraseSet(['refill', 'refills', 'refilled', 'refilling', 'rf', 'rfs']);
/** How a count of refills is written around the word: "3 refills", "refills x2", "refills: 3", "(3) refills". */
const REFILL_QUALIFIERS = new Set(['additional', 'more', 'further', 'total', '(', ')', 'monthly']);

export interface RefillMention {
  readonly span: Span;
  /** Token indexes of the refill word. */
  readonly first: number;
  readonly end: number;
  /** The number of refills as written ("3", "three", "x2"), or null when not stated. */
  readonly count: string | null;
  /** Its value, or null when not stated. */
  readonly value: number | null;
}

/** Every mention of refills in `tokens[from..to)`, each with the count written next to it. */
export function refillMentions(tokens: TokenList, from = 0, to = tokens.length): RefillMention[] {
  const mentions: RefillMention[] = [];
  for (let at = REFILL_WORDS.nextMatch(tokens, from, to); at >= 0; at = REFILL_WORDS.nextMatch(tokens, REFILL_WORDS.lastMatchEnd, to)) {
    const end = REFILL_WORDS.lastMatchEnd;
    const count = countNear(tokens, at, end, from, to);
    mentions.push({ span: { start: tokens.start(at), end: tokens.end(end - 1) }, first: at, end, count, value: count === null ? null : countValue(count) });
  }
  return mentions;
}

function isCount(tokens: TokenList, index: number): boolean {
  const norm = tokens.norm(index);
  return tokens.isNumber(index) || NUMBER_WORDS.has(norm) || /^x\d+$/.test(norm);
}

/** Looks two tokens back ("3 refills", "three (3) refills") and three ahead ("refills x 2", "refills: 3"). */
function countNear(tokens: TokenList, first: number, end: number, from: number, to: number): string | null {
  for (let index = first - 1, seen = 0; index >= from && seen < 4; index--, seen++) {
    const norm = tokens.norm(index);
    if (isCount(tokens, index)) return norm;
    if (!REFILL_QUALIFIERS.has(norm) && !tokens.isNumber(index)) break;
  }
  for (let index = end, seen = 0; index < to && seen < 3; index++, seen++) {
    const norm = tokens.norm(index);
    if (isCount(tokens, index) && norm !== 'a' && norm !== 'an' && norm !== 'no') return norm;
    if (norm !== 'x' && norm !== ':' && norm !== '#' && norm !== '=') break;
  }
  return null;
}

/**
 * How a prescription is taken, as its directions say: units per dose ("one tablet", "1-2 tabs"),
 * doses per day ("twice daily", "every 4-6 hours", "TID") and days of supply ("for 30 days",
 * "30 day supply"). A range counts at its largest ("1-2 tabs every 4-6 hours" is 2 tablets 6 times
 * a day), as a maximum daily dose does. Each part is null when the text does not give it; "as
 * needed" alone gives no frequency.
 */
interface Directions {
  readonly unitsPerDose: number | null;
  readonly dosesPerDay: number | null;
  readonly supplyDays: number | null;
}

const MAX_UNITS_PER_DOSE = 4;
const SIG_NUMBER = '(\\d+(?:\\.\\d+)?|one|two|three|four|half|1/2)';
const SIG_NUMBER_VALUES: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, half: 0.5, '1/2': 0.5 };
const sigNumber = (written: string): number => SIG_NUMBER_VALUES[written] ?? Number(written);
/** "1-2 tabs", "one tablet", "2 caps" followed by how or when they are taken (a count alone is a quantity). */
const UNITS_PER_DOSE = new RegExp(
  `(?<![#\\d.])${SIG_NUMBER}(?:\\s*(?:-|to)\\s*${SIG_NUMBER})?\\s*(?:tabs?|tablets?|caps?|capsules?|pills?)\\b(?=[\\s,]+(?:by mouth|p\\.?o\\.?|orally|oral|every|each|q\\.?\\s?\\d|once|twice|daily|a day|per day|at bedtime|nightly|b\\.?i\\.?d|t\\.?i\\.?d|q\\.?i\\.?d|\\d+\\s*times|three times|four times|as needed|prn))`,
  'i',
);
const EVERY_HOURS = /\b(?:every|q\.?)\s?(\d{1,2})(?:\s*(?:-|to)\s*(\d{1,2}))?\s*(?:hours?|hrs?|h)\b/i;
const TIMES_A_DAY = /\b(\d|one|two|three|four) ?(?:times|x) (?:(?:a|per|each) )?(?:day|daily)\b/i;
const NAMED_FREQUENCIES: readonly [RegExp, number][] = [
  [/\b(?:four times (?:a |per )?day|four times daily|q\.?i\.?d\.?)(?![a-z])/i, 4],
  [/\b(?:three times (?:a |per )?day|three times daily|thrice daily|t\.?i\.?d\.?)(?![a-z])/i, 3],
  [/\b(?:twice (?:a |per )?day|twice daily|b\.?i\.?d\.?)(?![a-z])/i, 2],
  [/\b(?:once (?:a |per )?day|once daily|daily|every day|q\.?d\.?|nightly|at bedtime|q\.?h\.?s\.?|every (?:night|morning))(?![a-z])/i, 1],
];
const SUPPLY = /\b(?:(\d{1,3})[-\s]day(?:s)?\s+supply|(?:for|x)\s*(\d{1,3})\s*(days?|weeks?|months?))\b/i;

export function readDirections(text: string): Directions {
  const units = UNITS_PER_DOSE.exec(text);
  const perDose = units ? sigNumber((units[2] ?? units[1]).toLowerCase()) : null;
  // Nobody takes 60 tablets at once: a larger count is the quantity ("60 tablets every 6 hours").
  const unitsPerDose = perDose !== null && perDose <= MAX_UNITS_PER_DOSE ? perDose : null;
  let dosesPerDay: number | null = null;
  const hours = EVERY_HOURS.exec(text);
  const times = TIMES_A_DAY.exec(text);
  if (hours && Number(hours[1]) > 0) dosesPerDay = Math.floor(24 / Math.min(Number(hours[1]), Number(hours[2] ?? hours[1])));
  else if (times) dosesPerDay = sigNumber(times[1].toLowerCase());
  else dosesPerDay = NAMED_FREQUENCIES.find(([pattern]) => pattern.test(text))?.[1] ?? null;
  const supply = SUPPLY.exec(text);
  let supplyDays: number | null = null;
  if (supply) {
    const count = Number(supply[1] ?? supply[2]);
    const per = (supply[3] ?? 'day').toLowerCase();
    supplyDays = count * (per.startsWith('week') ? 7 : per.startsWith('month') ? 30 : 1);
    if (supplyDays === 0) supplyDays = null;
  }
  return { unitsPerDose, dosesPerDay, supplyDays };
}
