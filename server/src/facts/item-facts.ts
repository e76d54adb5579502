import type { Item } from '../letter/model';
import type { Span } from '../text/span';
import { isGuidelineStatement, sentenceKind, THERAPY_TERMS, type TherapyKind } from './clinical-terms';
import { classesOfMentions, type DrugFamily, type DrugLookup, type DrugMention } from '../knowledge/drug-lookup';
import { findDates, letterDateToIso } from '../language/dates';
import { hasStrength } from '../language/doses';
import type { PassageAnalysis, Passages } from './passages';
import { PhraseMatcher, phraseSet, type TermMatch } from '../language/phrase-matcher';
import type { Sentence } from '../language/sentences';
import type { TokenList } from '../language/tokens';

/**
 * What the documentation rules need to know about one disputed item: which
 * drugs and classes it names, whether it is a therapy, and whether the letter
 * shows prior use. Computed once per letter and item, shared by the rules.
 */
export interface ItemFacts {
  readonly item: Item;
  readonly index: number;
  readonly title: PassageAnalysis;
  readonly rationale: PassageAnalysis;
  readonly drugs: readonly DrugMention[];
  /** Canonical generic names of the drugs in the title. */
  readonly generics: ReadonlySet<string>;
  readonly classes: ReadonlySet<DrugFamily>;
  readonly isMedication: boolean;
  readonly therapy: TherapyKind | null;
  /** The title says this is a first course ("Initial acupuncture", "Post-op Norco"). */
  readonly initial: boolean;
  /** Where the letter shows prior use of this drug or therapy, or null when it does not. */
  readonly priorUse: Span | null;
}

/** A title asking to go on with something ("Continue Norco", "Refill of Soma"); a refill count ("with 3 refills") is not one. */
export const CONTINUATION_TITLE_CUES = phraseSet([
  'continue*', 'continuation', 'refill of', 'refills of', 'ongoing', 'renew*', 'additional', 'further', 'extension', 'remaining', 'repeat',
  'more', 'maintenance',
]);
const POSTSURGICAL_WORDS = ['post op', 'postop', 'post operative', 'postoperative', 'post surgical', 'postsurgical', 'associated surgical service'];
/** A title of a request that follows surgery ("Post-op physical therapy", "Associated surgical service: ..."). */
export const POSTSURGICAL_TITLE_CUES = phraseSet(POSTSURGICAL_WORDS);
export const INITIAL_TITLE_CUES = phraseSet(['initial', 'trial', 'pre op', 'preop', 'new', 'first', ...POSTSURGICAL_WORDS]);

/**
 * Cues that show earlier use, in two reaches: "near" cues must sit within
 * three tokens of the mention ("continue Salonpas", "prior PT"), because they
 * are easily about something else a few words away ("continued use of
 * medication, chiropractic ..."); "context" cues may sit anywhere within eight
 * ("has been taking Norco and Soma since 2014").
 */
interface UseCues {
  readonly near: PhraseMatcher<string>;
  readonly context: PhraseMatcher<string>;
}

const DRUG_USE: UseCues = {
  near: phraseSet([
    'continue*', 'current*', 'stop', 'stopped', 'discontinue*', 'refill*', 'prior', 'previous*', 'ongoing', 'taper*', 'wean*',
    'relief', 'helps', 'helped', 'tolerat*', 'prolonged', 'continuous', 'been used', 'has used', 'had used', 'long term',
  ]),
  context: phraseSet([
    'since', 'taking', 'takes', 'taken', 'using', 'utilizing', 'utilized', 'utilizes', 'been on', 'is on', 'was on', 'are on',
    'were on', 'remains on', 'remained on', 'long term', 'chronic use', 'chronically', 'prior use', 'previous use',
    'previously prescribed', 'medications include*', 'medications consist*', 'medication regimen', 'medication list',
    'medications', 'meds', 'dispensed', 'was prescribed', 'were prescribed', 'is prescribed', 'are prescribed',
    'been prescribed', 'prescribed since', 'started', 'began', 'with use', 'side effect*', 'for a long time', 'for more than',
    'for over', 'for several', 'for months', 'for years',
  ]),
};
/**
 * Cues that open a list of what the worker has had, and reach every drug the sentence lists after
 * them, however long the list: "Treatment to date has included twelve sessions of physical
 * therapy, two injections, home exercise, Norco and cyclobenzaprine."
 */
