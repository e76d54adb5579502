import type { Span } from '../text/span';
import type { Sentence } from './sentences';
import { PhraseMatcher } from './phrase-matcher';
import { vocabularyWordId, WordVerdicts, type TokenList } from './tokens';

/**
 * A NegEx/ConText-style negation scope detector.
 *
 * Triggers open a scope: pre-negation triggers ("no", "without", "lack of")
 * scope forward, post-negation triggers ("was not documented", "is lacking")
 * scope backward. Pseudo-triggers ("not only", "with and without", "no more
 * than") look like negations but are skipped. A scope stops at the sentence end,
 * at clause punctuation (";", ":"), at termination terms ("but", "however",
 * "although", "which", ...), at a conjunction or comma that starts a new clause
 * with its own subject (", and he ..."), and after a maximum number of words.
 */

type NegationDirection = 'forward' | 'backward';

export interface NegationScope {
  readonly trigger: Span;
  /** The trigger phrase as listed (lower case). */
  readonly triggerPhrase: string;
  readonly direction: NegationDirection;
  /** The negated words; empty when the trigger has nothing to negate. */
  readonly scope: Span;
}

interface NegationOptions {
  /** Words a forward scope may cover (default 15). */
  readonly maxForwardWords?: number;
  /** Words a backward scope may cover (default 10). */
  readonly maxBackwardWords?: number;
}

type TriggerKind = 'pre' | 'post' | 'pseudo' | 'terminate';

const PRE_TRIGGERS = [
  'no', 'not', 'without', 'none', 'neither', 'nor', 'never', 'cannot', 'denies', 'denied', 'deny', 'denying',
  'absence of', 'absent', 'lack of', 'lacks', 'lacking', 'lacked', 'lack',
  'fails to', 'failed to', 'fail to', 'failure to', 'failure of', 'unable to',
  'negative for', 'free of', 'rather than', 'no evidence of', 'no sign of', 'no signs of',
  'insufficient', 'inadequate', 'nothing',
];

const POST_TRIGGERS = [
  'not documented', 'not been documented', 'not clearly documented', 'not objectively documented', 'not well documented',
  'not demonstrated', 'not been demonstrated', 'not established', 'not been established',
  'not noted', 'not been noted', 'not reported', 'not been reported', 'not provided', 'not been provided',
  'not evident', 'not shown', 'not been shown', 'not seen', 'not present', 'not found', 'not identified',
  'not appreciated', 'not described', 'not addressed', 'not quantified', 'not specified', 'not mentioned',
  'not observed', 'not measured', 'not outlined', 'not detailed', 'not discussed', 'not elicited', 'not submitted',
  'not included', 'not recorded', 'not apparent', 'not achieved', 'not been achieved',
  'is absent', 'was absent', 'are absent', 'were absent',
  'is lacking', 'are lacking', 'was lacking', 'were lacking',
  'is missing', 'are missing', 'was missing', 'were missing',
  'remains undocumented', 'undocumented', 'ruled out', 'been ruled out',
];

const PSEUDO_TRIGGERS = [
  'not only', 'not just', 'not necessarily', 'not certain if', 'not certain whether', 'not rule out',
  'not limited to', 'but not limited to', 'not to exceed', 'no more than', 'no less than', 'not more than', 'not less than',
  'no increase', 'no doubt', 'no sooner', 'without difficulty', 'without any difficulty',
  'with and without', 'with or without', 'with and w/o', 'whether or not', 'if not', 'or not',
  'nothing but', 'not unreasonable', 'not uncommon', 'not unusual',
];

const TERMINATION_TERMS = [
  'but', 'however', 'although', 'though', 'except', 'yet', 'nevertheless', 'nonetheless', 'whereas',
  'which', 'who', 'whom', 'aside from', 'apart from', 'other than', 'with the exception of',
  'still', 'despite', 'because', 'therefore', 'thus', 'hence', 'since then', 'instead',
  'secondary to', 'due to', 'as the cause of', 'as a result',
];

/** Words that start a new clause with its own subject when they follow a comma or "and"/"or". */
const CLAUSE_OPENERS = [
  'he', 'she', 'they', 'it', 'there', 'this', 'these', 'we', 'i', 'his', 'her', 'their',
  'the patient', 'the claimant', 'the injured worker', 'the iw', 'the applicant', 'the employee', 'the worker',
  'the provider', 'the physician', 'the treating', 'the reviewer', 'the request', 'the records', 'the record',
  'the medical records', 'the documentation', 'the guidelines', 'the mtus', 'mtus', 'guidelines', 'so', 'then',
];

const CLAUSE_PUNCTUATION = new Set([';', ':', '?', '!']);
const CONJUNCTIONS = new Set(['and', 'or', ',']);

