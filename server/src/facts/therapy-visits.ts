import type { Span } from '../text/span';
import type { TherapyKind } from './clinical-terms';
import { therapyMentionsIn, tokenGap, type ItemFacts } from './item-facts';
import type { PassageAnalysis, Passages } from './passages';
import { requestCounts, unitCountAt } from './request-counts';
import { phraseSet } from '../language/phrase-matcher';

/**
 * The arithmetic of a course of therapy: visits already had, from the case summary, and visits
 * requested, from the item line. `total` is known only when both are.
 */
export interface TherapyVisits {
  readonly therapy: TherapyKind;
  /** The requested visits, summed over the parts of a request in parts; null when the line gives no count. */
  readonly requested: number | null;
  /** The most visits one sentence of the summary says were had, and where; null when it says none. */
  readonly prior: { readonly count: number; readonly span: Span } | null;
  readonly total: number | null;
}

/**
 * One count for the request: the same count said twice ("Four sessions … two times a week times 2
 * weeks") is one, the parts of a request in parts ("two sessions for the back and eight for the
 * wrist") add up, and otherwise the largest stands.
 */
function requestedVisits(tokens: PassageAnalysis['tokens'], title: string): number | null {
  const counts = requestCounts(tokens);
  if (counts.length === 0) return null;
  const distinct = [...new Set(counts)];
  if (distinct.length === 1) return distinct[0];
  return /\band\b/i.test(title) ? counts.reduce((sum, count) => sum + count, 0) : Math.max(...counts);
}

/** A sentence with these tells of visits already had ("has completed 12 sessions", "8 prior visits"). */
const HISTORY_CUES = phraseSet([
  'completed', 'has had', 'have had', 'had', 'attended', 'received', 'underwent', 'undergone', 'prior', 'previous*', 'to date',
  'so far', 'already', 'past', 'since', 'participated', 'included', 'has included', 'have included', 'includes', 'helped',
  'have helped', 'has helped',
]);
/** ...and these make it about the request or the review instead ("UR certified 6 of 12 sessions"). */
const REQUEST_CUES = phraseSet([
  'request*', 'rfa', 'authoriz*', 'certif*', 'non certified', 'modified', 'utilization review', 'ur', 'approved', 'denied',
  'recommend*', 'plan', 'planned', 'will', 'ordered', 'prescribed',
]);

/** A comma or semicolon between a count and a therapy parts list items: "physical therapy x 6 sessions, acupuncture and …". */
const LIST_BREAK = 10;

function breaksBetween(tokens: PassageAnalysis['tokens'], a: { first: number; end: number }, b: { first: number; end: number }): number {
  const from = Math.min(a.end, b.end);
  const to = Math.max(a.first, b.first);
  let breaks = 0;
  for (let index = from; index < to; index++) if (tokens.is(index, ',') || tokens.is(index, ';')) breaks++;
  return breaks;
}

export function therapyVisits(facts: ItemFacts, passages: Passages): TherapyVisits | null {
  const therapy = facts.therapy;
  if (!therapy) return null;
  return new Course(therapy, requestedVisits(facts.title.tokens, facts.title.text.slice(facts.title.span.start, facts.title.span.end)), passages);
}

/** The prior visits are read from the summary only when asked, so a check that needs only the count costs no summary tokens. */
class Course implements TherapyVisits {
  private priorVisits: { count: number; span: Span } | null | undefined;

  constructor(
    readonly therapy: TherapyKind,
    readonly requested: number | null,
    private readonly passages: Passages,
  ) {}

  get prior(): { count: number; span: Span } | null {
    // The summary is tokenized only here, when a check or the editor asks for the prior visits.
    if (this.priorVisits === undefined) this.priorVisits = priorVisits(this.passages.summary, this.therapy);
    return this.priorVisits;
  }

  get total(): number | null {
    const prior = this.prior;
    return this.requested !== null && prior !== null ? prior.count + this.requested : null;
  }
}

/**
 * Visits of `therapy` the summary says were had: a count of sessions or visits in a sentence that
 * tells of history and not of the request, nearest to a mention of this therapy (in "12 sessions of
 * physical therapy and 6 of acupuncture", the 12 are physical therapy's). The largest such count,
 * so that two mentions of one course are not added up.
 */
function priorVisits(summary: PassageAnalysis, therapy: TherapyKind): { count: number; span: Span } | null {
  return summary.memo(`prior-visits:${therapy}`, () => {
    const tokens = summary.tokens;
    const mentions = therapyMentionsIn(summary);
    let best: { count: number; span: Span } | null = null;
    for (const mention of mentions) {
      if (mention.value !== therapy) continue;
      const sentence = summary.sentenceAt(mention.span.start);
      if (!sentence) continue;
      if (!HISTORY_CUES.occursIn(tokens, sentence.firstToken, sentence.endToken) || REQUEST_CUES.occursIn(tokens, sentence.firstToken, sentence.endToken)) continue;
      for (let index = sentence.firstToken; index < sentence.endToken; index++) {
        const count = unitCountAt(tokens, index);
        if (count === null || summary.isNegatedAt(tokens.start(index))) continue;
        const at = { first: index, end: index + 1 };
        const distance = (other: { first: number; end: number }) => tokenGap(other, at) + LIST_BREAK * breaksBetween(tokens, other, at);
        const nearest = mentions
          .filter((other) => other.first >= sentence.firstToken && other.end <= sentence.endToken)
          .reduce((closest, other) => (distance(other) < distance(closest) ? other : closest));
        if (nearest.value !== therapy) continue;
        if (!best || count > best.count) best = { count, span: sentence.span };
      }
    }
    return best;
  });
}
