import type { Decision } from './model';

/**
 * How sure we are that a word typed after an item's last colon is meant as its decision.
 * - `valid`: "Upheld" or "Overturned", in any letter case;
 * - `decisionLike`: clearly meant as one ("Uphold", "Over turned", "Overturn", "Upheld.", "Overtuned");
 * - `reviewWord`: a utilization-review verdict used by mistake ("Denied", "Approved", "Modified"),
 *   which only counts when the item's guideline lines follow directly;
 * - `none`: anything else, e.g. "Recommended" ending a line inside a rationale.
 */
type DecisionWordKind = 'valid' | 'decisionLike' | 'reviewWord' | 'none';

interface DecisionWord {
  readonly kind: DecisionWordKind;
  readonly decision: Decision | null;
}

const NONE: DecisionWord = { kind: 'none', decision: null };
const MAX_WORD_LENGTH = 24;

const REVIEW_WORDS = new Set([
  'approved',
  'denied',
  'certified',
  'noncertified',
  'modified',
  'authorized',
  'authorised',
  'notcertified',
  'notmedicallynecessary',
  'medicallynecessary',
  'partiallycertified',
]);

/** Levenshtein distance, capped: returns `cap + 1` as soon as it must exceed `cap`. */
function distance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Classifies the text after an item line's last colon. The decision is set only for an exact,
 * case-insensitive "upheld" / "overturned" (so "upheld" in lower case still counts as Upheld and
 * a rule may flag the case); everything else that looks like a decision has `decision: null`.
 */
export function classifyDecisionWord(typed: string): DecisionWord {
  const trimmed = typed.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_WORD_LENGTH) return NONE;
  const lower = trimmed.toLowerCase();
  if (lower === 'upheld') return { kind: 'valid', decision: 'Upheld' };
  if (lower === 'overturned') return { kind: 'valid', decision: 'Overturned' };
  if (!/^[A-Za-z][A-Za-z .'-]*$/.test(trimmed)) return NONE;
  const words = trimmed.split(/[ ]+/);
  if (words.length > 3) return NONE;
  const letters = lower.replace(/[^a-z]/g, '');
  if (letters.length < 4) return NONE;
  if (REVIEW_WORDS.has(letters)) return { kind: 'reviewWord', decision: null };
  const last = words[words.length - 1]!.toLowerCase().replace(/[^a-z]/g, '');
  for (const candidate of [letters, last]) {
    // Every decision-like spelling seen starts like the word it means; this also keeps the cost down.
    if (candidate.length < 5 || (candidate[0] !== 'u' && candidate[0] !== 'o')) continue;
    if (candidate.startsWith('uph') || candidate.startsWith('overt') || candidate.startsWith('overr')) {
      return { kind: 'decisionLike', decision: null };
    }
    for (const target of ['upheld', 'uphold', 'overturned', 'overturn']) {
      if (distance(candidate, target, 2) <= 2) return { kind: 'decisionLike', decision: null };
    }
  }
  return NONE;
}

/**
 * The decision a misspelt word clearly means, or null. Only near-misses of the
 * whole word count ("Uphold", "Over turned", "Overtuned", "upheld."), because a
 * fix built on this may be applied without asking: "Upheld in part" or
 * "Overtime" must not silently become a decision.
 */
export function intendedDecision(typed: string): Decision | null {
  const letters = typed.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length > MAX_WORD_LENGTH) return null;
  if (distance(letters, 'upheld', 2) <= 2) return 'Upheld';
  if (distance(letters, 'overturned', 2) <= 2) return 'Overturned';
  return null;
}
