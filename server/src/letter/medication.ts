import { trimEndChars } from './mapped-text';
import type { MedicationParts } from './model';

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  no: 0,
  one: 1,
  a: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

const COUNT = '(\\d{1,2}|zero|no|one|a|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const REFILLS_AFTER = new RegExp(`\\bwith\\s+${COUNT}\\s+(?:additional\\s+)?refills?\\b`, 'i');
const REFILLS_BEFORE = new RegExp(`^\\s*${COUNT}\\s+(?:\\(\\d{1,2}\\)\\s+)?refills?\\s+of\\b`, 'i');
const REFILLS_X = /\b(\d{1,2})\s+refills?\b|\brefills?\s*(?:x|:)\s*(\d{1,2})\b/i;

/** "#60 grams" → 60, "#1 box" → 1; null without a `#`. */
export function quantityOf(title: string): number | null {
  const hash = title.indexOf('#');
  if (hash < 0) return null;
  const match = /\d+/.exec(title.slice(hash + 1, hash + 40));
  if (!match) return null;
  const value = Number(match[0]);
  return Number.isSafeInteger(value) ? value : null;
}

/** "with three refills", "with 1 refill", "Two refills of …"; null when the title does not say. */
export function refillsOf(title: string): number | null {
  const match = REFILLS_AFTER.exec(title) ?? REFILLS_BEFORE.exec(title);
  if (match) return countValue(match[1]!);
  const digits = REFILLS_X.exec(title);
  if (digits) return Number(digits[1] ?? digits[2]);
  return null;
}

function countValue(word: string): number {
  const lower = word.toLowerCase();
  return NUMBER_WORDS[lower] ?? Number(lower);
}

const NUMBER = /\d+(?:\.\d+)?|\.\d+/g;
const NUMBER_AT = /\d+(?:\.\d+)?|\.\d+/y;
const UNIT_AT = /(?:mg|mcg|µg|ug|gm|g|grams?|ml|cc|%|units?|iu|meq)(?![A-Za-z])/iy;
const PER_UNIT_AT = /\/ ?(?:ml|hr|h|g|gm|dose|act|spray|patch)(?![A-Za-z])/iy;

/** The first strength in a title ("10/325mg", "7.5 mg", "5%", "10mg/1ml"), as [start, end) or null. */
function findStrength(title: string): [number, number] | null {
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(title); match; match = NUMBER.exec(title)) {
    const start = match.index;
    if (start > 0 && /[A-Za-z#]/.test(title[start - 1]!)) continue;
    let at = start + match[0].length;
    // Combination strengths: "10/325", "7.5-325".
    for (;;) {
      let next = at;
      if (title[next] === ' ') next++;
      if (title[next] !== '/' && title[next] !== '-') break;
      next++;
      if (title[next] === ' ') next++;
      NUMBER_AT.lastIndex = next;
      const more = NUMBER_AT.exec(title);
      if (!more) break;
      at = next + more[0].length;
    }
    let unitFrom = at;
    if (title[unitFrom] === ' ') unitFrom++;
    UNIT_AT.lastIndex = unitFrom;
    const unit = UNIT_AT.exec(title);
    if (!unit) {
      NUMBER.lastIndex = Math.max(NUMBER.lastIndex, start + 1);
      continue;
    }
    let end = unitFrom + unit[0].length;
    PER_UNIT_AT.lastIndex = end;
    const per = PER_UNIT_AT.exec(title);
    if (per) end += per[0].length;
    return [start, end];
  }
  return null;
}

const FREQUENCY =
  /\b(?:(?:once|twice|thrice|one|two|three|four|\d+(?:\s*-\s*\d+)?)\s+(?:times?\s+)?(?:a|per|each|every)\s+(?:day|daily|night|week|month)|(?:once|twice|three times|four times)\s+daily|daily|nightly|every\s+\d+(?:\s*-\s*\d+)?\s*(?:hours?|hrs?|h)\b|as\s+needed|at\s+bedtime|q\.?\s?\d+(?:-\d+)?\s?h(?:rs?)?|q\.?d\.?|b\.?i\.?d\.?|t\.?i\.?d\.?|q\.?i\.?d\.?|q\.?h\.?s\.?|p\.?r\.?n\.?|for\s+\d+\s+(?:days?|weeks?|months?)|\d+\s+days?(?:\s+supply)?|x\s*\d+\s+(?:days?|weeks?))(?![A-Za-z])/gi;
const LEADING_QUALIFIER =
  /^(?:retrospective|retro|prospective|post-? ?op(?:erative)?|pre-? ?op(?:erative)?|compound(?:ed)?|request for|(?:\d{1,2}|one|two|three|four|five|six|twelve) (?:\(\d{1,2}\) )?refills? of) /i;

/**
 * Splits a drug item title into its parts. Returns null for items that are not a medication:
 * a title counts as one when it gives a strength ("10/325mg", "5%") or a `#` quantity.
 */
export function parseMedication(title: string): MedicationParts | null {
  const strength = findStrength(title);
  const hash = title.indexOf('#');
  if (!strength && hash < 0) return null;
  const drugEnd = Math.min(...[strength ? strength[0] : -1, hash].filter((at) => at >= 0));
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
    strength: strength ? title.slice(strength[0], strength[1]) : null,
    quantity: quantityOf(title),
    refills: refillsOf(title),
    frequency: frequencies.length > 0 ? frequencies.join(', ') : null,
  };
}