const LIST_OF_USE = phraseSet([
  'treatment to date', 'treatments to date', 'treatment has included', 'treatment included', 'treatments have included',
  'treatment has consisted of', 'medications include*', 'current medications', 'medications consist*', 'medication list',
]);
/** A sentence about the request itself ("UR non-certified Norco #60") only shows prior use through these. */
const DRUG_USE_IN_REQUEST: UseCues = {
  near: phraseSet(['continue*', 'current*', 'refill', 'ongoing', 'wean*', 'taper*']),
  context: phraseSet(['since', 'been on', 'taking', 'long term', 'chronic use', 'using', 'utilizing', 'prior use', 'previous use']),
};
const THERAPY_HISTORY: UseCues = {
  near: phraseSet(['prior', 'previous*', 'past', 'continue*', 'continuing', 'ongoing', 'course of', 'had']),
  context: phraseSet([
    'completed', 'has had', 'have had', 'attended', 'received', 'receiving', 'underwent', 'undergone', 'to date', 'included',
    'includes', 'has included', 'have included', 'history of', 'already', 'failed', 'tried', 'participated', 'benefit*',
    'improv*', 'helped',
  ]),
};
const THERAPY_HISTORY_IN_REQUEST: UseCues = {
  near: phraseSet(['prior', 'previous']),
  context: phraseSet([
    'completed', 'attended', 'underwent', 'undergone', 'has had', 'have had', 'had completed', 'had attended', 'had undergone',
    'to date', 'received', 'participated', 'already had', 'already completed',
  ]),
};
/** Sentences about the request or the treatment plan speak of the future, not of prior use. */
const REQUEST_CUES = phraseSet([
  'request*', 'rfa', 'utilization review', 'ur', 'certif*', 'noncertif*', 'non certif*', 'authoriz*', 'denied', 'modified',
  'non certified', 'not certified', 'medically necessary', 'plan', 'plans', 'planned', 'recommended', 'recommends',
  'will', 'would',
]);
const requestVerdicts = new WeakMap<Sentence, boolean>();

function isAboutRequest(tokens: TokenList, sentence: Sentence): boolean {
  let verdict = requestVerdicts.get(sentence);
  if (verdict === undefined) {
    verdict = REQUEST_CUES.occursIn(tokens, sentence.firstToken, sentence.endToken);
    requestVerdicts.set(sentence, verdict);
  }
  return verdict;
}

const NEAR_WINDOW = 3;
const CONTEXT_WINDOW = 8;

function showsUse(passage: PassageAnalysis, anchor: { first: number; end: number; span: Span }, general: UseCues, inRequest: UseCues, requestFrom: number | null = null): Span | null {
  const sentence = passage.sentenceAt(anchor.span.start);
  if (!sentence || isGuidelineStatement(passage.tokens, sentence)) return null;
  // "no prior chiropractic therapy", "do not document previous use of Tramadol".
  if (passage.isNegated(anchor.span)) return null;
  const cues = isAboutRequest(passage.tokens, sentence) ? inRequest : general;
  const shows =
    hasAffirmedCue(passage, cues.near, sentence, anchor, NEAR_WINDOW, requestFrom) ||
    hasAffirmedCue(passage, cues.context, sentence, anchor, CONTEXT_WINDOW, requestFrom) ||
    (cues === DRUG_USE && opensListBefore(passage, sentence, anchor));
  return shows ? sentence.span : null;
}

/** A list-opening cue, not negated, earlier in the sentence than the mention. */
function opensListBefore(passage: PassageAnalysis, sentence: Sentence, anchor: { first: number }): boolean {
  const match = LIST_OF_USE.findFirst(passage.tokens, sentence.firstToken, anchor.first);
  return match !== null && match !== undefined && !passage.isNegatedAt(match.span.start);
}

