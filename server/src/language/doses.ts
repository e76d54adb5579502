/**
 * Doses as the tokenizer reads them: a number followed by a unit token
 * ("10 mg", "5 %"), or one word with the unit glued on ("10mg", ".5mg",
 * "240gm"). One list of units for every rule that reads strengths or amounts.
 */

/**
 * Units of a strength ("10 mg", "5 %", "111.2 grams"): as unit tokens after a number (lower case, as
 * tokens are) and as the normalised unit of a glued dose. Ounces are only ever an amount.
 */
export const STRENGTH_UNITS: ReadonlySet<string> = new Set(['mg', 'mcg', 'g', 'gm', 'gms', 'gram', 'grams', 'ml', 'mls', '%', 'meq', 'iu', 'units', 'unit']);

/** Units of a package amount ("120 grams", "500ml") rather than a strength, after `normaliseUnit`. */
const AMOUNT_UNITS: ReadonlySet<string> = new Set(['g', 'ml', 'oz']);

const GLUED_DOSE = /^(\d+(?:\.\d+)?|\.\d+)(mg|mcg|gm|gms|g|grams?|ml|mls|oz|meq|iu)$/;

export interface GluedDose {
  /** The number as written ("10", ".5"). */
  readonly value: string;
  /** The unit, normalised ("g" for "gm"). */
  readonly unit: string;
}

/** A word token that is a number with its unit glued on ("10mg", ".5mg", "240gm", "4oz"), or null. */
export function gluedDose(word: string): GluedDose | null {
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