const triggerMatcher = new PhraseMatcher<TriggerKind>([
  // Pseudo-triggers and post-triggers are listed first so their longer phrases win over "not"/"no".
  ...PSEUDO_TRIGGERS.map((phrase) => [phrase, 'pseudo' as const] as const),
  ...POST_TRIGGERS.map((phrase) => [phrase, 'post' as const] as const),
  ...PRE_TRIGGERS.map((phrase) => [phrase, 'pre' as const] as const),
  ...TERMINATION_TERMS.map((phrase) => [phrase, 'terminate' as const] as const),
]);
const openerMatcher = new PhraseMatcher(CLAUSE_OPENERS.map((phrase) => [phrase, true] as const));

const NOT = vocabularyWordId('not', 'word');
const isNegativeContraction = new WordVerdicts((tokens, index) => tokens.isWord(index) && tokens.norm(index).endsWith("n't"));

/** Contractions negate like "not": "doesn't", "wasn't", "can't". Returns `tokens` itself when there are none. */
export function normaliseContractions(tokens: TokenList): TokenList {
  return tokens.withWordsReplaced(isNegativeContraction, NOT);
}

interface Event {
  readonly kind: TriggerKind | 'boundary';
  readonly first: number;
  readonly end: number;
  readonly phrase: string;
}

/**
 * Finds the negation scopes in already tokenized text. `sentences` must cover
 * `tokens` in order (as returned by `splitSentences`).
 */
export function findNegationScopes(rawTokens: TokenList, sentences: readonly Sentence[], options: NegationOptions = {}): NegationScope[] {
  const tokens = normaliseContractions(rawTokens);
  const scopes: NegationScope[] = [];
  for (const sentence of sentences) addSentenceScopes(tokens, sentence, scopes, options);
  return scopes;
}

/** Adds the scopes of one sentence to `scopes`; `tokens` must already have gone through `normaliseContractions`. */
export function addSentenceScopes(tokens: TokenList, sentence: Sentence, scopes: NegationScope[], options: NegationOptions = {}): void {
  const maxForward = options.maxForwardWords ?? 15;
  const maxBackward = options.maxBackwardWords ?? 10;
  const events = sentenceEvents(tokens, sentence);
  for (let eventIndex = 0; eventIndex < events.length; eventIndex++) {
    const kind = events[eventIndex].kind;
    if (kind === 'pre') scopes.push(forwardScope(tokens, sentence, events, eventIndex, maxForward));
    else if (kind === 'post') scopes.push(backwardScope(tokens, sentence, events, eventIndex, maxBackward));
  }
}

function sentenceEvents(tokens: TokenList, sentence: Sentence): Event[] {
  const events: Event[] = [];
  const end = sentence.endToken;
  // Tokens that can be none of the cases below are skipped in one loop.
  for (let index = tokens.firstYes(mayStartEvent, sentence.firstToken, end); index >= 0; ) {
    let next = index + 1;
    if (isClausePunctuation.get(tokens, index)) {
      events.push({ kind: 'boundary', first: index, end: index + 1, phrase: tokens.norm(index) });
    } else if (isConjunction.get(tokens, index) && index + 1 < end && startsClause(tokens, index + 1, end)) {
      events.push({ kind: 'boundary', first: index, end: index + 1, phrase: tokens.norm(index) });
    } else {
      const match = tokens.isWord(index) ? triggerMatcher.matchAt(tokens, index, end) : null;
      if (match) {
        events.push({ kind: match.value, first: match.first, end: match.end, phrase: match.phrase });
        next = match.end;
      }
    }
    index = tokens.firstYes(mayStartEvent, next, end);
  }
  return events;
}

const isClausePunctuation = new WordVerdicts((tokens, index) => tokens.isPunct(index) && CLAUSE_PUNCTUATION.has(tokens.norm(index)));
const isConjunction = new WordVerdicts((tokens, index) => CONJUNCTIONS.has(tokens.norm(index)));
/** Whether `sentenceEvents` can record anything at a token: clause punctuation, a conjunction or the start of a trigger. */
const mayStartEvent = new WordVerdicts(
  (tokens, index) => isClausePunctuation.get(tokens, index) || isConjunction.get(tokens, index) || (tokens.isWord(index) && triggerMatcher.canStartAt(tokens, index)),
);

/** Finite verbs that show a conjunct is a clause of its own ("... and the prolonged use is not justified"). */
const FINITE_VERBS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'do', 'did', 'will', 'would', 'can', 'could', 'should', 'may', 'remains', 'remained']);
const CLAUSE_LOOKAHEAD = 10;
/** Words that end the look-ahead for a finite verb: the next conjunction or clause punctuation, or a period. */
const endsClauseLookahead = new WordVerdicts((tokens, index) => {
  const norm = tokens.norm(index);
  return CONJUNCTIONS.has(norm) || CLAUSE_PUNCTUATION.has(norm) || norm === '.';
});
const isFiniteVerb = new WordVerdicts((tokens, index) => FINITE_VERBS.has(tokens.norm(index)));