/** Whether a cue that is not negated occurs within `window` tokens of the anchor, inside its sentence. */
function hasAffirmedCue(passage: PassageAnalysis, cues: PhraseMatcher<string>, sentence: Sentence, anchor: { first: number; end: number }, window: number, requestFrom: number | null): boolean {
  const tokens = passage.tokens;
  const to = Math.min(sentence.endToken, anchor.end + window);
  let at = cues.nextMatch(tokens, Math.max(sentence.firstToken, anchor.first - window), to);
  while (at >= 0) {
    const end = cues.lastMatchEnd;
    if (!passage.isNegatedAt(tokens.start(at)) && !prescribedForRequest(passage, end, requestFrom)) return true;
    at = cues.nextMatch(tokens, end, to);
  }
  return false;
}

/** Days before the UR denial within which a prescription date is the request under review, not history. */
const REQUEST_DAYS = 21;
/** How a prescription is dated: "was prescribed on 06/12/2015", "prescribed 6-12-15", "were prescribed per the RFA dated ...". */
const DATED_BY = new Set(['on', 'dated', 'date', 'of', 'per', 'the', 'rfa']);

/**
 * A "was prescribed" cue (ending at token `cueEnd`) dated on or after `requestFrom`, the first day
 * of the request's window: the prescription under review, not earlier use.
 */
function prescribedForRequest(passage: PassageAnalysis, cueEnd: number, requestFrom: number | null): boolean {
  const tokens = passage.tokens;
  if (requestFrom === null || tokens.norm(cueEnd - 1) !== 'prescribed') return false;
  let at = cueEnd;
  while (at < tokens.length && at < cueEnd + 4 && DATED_BY.has(tokens.norm(at))) at++;
  if (at >= tokens.length) return false;
  const [date] = findDates(passage.text, { start: tokens.start(at), end: Math.min(passage.span.end, tokens.start(at) + 20) });
  return date !== undefined && date.valid && date.span.start === tokens.start(at) && date.key >= requestFrom;
}

/** The first day (as a `FoundDate.key`) of the window in which a dated prescription is the request: three weeks before the UR denial. */
function requestWindowStart(urDenialDate: string | undefined): number | null {
  const iso = letterDateToIso(urDenialDate);
  if (!iso) return null;
  const start = new Date(Date.parse(`${iso}T00:00:00Z`) - REQUEST_DAYS * 86_400_000);
  return start.getUTCFullYear() * 10_000 + (start.getUTCMonth() + 1) * 100 + start.getUTCDate();
}

/**
 * Title facts are computed at once (titles are short); the rationale's tokens
 * and the prior-use search, which reads the case summary, only when a rule asks,
 * so that letters without medication or therapy items never tokenize them.
 */
export function computeItemFacts(facts: Passages, index: number): ItemFacts {
  const item = facts.letter.items[index];
  const title = facts.passage(item.titleSpan);
  const lookup = facts.drugs;
  const drugs = lookup.mentions(title.tokens);
  const generics = new Set(drugs.map((drug) => drug.generic));
  const classes = classesOfMentions(drugs, title.tokens);
  const isMedication = drugs.length > 0 || hasStrength(title.tokens) || (item.medication !== null && item.medication.strength !== null);
  const therapyMatch = isMedication ? null : THERAPY_TERMS.findFirst(title.tokens);
  const therapy = therapyMatch && !isLabTest(title.tokens, therapyMatch.first) ? therapyMatch.value : null;
  const continuation = CONTINUATION_TITLE_CUES.findFirst(title.tokens);
  const initial = continuation === null && INITIAL_TITLE_CUES.occursIn(title.tokens);
  return new LazyItemFacts(facts, item, index, title, drugs, generics, classes, isMedication, therapy, initial, continuation?.span ?? null);
}

/**
 * A class rather than an object literal with getters: the engine builds such a
 * literal through a slow runtime path, which cost microseconds per item.
 */
class LazyItemFacts implements ItemFacts {
  private rationaleAnalysis: PassageAnalysis | null = null;
  private priorUseSpan: Span | null | undefined = undefined;

  constructor(
    private readonly facts: Passages,
    readonly item: Item,
    readonly index: number,
    readonly title: PassageAnalysis,
    readonly drugs: readonly DrugMention[],
    readonly generics: ReadonlySet<string>,
    readonly classes: ReadonlySet<DrugFamily>,
    readonly isMedication: boolean,
    readonly therapy: TherapyKind | null,
    readonly initial: boolean,
    private readonly continuation: Span | null,
  ) {}

