import { findStrength, MAY_HOLD_STRENGTH, refillMentions } from '../language/doses';
import { tokenList } from '../language/tokens';
import { trimEndChars } from './mapped-text';
import type { MedicationParts } from './model';
import type { Span } from '../text/span';

/** "#60 grams" → 60, "#1 box" → 1; null without a `#`. */
export function quantityOf(title: string): number | null {
  const span = quantitySpan(title);
  if (!span) return null;
  const value = Number(title.slice(span.start, span.end));
  return Number.isSafeInteger(value) ? value : null;
}

/** Where the quantity's number sits in `text[from..to)`: the first integer after the first `#`, within 40 characters. */
export function quantitySpan(text: string, from = 0, to = text.length): Span | null {
  const hash = text.indexOf('#', from);
  if (hash < 0 || hash >= to) return null;
  const match = /\d+/.exec(text.slice(hash + 1, Math.min(to, hash + 40)));
  return match ? { start: hash + 1 + match.index, end: hash + 1 + match.index + match[0].length } : null;
}

/** "with three refills", "with 1 refill", "Two refills of …", "refills x2"; null when the title does not say. */
export function refillsOf(title: string): number | null {
  // Most titles name no refills: a look at the text spares tokenizing them.
  if (!MAY_NAME_REFILLS.test(title)) return null;
  for (const mention of refillMentions(tokenList(title))) if (mention.value !== null) return mention.value;
  return null;
}

/** Every word `refillMentions` reads as a refill starts so ("refill…", "rf", "rfs"). */
const MAY_NAME_REFILLS = /refill|\brfs?\b/i;

const FREQUENCY =
  /\b(?:(?:once|twice|thrice|one|two|three|four|\d+(?:\s*-\s*\d+)?)\s+(?:times?\s+)?(?:a|per|each|every)\s+(?:day|daily|night|week|month)|(?:once|twice|three times|four times)\s+daily|daily|nightly|every\s+\d+(?:\s*-\s*\d+)?\s*(?:hours?|hrs?|h)\b|as\s+needed|at\s+bedtime|q\.?\s?\d+(?:-\d+)?\s?h(?:rs?)?|q\.?d\.?|b\.?i\.?d\.?|t\.?i\.?d\.?|q\.?i\.?d\.?|q\.?h\.?s\.?|p\.?r\.?n\.?|for\s+\d+\s+(?:days?|weeks?|months?)|\d+\s+days?(?:\s+supply)?|x\s*\d+\s+(?:days?|weeks?))(?![A-Za-z])/gi;
const LEADING_QUALIFIER =
  /^(?:retrospective|retro|prospective|post-? ?op(?:erative)?|pre-? ?op(?:erative)?|compound(?:ed)?|request for|(?:\d{1,2}|one|two|three|four|five|six|twelve) (?:\(\d{1,2}\) )?refills? of) /i;

/**
 * Splits a drug item title into its parts. Returns null for items that are not a medication:
 * a title counts as one when it gives a strength ("10/325mg", "5%") or a `#` quantity.
 */
export function parseMedication(title: string): MedicationParts | null {
  const found = MAY_HOLD_STRENGTH.test(title) ? findStrength(tokenList(title)) : null;
  const strength = found ? found.span : null;
  const hash = title.indexOf('#');
  if (!strength && hash < 0) return null;
  const drugEnd = Math.min(...[strength ? strength.start : -1, hash].filter((at) => at >= 0));
  let drug = title.slice(0, drugEnd);
  for (let qualifier = LEADING_QUALIFIER.exec(drug); qualifier; qualifier = LEADING_QUALIFIER.exec(drug)) {
    drug = drug.slice(qualifier[0].length);
  }
  drug = trimEndChars(drug, ',(:;-').trim();
  if (drug.length === 0) drug = title.trim();
  const frequencies: string[] = [];
  FREQUENCY.lastIndex = 0;
  for (let match = FREQUENCY.exec(title); match && frequencies.length < 4; match = FREQUENCY.exec(title)) {
    frequencies.push(match[0]);
  }
  return {
    drug,
    strength: strength ? title.slice(strength.start, strength.end) : null,
    quantity: quantityOf(title),
    refills: refillsOf(title),
    frequency: frequencies.length > 0 ? frequencies.join(', ') : null,
  };
}
