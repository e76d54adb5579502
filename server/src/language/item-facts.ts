import type { Item, Letter, Span } from '../letter/model';
import { THERAPY_TERMS, type TherapyKind } from './clinical-terms';
import { classesInTokens, hasStrength, type DrugClass, type DrugLookup, type DrugMention } from './drug-classes';
import { rationalePassage, summaryPassage, titlePassage, type PassageAnalysis } from './letter-text';
import type { Sentence } from './sentences';
import { phraseSet } from './terms';
import type { Token } from './tokens';

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
  readonly classes: ReadonlySet<DrugClass>;
  readonly isMedication: boolean;
  readonly therapy: TherapyKind | null;
  /** The title says this is a first course ("Initial acupuncture", "Post-op Norco"). */
  readonly initial: boolean;
  /** Where the letter shows prior use of this drug or therapy, or null when it does not. */
  readonly priorUse: Span | null;
}

const CONTINUATION_TITLE_CUES = phraseSet([
  'continue*', 'continuation', 'refill*', 'ongoing', 'renew*', 'additional', 'further', 'extension', 'remaining', 'repeat',
  'more', 'maintenance',
]);
const INITIAL_TITLE_CUES = phraseSet([
  'initial', 'trial', 'post op', 'postop', 'post operative', 'postoperative', 'post surgical', 'postsurgical', 'pre op', 'preop',
  'new', 'first',
]);

/** In a sentence that names the drug, these show it has been used already. */
const DRUG_USE_CUES = phraseSet([
  'since', 'continue*', 'current*', 'taking', 'takes', 'taken', 'using', 'uses', 'used', 'utilizing', 'utilized', 'utilizes',
  'been on', 'is on', 'was on', 'are on', 'were on', 'remains on', 'remained on', 'has been', 'had been', 'ongoing', 'long term',
  'chronic use', 'chronically', 'prior', 'previous*', 'wean*', 'taper*', 'medications include*', 'medications consist*',
  'medication regimen', 'medication list', 'medications', 'meds', 'refill*', 'dispensed', 'was prescribed', 'were prescribed',
  'is prescribed', 'are prescribed', 'has been prescribed', 'had been prescribed', 'been prescribed', 'prescribed since',
  'started', 'began', 'helps', 'helped', 'relief', 'with use', 'side effect*', 'tolerat*', 'efficacy', 'effective',
]);
/** Request cues: a sentence about the request itself says nothing about prior use... */
const REQUEST_CUES = phraseSet([
  'request*', 'rfa', 'utilization review', 'ur', 'certif*', 'noncertif*', 'non certif*', 'authoriz*', 'denied', 'modified',
  'non certified', 'not certified', 'is not medically necessary', 'medically necessary',
]);
/** ...unless it also carries one of these. */
const STRONG_USE_CUES = phraseSet([
  'since', 'continue*', 'current*', 'ongoing', 'been on', 'taking', 'prior', 'previous*', 'long term', 'chronic use', 'wean*',
  'taper*', 'has been', 'had been', 'using', 'utilizing',
]);
/** In a sentence that names the therapy, these show earlier sessions. */
const THERAPY_HISTORY_CUES = phraseSet([
  'prior', 'previous*', 'past', 'completed', 'had', 'has had', 'have had', 'attended', 'received', 'receiving', 'underwent',
  'undergone', 'to date', 'included', 'includes', 'has included', 'have included', 'history of', 'already', 'failed', 'tried',
  'course of', 'sessions of', 'visits of', 'ongoing', 'continue*', 'currently', 'participated', 'continuing', 'had been',
  'has been', 'after', 'despite', 'benefit*', 'improv*', 'helped', 'post',
]);

const cache = new WeakMap<Letter, Map<number, ItemFacts>>();

export function itemFacts(letter: Letter, index: number, lookup: DrugLookup): ItemFacts {
  let perLetter = cache.get(letter);
  if (!perLetter) {
    perLetter = new Map();
    cache.set(letter, perLetter);
  }
  let facts = perLetter.get(index);
  if (!facts) {
    facts = computeFacts(letter, index, lookup);
    perLetter.set(index, facts);
  }
  return facts;
}