  get rationale(): PassageAnalysis {
    return (this.rationaleAnalysis ??= this.facts.rationale(this.item));
  }

  /** See `requestWindowStart`. */
  private get requestFrom(): number | null {
    return requestWindowStart(this.facts.letter.header.urDenialDate?.value);
  }

  get priorUse(): Span | null {
    if (this.priorUseSpan === undefined) this.priorUseSpan = this.findPriorUse();
    return this.priorUseSpan;
  }

  private findPriorUse(): Span | null {
    if (this.initial) return null;
    if (this.continuation) return this.continuation;
    // A rationale that calls the request new ("a trial of Lyrica") outweighs a mention of the drug elsewhere.
    if ((this.isMedication || this.therapy) && findNewRequest(this.rationale, this.generics, this.facts.drugs)) return null;
    // The case summary is only read (and tokenized) when the rationale does not show prior use.
    if (this.generics.size > 0) {
      return (
        findDrugUse(this.rationale, this.generics, this.classes, this.facts.drugs, this.requestFrom) ??
        findRefillOfExisting(this.rationale) ??
        findSummaryDrugUse(this.facts.summary, this.generics, this.facts.drugs, this.requestFrom)
      );
    }
    if (this.therapy) return findTherapyHistory(this.rationale, this.therapy) ?? findTherapyHistory(this.facts.summary, this.therapy);
    return null;
  }
}

/** Words that call a request a first course: "an initial trial of Lyrica", "Gabapentin is a new prescription". */
const NEW_REQUEST_CUES = phraseSet([
  'trial', 'initial', 'new prescription', 'newly prescribed', 'first prescription', 'first time', 'to start', 'to initiate',
  'to begin', 'initiation of',
]);
/** Words that make the same sentence about going on instead ("a continued trial", "another trial", "refill of the initial supply"). */
const GOING_ON_CUES = phraseSet([
  'continue*', 'continuation', 'ongoing', 'refill*', 'renew*', 'again', 'another', 'repeat*', 'further', 'additional', 'extend*',
  'extension', 'more', 'remaining', 'prior', 'previous*', 'failed',
]);

/**
 * A sentence of the rationale about the request, and about this worker, that calls the request
 * a first course. When the sentence names drugs, the cue must belong to the item's own drug (the
 * drug nearest to it): in "the request for Lyrica ... after a failed trial of gabapentin", the
 * trial is gabapentin's.
 */
function findNewRequest(rationale: PassageAnalysis, generics: ReadonlySet<string>, lookup: DrugLookup): Span | null {
  const tokens = rationale.tokens;
  for (let at = NEW_REQUEST_CUES.nextMatch(tokens, 0, tokens.length); at >= 0; at = NEW_REQUEST_CUES.nextMatch(tokens, NEW_REQUEST_CUES.lastMatchEnd, tokens.length)) {
    const sentence = rationale.sentenceAt(tokens.start(at));
    if (!sentence || sentenceKind(rationale, sentence) !== 'worker' || !isAboutRequest(tokens, sentence)) continue;
    if (rationale.isNegatedAt(tokens.start(at)) || GOING_ON_CUES.occursIn(tokens, sentence.firstToken, sentence.endToken)) continue;
    const drugs = mentionsBetween(drugMentionsIn(rationale, lookup), sentence.firstToken, sentence.endToken);
    if (drugs.length > 0) {
      const cue = { first: at, end: NEW_REQUEST_CUES.lastMatchEnd };
      const nearest = drugs.reduce((best, mention) => (tokenGap(mention, cue) < tokenGap(best, cue) ? mention : best));
      if (!generics.has(nearest.generic)) continue;
    }
    return sentence.span;
  }
  return null;
}

/** Tokens between a mention and another stretch of tokens, on whichever side it lies. */
export function tokenGap(mention: { first: number; end: number }, other: { first: number; end: number }): number {
  return other.first >= mention.end ? other.first - mention.end : Math.max(0, mention.first - other.end);
}

/**
 * A refill of an existing prescription, needed or not, shows the drug is in use: "did not need a
 * refill of this prescription". Negation does not matter here: it is the refill that is denied.
 */
