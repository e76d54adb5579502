import { countValue } from '../language/numbers';
import type { TokenList } from '../language/tokens';

/**
 * How many of something a request asks for, read from its words: sessions and
 * visits ("six sessions", "2 physical therapy sessions", "times 6"), frequency
 * by length ("2 times a week for 3 weeks" = 6, "2x6" = 12), a stated total in
 * parentheses ("… for 2 weeks (4)") and amounts ("#3", "QTY: 2").
 */

/** Words that name what a request counts. */
const COUNTED_UNITS = new Set([
  'session', 'sessions', 'visit', 'visits', 'treatment', 'treatments', 'appointment', 'appointments', 'tablet', 'tablets',
  'tab', 'tabs', 'capsule', 'capsules', 'caps', 'patch', 'patches', 'pill', 'pills', 'units', 'injections', 'injection',
]);
const TIMES = new Set(['times', 'time', 'x']);
const PER_WEEK = new Set(['week', 'wk', 'weekly']);
const WEEKS = new Set(['week', 'weeks', 'wk', 'wks']);
const QUANTITY_LABELS = new Set(['qty', 'quantity']);
/** Words that may stand between a count and its unit ("two physical therapy sessions"). */
const MAX_WORDS_BEFORE_UNIT = 3;

/** The count a token gives, as digits or a cardinal word ("6", "six"); articles ("a") are not counts here. */
function countAt(tokens: TokenList, index: number): number | null {
  if (index < 0 || index >= tokens.length) return null;
  if (tokens.isNumber(index)) return /^\d{1,3}$/.test(tokens.norm(index)) ? Number(tokens.norm(index)) : null;
  const norm = tokens.norm(index);
  if (norm === 'a' || norm === 'an' || norm === 'no' || norm === 'single') return null;
  return tokens.isWord(index) ? countValue(norm) : null;
}

/**
 * "n times a week for m weeks", "n x per week x m weeks": the product and the index of the last
 * token read ("weeks"), read from the token after n.
 */
function perWeekTotal(tokens: TokenList, after: number, perVisit: number, timesRead = false): readonly [number, number] | null {
  let index = after;
  if (!timesRead) {
    if (!TIMES.has(tokens.norm(index))) return null;
    index++;
  }
  if (tokens.is(index, 'a') || tokens.is(index, 'per')) index++;
  if (index >= tokens.length || !PER_WEEK.has(tokens.norm(index))) return null;
  index++;
  if (tokens.is(index, 'for') || tokens.is(index, 'over') || tokens.is(index, 'x') || tokens.is(index, 'times')) index++;
  const weeks = countAt(tokens, index);
  if (weeks === null || index + 1 >= tokens.length || !WEEKS.has(tokens.norm(index + 1))) return null;
  return [perVisit * weeks, index + 1];
}

/**
 * The counts a request states, in the order written: several for a request in parts ("two
 * sessions for the back and eight for the wrist"). A stated total in parentheses is the
 * request's count on its own. Empty when the words give none.
 */