function computeFacts(letter: Letter, index: number, lookup: DrugLookup): ItemFacts {
  const item = letter.items[index];
  const title = titlePassage(letter, item);
  const rationale = rationalePassage(letter, item);
  const drugs = lookup.mentions(title.tokens);
  const generics = new Set(drugs.map((drug) => drug.generic));
  const classes = classesInTokens(lookup, title.tokens);
  const isMedication = drugs.length > 0 || hasStrength(title.tokens) || (item.medication !== null && item.medication.strength !== null);
  const therapyMatch = isMedication ? null : THERAPY_TERMS.findFirst(title.tokens);
  const therapy = therapyMatch && !isLabTest(title.tokens, therapyMatch.first) ? therapyMatch.value : null;
  const initial = INITIAL_TITLE_CUES.findFirst(title.tokens) !== null && CONTINUATION_TITLE_CUES.findFirst(title.tokens) === null;
  let priorUse: Span | null = null;
  if (!initial) {
    const continuation = CONTINUATION_TITLE_CUES.findFirst(title.tokens);
    if (continuation) priorUse = continuation.span;
    else if (generics.size > 0) priorUse = findDrugUse(letter, [rationale, summaryPassage(letter)], generics, lookup);
    else if (therapy) priorUse = findTherapyHistory([rationale, summaryPassage(letter)], therapy);
  }
  return { item, index, title, rationale, drugs, generics, classes, isMedication, therapy, initial, priorUse };
}

/** "PT/PTT" and "PT/INR" are coagulation labs, not physical therapy. */
function isLabTest(tokens: readonly Token[], at: number): boolean {
  const next = tokens[at + 2];
  return tokens[at].norm === 'pt' && tokens[at + 1]?.norm === '/' && next !== undefined && (next.norm === 'ptt' || next.norm === 'inr');
}

function findDrugUse(letter: Letter, passages: readonly PassageAnalysis[], generics: ReadonlySet<string>, lookup: DrugLookup): Span | null {
  for (const passage of passages) {
    for (const mention of drugMentionsIn(passage, lookup)) {
      if (!generics.has(mention.generic)) continue;
      const sentence = passage.sentenceAt(mention.span.start);
      if (!sentence) continue;
      if (sentenceShowsUse(passage.tokens, sentence)) return sentence.span;
    }
  }
  return null;
}

function sentenceShowsUse(tokens: readonly Token[], sentence: Sentence): boolean {
  const { firstToken, endToken } = sentence;
  if (REQUEST_CUES.findFirst(tokens, firstToken, endToken)) return STRONG_USE_CUES.findFirst(tokens, firstToken, endToken) !== null;
  return DRUG_USE_CUES.findFirst(tokens, firstToken, endToken) !== null;
}

function findTherapyHistory(passages: readonly PassageAnalysis[], therapy: TherapyKind): Span | null {
  for (const passage of passages) {
    for (const match of passage.memo('therapies', () => THERAPY_TERMS.findAll(passage.tokens))) {
      if (match.value !== therapy || isLabTest(passage.tokens, match.first)) continue;
      const sentence = passage.sentenceAt(match.span.start);
      if (!sentence) continue;
      const { firstToken, endToken } = sentence;
      if (REQUEST_CUES.findFirst(passage.tokens, firstToken, endToken) && !STRONG_USE_CUES.findFirst(passage.tokens, firstToken, endToken)) continue;
      if (THERAPY_HISTORY_CUES.findFirst(passage.tokens, firstToken, endToken)) return sentence.span;
    }
  }
  return null;
}

/** Drug mentions in a passage, found once per passage and lookup. */
export function drugMentionsIn(passage: PassageAnalysis, lookup: DrugLookup): readonly DrugMention[] {
  return passage.memo(lookup, () => lookup.mentions(passage.tokens));
}

/** Every item's facts, in order. */
export function allItemFacts(letter: Letter, lookup: DrugLookup): ItemFacts[] {
  return letter.items.map((_, index) => itemFacts(letter, index, lookup));
}