const REFILL_OF_EXISTING = phraseSet(
  ['refill', 'refills'].flatMap((refill) =>
    ['this', 'the', 'his', 'her', 'their', 'current'].flatMap((owner) => ['prescription', 'medication', 'medicine'].map((what) => `${refill} of ${owner} ${what}`)),
  ),
);

function findRefillOfExisting(rationale: PassageAnalysis): Span | null {
  const match = REFILL_OF_EXISTING.findFirst(rationale.tokens);
  if (!match) return null;
  const sentence = rationale.sentenceAt(match.span.start);
  return sentence && !isGuidelineStatement(rationale.tokens, sentence) ? sentence.span : null;
}

/** "PT/PTT" and "PT/INR" are coagulation labs, not physical therapy. */
function isLabTest(tokens: TokenList, at: number): boolean {
  return tokens.norm(at) === 'pt' && tokens.is(at + 1, '/') && (tokens.is(at + 2, 'ptt') || tokens.is(at + 2, 'inr'));
}

function findDrugUse(rationale: PassageAnalysis, generics: ReadonlySet<string>, classes: ReadonlySet<DrugFamily>, lookup: DrugLookup, requestFrom: number | null): Span | null {
  for (const anchor of mentionsOfDrugs(rationale, lookup, generics)) {
    const found = showsUse(rationale, anchor, DRUG_USE, DRUG_USE_IN_REQUEST, requestFrom);
    if (found) return found;
  }
  // Inside its own rationale, "this medication" or the class name ("opioids") also refers to the item's drug.
  for (const anchor of REFERRING_WORDS.findAll(rationale.tokens)) {
    if (anchor.value !== 'any' && !(classes.has(anchor.value) && CLASS_WORDS.has(anchor.value))) continue;
    const found = showsUse(rationale, anchor, REFERRING_USE, REFERRING_USE);
    if (found) return found;
  }
  return null;
}

/** The summary is shared by every item: its answer is kept per drug set, so many items cost one scan. */
function findSummaryDrugUse(summary: PassageAnalysis, generics: ReadonlySet<string>, lookup: DrugLookup, requestFrom: number | null): Span | null {
  return summary.memo(`drug-use:${[...generics].sort().join('|')}`, () => {
    for (const anchor of mentionsOfDrugs(summary, lookup, generics)) {
      const found = showsUse(summary, anchor, DRUG_USE, DRUG_USE_IN_REQUEST, requestFrom);
      if (found) return found;
    }
    return null;
  });
}

/** A sentence naming a drug with these is about using it now ("she takes Xanax nightly", "current medications include Norco"). */
const CURRENT_USE_CUES = phraseSet([
  'current*', 'takes', 'taking', 'is on', 'are on', 'remains on', 'remained on', 'continues', 'continuing', 'medications include*',
  'medications consist*', 'medication list', 'medication regimen', 'uses', 'using', 'is prescribed', 'are prescribed',
  'was prescribed', 'were prescribed', 'has been prescribed', 'prescribed', 'refilled', 'dispensed',
]);
/** ...and these make it history ("Xanax was stopped in 2015", "previously took Valium"). */
const PAST_USE_CUES = phraseSet([
  'stopped', 'discontinued', 'weaned', 'weaned off', 'tapered off', 'no longer', 'previously', 'prior', 'formerly', 'in the past',
  'history of', 'failed', 'had taken', 'used to',
]);

/**
 * Where the case summary shows a drug of `family` in current use, not negated and not as history;
 * null when it does not.
 */
export function summaryCurrentUse(facts: Passages, family: DrugFamily): { span: Span; generic: string } | null {
  const summary = facts.summary;
  return summary.memo(`current-use:${family}`, () => {
    for (const mention of drugMentionsIn(summary, facts.drugs)) {
      if (!mention.classes.includes(family) || summary.isNegated(mention.span)) continue;
      const sentence = summary.sentenceAt(mention.span.start);
      if (!sentence || PAST_USE_CUES.occursIn(summary.tokens, sentence.firstToken, sentence.endToken)) continue;
      if (CURRENT_USE_CUES.occursIn(summary.tokens, sentence.firstToken, sentence.endToken)) return { span: sentence.span, generic: mention.generic };
    }
    return null;
  });
}

