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

const STRENGTH =
  /(?:^|[\s(,])((?:\d+(?:\.\d+)?|\.\d+)(?:\s*[-/]\s*(?:\d+(?:\.\d+)?|\.\d+))*\s*(?:mg|mcg|µg|ug|gm|g|grams?|ml|mL|cc|%|units?|iu|meq)(?:\s*\/\s*(?:ml|mL|hr|h|g|gm|dose|act|spray|patch))?)(?![A-Za-z])/i;
const FREQUENCY =
  /\b(?:(?:once|twice|thrice|one|two|three|four|\d+(?:\s*-\s*\d+)?)\s+(?:times?\s+)?(?:a|per|each|every)\s+(?:day|daily|night|week|month)|(?:once|twice|three times|four times)\s+daily|daily|nightly|every\s+\d+(?:\s*-\s*\d+)?\s*(?:hours?|hrs?|h)\b|as\s+needed|at\s+bedtime|q\.?\s?\d+(?:-\d+)?\s?h(?:rs?)?|q\.?d\.?|b\.?i\.?d\.?|t\.?i\.?d\.?|q\.?i\.?d\.?|q\.?h\.?s\.?|p\.?r\.?n\.?|for\s+\d+\s+(?:days?|weeks?|months?)|\d+\s+days?(?:\s+supply)?|x\s*\d+\s+(?:days?|weeks?))(?![A-Za-z])/gi;
const LEADING_QUALIFIERS = /^(?:(?:retrospective|retro|prospective|post-?\s?op(?:erative)?|pre-?\s?op(?:erative)?|compound(?:ed)?|topical|request\s+for|dos\s*:?\s*\S+)\s+)+/i;

/**
 * Splits a drug item title into its parts. Returns null for items that are not a medication:
 * a title counts as one when it gives a strength ("10/325mg", "5%") or a `#` quantity.
 */
export function parseMedication(title: string): MedicationParts | null {
  const strengthMatch = STRENGTH.exec(title);
  const hash = title.indexOf('#');
  if (!strengthMatch && hash < 0) return null;
  const strengthStart = strengthMatch ? strengthMatch.index + strengthMatch[0].indexOf(strengthMatch[1]!) : -1;
  const drugEnd = Math.min(...[strengthStart, hash].filter((at) => at >= 0));
  let drug = title
    .slice(0, drugEnd)
    .replace(LEADING_QUALIFIERS, '')
    .replace(/[\s,(:;-]+$/, '')
    .trim();
  if (drug.length === 0) drug = title.trim();
  const frequencies: string[] = [];
  FREQUENCY.lastIndex = 0;
  for (let match = FREQUENCY.exec(title); match && frequencies.length < 4; match = FREQUENCY.exec(title)) {
    frequencies.push(match[0]);
  }
  return {
    drug,
    strength: strengthMatch ? strengthMatch[1]!.replace(/\s+/g, ' ') : null,
    quantity: quantityOf(title),
    refills: refillsOf(title),
    frequency: frequencies.length > 0 ? frequencies.join(', ') : null,
  };
}