/**
 * After "and", "or" or a comma, a new clause starts when a subject-like opener
 * follows (", and he ..."), or when a finite verb follows before the next
 * conjunction ("and the prolonged use of Zanaflex is not justified"). A plain
 * list ("pain relief, function, and side effects") stays inside the scope.
 */
function startsClause(tokens: TokenList, from: number, end: number): boolean {
  if (openerMatcher.matchAt(tokens, from, end)) return true;
  const limit = Math.min(end, from + CLAUSE_LOOKAHEAD);
  for (let index = from; index < limit; index++) {
    if (endsClauseLookahead.get(tokens, index)) return false;
    if (isFiniteVerb.get(tokens, index)) return index > from;
  }
  return false;
}

function isStop(event: Event): boolean {
  return event.kind === 'boundary' || event.kind === 'terminate';
}

/*
 * Both scope builders first find how far the word window reaches and only then
 * look for stops inside it, so each trigger costs at most its window: a long
 * sentence full of triggers stays linear.
 */
function forwardScope(tokens: TokenList, sentence: Sentence, events: readonly Event[], eventIndex: number, maxWords: number): NegationScope {
  const trigger = events[eventIndex];
  let end = trigger.end;
  let words = 0;
  while (end < sentence.endToken && words < maxWords) {
    if (!tokens.isPunct(end)) words++;
    end++;
  }
  for (let next = eventIndex + 1; next < events.length && events[next].first < end; next++) {
    if (isStop(events[next])) {
      end = events[next].first;
      break;
    }
  }
  end = trimTrailingPunctuation(tokens, trigger.end, end);
  return makeScope(tokens, trigger, 'forward', trigger.end, end);
}

function backwardScope(tokens: TokenList, sentence: Sentence, events: readonly Event[], eventIndex: number, maxWords: number): NegationScope {
  const trigger = events[eventIndex];
  let start = trigger.first;
  let words = 0;
  while (start > sentence.firstToken && words < maxWords) {
    start--;
    if (!tokens.isPunct(start)) words++;
  }
  let relativeClause = false;
  for (let previous = eventIndex - 1; previous >= 0 && events[previous].end > start; previous--) {
    const event = events[previous];
    if (!isStop(event)) continue;
    // "functional improvement, which is not demonstrated": the relative pronoun
    // (and the comma before it) hands the negation back to its antecedent.
    if (!relativeClause && RELATIVE_PRONOUNS.has(event.phrase) && wordsBetween(tokens, event.end, trigger.first) <= 2) {
      relativeClause = true;
      continue;
    }
    if (relativeClause && event.phrase === ',' && event.end === events[previous + 1]?.first) continue;
    start = event.end;
    break;
  }
  while (start < trigger.first && tokens.isPunct(start)) start++;
  return makeScope(tokens, trigger, 'backward', start, trigger.first);
}

const RELATIVE_PRONOUNS = new Set(['which', 'who']);

function wordsBetween(tokens: TokenList, from: number, to: number): number {
  let words = 0;
  for (let index = from; index < to; index++) if (!tokens.isPunct(index)) words++;
  return words;
}

function trimTrailingPunctuation(tokens: TokenList, start: number, end: number): number {
  while (end > start && tokens.isPunct(end - 1)) end--;
  return end;
}

function makeScope(tokens: TokenList, trigger: Event, direction: NegationDirection, first: number, end: number): NegationScope {
  const triggerSpan = { start: tokens.start(trigger.first), end: tokens.end(trigger.end - 1) };
  const scope =
    end > first
      ? { start: tokens.start(first), end: tokens.end(end - 1) }
      : direction === 'forward'
        ? { start: triggerSpan.end, end: triggerSpan.end }
        : { start: triggerSpan.start, end: triggerSpan.start };
  return { trigger: triggerSpan, triggerPhrase: trigger.phrase, direction, scope };
}

/**
 * Scopes indexed for point queries: sorted by start with a running maximum of
 * ends, so a query looks only at the few scopes that can reach the point.
 */
export class NegationIndex {
  private readonly sorted: NegationScope[];
  private readonly maxEnd: number[];

  constructor(scopes: readonly NegationScope[]) {
    this.sorted = scopes.filter((scope) => scope.scope.end > scope.scope.start).sort((a, b) => a.scope.start - b.scope.start);
    this.maxEnd = [];
    let running = -1;
    for (const scope of this.sorted) {
      running = Math.max(running, scope.scope.end);
      this.maxEnd.push(running);
    }
  }

  /** The scope covering `offset`, or null. */
  at(offset: number): NegationScope | null {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted[mid].scope.start <= offset) low = mid + 1;
      else high = mid;
    }
    for (let index = low - 1; index >= 0 && this.maxEnd[index] > offset; index--) {
      if (offset < this.sorted[index].scope.end) return this.sorted[index];
    }
    return null;
  }
}