/** "prior use of opioids", "has been using the medication since": only explicit use phrases count for these vaguer anchors. */
const REFERRING_USE: UseCues = {
  near: phraseSet([
    'prior use of', 'previous use of', 'prolonged use of', 'continued use of', 'chronic use of', 'long term use of',
    'ongoing use of', 'been on', 'been using', 'been taking', 'has used', 'have used', 'had used', 'has been used',
    'have been used', 'chronic', 'with use of', 'on chronic',
  ]),
  context: phraseSet(['since', 'for more than', 'for over', 'for a long time', 'been using', 'been taking', 'been on']),
};

const CLASS_WORDS = new Set<DrugFamily>(['opioid', 'muscle-relaxant', 'benzodiazepine', 'anti-epileptic', 'nsaid']);
const REFERRING_WORDS = new PhraseMatcher<DrugFamily | 'any'>([
  ['this medication', 'any'], ['the medication', 'any'], ['these medications', 'any'], ['this drug', 'any'], ['the drug', 'any'],
  ['the requested medication', 'any'], ['the requested medications', 'any'], ['the medications', 'any'],
  ['opioid', 'opioid'], ['opioids', 'opioid'], ['opiate', 'opioid'], ['opiates', 'opioid'], ['narcotic', 'opioid'], ['narcotics', 'opioid'],
  ['muscle relaxant', 'muscle-relaxant'], ['muscle relaxants', 'muscle-relaxant'], ['relaxant', 'muscle-relaxant'],
  ['benzodiazepine', 'benzodiazepine'], ['benzodiazepines', 'benzodiazepine'],
  ['nsaid', 'nsaid'], ['nsaids', 'nsaid'], ['anti inflammatory', 'nsaid'], ['anti inflammatories', 'nsaid'],
  ['anticonvulsant', 'anti-epileptic'], ['anticonvulsants', 'anti-epileptic'], ['anti epileptic', 'anti-epileptic'],
  ['anti epilepsy drugs', 'anti-epileptic'], ['aed', 'anti-epileptic'], ['aeds', 'anti-epileptic'],
]);

function findTherapyHistory(passage: PassageAnalysis, therapy: TherapyKind): Span | null {
  for (const match of therapyMentionsIn(passage)) {
    if (match.value !== therapy || isLabTest(passage.tokens, match.first)) continue;
    const found = showsUse(passage, match, THERAPY_HISTORY, THERAPY_HISTORY_IN_REQUEST);
    if (found) return found;
  }
  return null;
}

/** Therapy mentions in a passage ("physical therapy", "chiropractic"), found once per passage. */
export function therapyMentionsIn(passage: PassageAnalysis): readonly TermMatch<TherapyKind>[] {
  return passage.memo('therapies', () => THERAPY_TERMS.findAll(passage.tokens));
}

/** Drug mentions in a passage, found once per passage and lookup. */
export function drugMentionsIn(passage: PassageAnalysis, lookup: DrugLookup): readonly DrugMention[] {
  return passage.memo(lookup, () => lookup.mentions(passage.tokens));
}

/** Mentions in a passage of any of `generics`, in text order, through an index built once per passage. */
export function mentionsOfDrugs(passage: PassageAnalysis, lookup: DrugLookup, generics: ReadonlySet<string>): readonly DrugMention[] {
  // A passage belongs to one letter's facts, which have one drug lookup, so one key serves.
  const index = passage.memo('drug-mentions-by-generic', () => {
    const byGeneric = new Map<string, DrugMention[]>();
    for (const mention of drugMentionsIn(passage, lookup)) {
      const list = byGeneric.get(mention.generic);
      if (list) list.push(mention);
      else byGeneric.set(mention.generic, [mention]);
    }
    return byGeneric;
  });
  if (generics.size === 1) return index.get([...generics][0]) ?? [];
  return [...generics].flatMap((generic) => index.get(generic) ?? []).sort((a, b) => a.first - b.first);
}

/** The drug mentions in `tokens[from..to)` of a passage, by binary search over the sorted mentions. */
export function mentionsBetween(mentions: readonly DrugMention[], from: number, to: number): readonly DrugMention[] {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (mentions[mid].end <= from) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < mentions.length && mentions[end].first < to) end++;
  return mentions.slice(low, end);
}
