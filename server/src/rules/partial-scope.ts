import type { PassageAnalysis } from '../facts/passages';
import { saysOfWorker, sentenceKind, sentenceKindAt } from '../facts/clinical-terms';
import { countMentionAt, requestCounts } from '../facts/request-counts';
import { phraseSet } from '../language/phrase-matcher';
import { tokenList } from '../language/tokens';
import type { Sentence } from '../language/sentences';
import type { Rule, RuleFinding } from './types';

/** Words that name the part left to decide, wherever they stand ("the remaining portion", "IMR eligible"). */
const REMAINING_CUES = phraseSet([
  'remaining portion', 'remaining part', 'remaining request', 'remaining imr', 'remaining sessions', 'remaining visits',
  'remaining treatment*', 'remaining #', 'remaining', 'imr eligible', 'eligible portion', 'balance of the request',
]);
/**
 * "Additional sessions are not appropriate": in a sentence about this worker and request, more of
 * the same beyond what was authorized is the remaining part, named without its count.
 */
const MORE_CUES = phraseSet(
  ['additional', 'further', 'more', 'extra'].flatMap((more) => ['session*', 'visit*', 'treatment*', 'therapy'].map((unit) => `${more} ${unit}`)),
);
/** Words before a count that make it the request's ("an additional 6 visits", "the request for 2 sessions"). */
const REQUEST_COUNT_CUES: ReadonlySet<string> = new Set(['additional', 'remaining', 'more', 'further', 'another', 'extra', 'for']);

/**
 * The counts each part states. A count the remaining part shares with another (the "6" of "2 times
 * a week for 6 weeks" in all three) never marks the rationale as deciding the wrong part: a mention
 * of any of the remaining part's counts is looked for first, and decides it.
 */
interface Portions {
  readonly remaining: ReadonlySet<number>;
  readonly original: ReadonlySet<number>;
  readonly authorized: ReadonlySet<number>;
}

export const partialScope: Rule = {
  id: 'partial-scope',
  defaultSeverity: 'warning',
  description:
    'For a partial authorization (X requested, Y authorized, Z remaining), the rationale must decide the remaining part Z, not the whole original request or the authorized part.',
  check(letter, context) {
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, index) => {
      const partial = item.partial;
      if (!partial || !item.rationale) return;
      const portions = portionCounts(partial.originalRequest, partial.authorized, partial.remaining);
      const rationale = context.facts.rationale(item);
      if (REMAINING_CUES.findAll(rationale.tokens).some((match) => !isDisclaimer(rationale, match.span.start))) return;
      if (saysOfWorker(rationale, MORE_CUES)) return;
      // Without a count of its own the remaining part can only be named in words, and its absence says little.
      if (portions.remaining.size === 0) return;
      if (countMentions(rationale, portions.remaining).length > 0) return;
      const conclusion = context.facts.conclusion(index).sentence;
      const wrongCount = conclusion ? countMentions(rationale, portions.original, conclusion)[0] ?? countMentions(rationale, portions.authorized, conclusion)[0] : undefined;
      const remaining = [...portions.remaining].join(' and ');
      const authorized = portions.authorized.size > 0 ? `, ${[...portions.authorized].join(' and ')} authorized` : '';
      const original = portions.original.size > 0 ? ` of ${[...portions.original].join(' and ')} requested` : '';
      const which = wrongCount !== undefined ? (portions.original.has(wrongCount.value) ? 'the original request' : 'the authorized part') : null;
      findings.push({
        message: which
          ? `The rationale concludes on ${which} (${wrongCount!.value}), but this item is the remaining ${remaining}${original}${authorized}: decide the remaining part.`
          : `This item is the remaining part of a partial authorization (${remaining}${original}${authorized}), but the rationale never refers to it: name the remaining ${remaining}, or "the remaining portion", in the rationale.`,
        span: wrongCount ? wrongCount.span : item.rationale.label,
        itemIndex: index,
        related: [{ span: item.titleSpan, message: 'The remaining part, which this decision is about.' }],
      });
    });
    return findings;
  },
};

function portionCounts(original: string, authorized: string | null, remaining: string): Portions {
  const counts = (text: string | null) => {
    if (text === null) return new Set<number>();
    const tokens = tokenList(text);
    return new Set(requestCounts(tokens));
  };
  return { remaining: counts(remaining), original: counts(original), authorized: counts(authorized) };
}

function isDisclaimer(passage: PassageAnalysis, offset: number): boolean {
  const kind = sentenceKindAt(passage, offset);
  return kind === undefined || kind === 'disclaimer';
}

/**
 * Mentions of one of `counts` as a count of the request, outside guideline text and the standard
 * disclaimer ("6 visits" in a quoted guideline is not this request), within `only` when given.
 */
function countMentions(passage: PassageAnalysis, counts: ReadonlySet<number>, only?: Sentence): { value: number; span: { start: number; end: number } }[] {
  const found: { value: number; span: { start: number; end: number } }[] = [];
  if (counts.size === 0) return found;
  const tokens = passage.tokens;
  const from = only ? only.firstToken : 0;
  const to = only ? only.endToken : tokens.length;
  for (let index = from; index < to; index++) {
    const value = countMentionAt(tokens, index, counts, REQUEST_COUNT_CUES);
    if (value === null) continue;
    const sentence = passage.sentenceAt(tokens.start(index));
    if (!sentence) continue;
    const kind = sentenceKind(passage, sentence);
    if (kind === 'disclaimer') continue;
    if (kind === 'guideline' && !requestCue(tokens, index)) continue;
    found.push({ value, span: { start: tokens.start(index), end: tokens.end(index) } });
  }
  return found;
}

/** "additional 6", "remaining six": a count the sentence gives as the request's even where it also cites a guideline. */
function requestCue(tokens: PassageAnalysis['tokens'], index: number): boolean {
  for (let before = index - 1; before >= 0 && before >= index - 2; before--) {
    const norm = tokens.norm(before);
    if (norm !== 'for' && REQUEST_COUNT_CUES.has(norm)) return true;
  }
  return false;
}