export function requestCounts(tokens: TokenList, from = 0, to = tokens.length): number[] {
  const counts: number[] = [];
  for (let index = from; index < to; index++) {
    // "(4)", "(12 sessions)": the total, as the letter states it.
    if (tokens.is(index, '(')) {
      const total = countAt(tokens, index + 1);
      if (total !== null && tokens.isNumber(index + 1) && (tokens.is(index + 2, ')') || (COUNTED_UNITS.has(tokens.norm(index + 2)) && tokens.is(index + 3, ')')))) return [total];
      continue;
    }
    const glued = /^(\d{1,2})x(\d{1,2})?$/.exec(tokens.norm(index));
    if (glued) {
      // "2x6"; "2x per week x 4 weeks".
      if (glued[2] !== undefined) {
        counts.push(Number(glued[1]) * Number(glued[2]));
        continue;
      }
      const weekly = perWeekTotal(tokens, index + 1, Number(glued[1]), true);
      if (weekly !== null) {
        counts.push(weekly[0]);
        index = weekly[1];
      }
      continue;
    }
    if (tokens.is(index, '#') || QUANTITY_LABELS.has(tokens.norm(index))) {
      const next = tokens.is(index + 1, ':') ? index + 2 : index + 1;
      if (next < to && tokens.isNumber(next) && countAt(tokens, next) !== null) {
        counts.push(countAt(tokens, next)!);
        index = next;
      }
      continue;
    }
    // "Physical therapy sessions, 12": the count after its unit, closing the request.
    if (COUNTED_UNITS.has(tokens.norm(index)) && (tokens.is(index + 1, ',') || tokens.is(index + 1, ':')) && index + 2 < to && tokens.isNumber(index + 2) && (index + 3 >= to || tokens.is(index + 3, ')'))) {
      const after = countAt(tokens, index + 2);
      if (after !== null) counts.push(after);
      index += 2;
      continue;
    }
    const count = countAt(tokens, index);
    if (count === null) {
      // "times 6", "x 6" with no count before them.
      if (TIMES.has(tokens.norm(index)) && countAt(tokens, index - 1) === null && index + 1 < to && tokens.isNumber(index + 1) && countAt(tokens, index + 1) !== null) {
        counts.push(countAt(tokens, index + 1)!);
        index++;
      }
      continue;
    }
    // A range is no single count, except as the most a frequency allows: "2-3 times a week for 6 weeks" is up to 18.
    if (tokens.is(index + 1, '-')) continue;
    const weekly = index + 1 < to ? perWeekTotal(tokens, index + 1, count) : null;
    if (weekly !== null) {
      counts.push(weekly[0]);
      index = weekly[1];
      continue;
    }
    if (tokens.is(index - 1, '-')) continue;
    // "2 times 6", "2 x 6": visits per week by weeks.
    if (TIMES.has(tokens.norm(index + 1)) && index + 2 < to && tokens.isNumber(index + 2) && countAt(tokens, index + 2) !== null) {
      counts.push(count * countAt(tokens, index + 2)!);
      index += 2;
      continue;
    }
    const unit = unitAfter(tokens, index, to);
    if (unit >= 0) {
      counts.push(count);
      index = unit;
    }
  }
  return counts;
}

/** The index of the unit word a count at `index` counts ("6 visits", "two physical therapy sessions"), or -1. */
function unitAfter(tokens: TokenList, index: number, to = tokens.length): number {
  for (let unit = index + 1; unit < to && unit <= index + 1 + MAX_WORDS_BEFORE_UNIT; unit++) {
    if (!tokens.isWord(unit)) return -1;
    if (COUNTED_UNITS.has(tokens.norm(unit))) return unit;
  }
  return -1;
}

/** The count of sessions, visits or units the token at `index` gives ("12 sessions", "six visits"), or null; a range is none. */
export function unitCountAt(tokens: TokenList, index: number): number | null {
  const count = countAt(tokens, index);
  if (count === null || tokens.is(index + 1, '-') || tokens.is(index - 1, '-')) return null;
  return unitAfter(tokens, index) >= 0 ? count : null;
}

/**
 * The count at `index` when it is one of `counts` given as a count of something ("6 visits",
 * "#3", "(4)", or after one of `requestCues`: "additional six"); null otherwise.
 */
export function countMentionAt(tokens: TokenList, index: number, counts: ReadonlySet<number>, requestCues: ReadonlySet<string>): number | null {
  const count = countAt(tokens, index);
  if (count === null || !counts.has(count)) return null;
  if (tokens.is(index + 1, '-') || tokens.is(index - 1, '-')) return null;
  if (tokens.is(index - 1, '#') || (tokens.is(index - 1, '(') && tokens.is(index + 1, ')'))) return count;
  for (let before = index - 1; before >= 0 && before >= index - 2; before--) {
    if (requestCues.has(tokens.norm(before))) return count;
  }
  return unitAfter(tokens, index) >= 0 ? count : null;
}
