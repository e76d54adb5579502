/**
 * Whether the letter says how long an item's drug has been used: the fact behind duration-of-use
 * and the "duration" criterion of the code lens.
 */
import type { Span } from '../text/span';
import { isGuidelineStatement } from './clinical-terms';
import { isDisclaimer } from './conclusion';
import type { DrugLookup } from '../knowledge/drug-lookup';
import { drugMentionsIn, mentionsBetween, mentionsOfDrugs, therapyMentionsIn, tokenGap, type ItemFacts } from './item-facts';
import { CARDINAL_WORDS } from '../language/numbers';
import { phraseSet } from '../language/phrase-matcher';
import type { PassageAnalysis, Passages } from './passages';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
];
const AMOUNTS = ['{num}', ...CARDINAL_WORDS, 'several', 'many', 'few', 'a few', 'multiple', 'the past {num}', 'over a', 'over one', 'more than a', 'more than one'];
const UNITS = ['day*', 'week*', 'month*', 'year*', 'wk*', 'mo', 'mos', 'yr*'];

/** Expressions that say how long a drug has been taken, or that it is new. */
const DURATION = phraseSet([
  ...['{num}', 'at least', 'the', 'his', 'her', 'last', 'early', 'late', 'mid', 'then', 'that time', 'injury', 'initial', 'about', 'approximately', 'around', ...MONTHS].map((next) => `since ${next}`),
  ...AMOUNTS.flatMap((amount) => UNITS.map((unit) => `${amount} ${unit}`)),
  'for months', 'for years', 'for weeks', 'for some time', 'for a while', 'for a long time', 'for an extended period', 'for a prolonged period',
  'for the past', 'for the last', 'over the past', 'over the last', 'in the past', 'for over', 'for more than', 'for at least',
  'long term', 'longterm', 'prolonged use', 'prolonged period', 'extended period', 'extended use', 'chronic use', 'chronic basis',
  'chronically', 'ongoing use', 'ongoing basis', 'continuous use', 'continuously', 'daily use', 'at least {num}', 'as far back as',
  'as early as', 'dating back', 'first prescribed', 'initially prescribed', 'started on', 'was started', 'were started', 'began',
  'initiated', 'new prescription', 'newly prescribed', 'initial prescription', 'first prescription', 'not previously',
  'first time', 'short term use', 'short course',
]);

/** In a rationale, these refer back to the drug under review. */
const ANAPHORA = phraseSet([
  'this medication', 'the medication', 'the medications', 'this drug', 'the drug', 'it', 'its use', 'this muscle relaxant',
  'the muscle relaxant', 'muscle relaxant*', 'relaxant*', 'benzodiazepine*', 'this benzodiazepine', 'the benzodiazepine',
  'the requested medication', 'the requested medications', 'this agent', 'these medications', 'the prescription',
]);

const WINDOW = 15;

/** Where the rationale or the case summary says how long the item's drug has been used, or null. */
export function durationStatement(letterFacts: Passages, facts: ItemFacts): Span | null {
  const summary = letterFacts.summary;
  const lookup = letterFacts.drugs;
  return (
    durationNear(facts.rationale, lookup, facts.generics, true) ??
    summary.memo(`duration:${[...facts.generics].sort().join('|')}`, () => durationNear(summary, lookup, facts.generics, false))
  );
}

/**
 * A duration expression close to a mention of the drug, within the same sentence, that belongs
 * to it: no other drug or therapy is nearer to the expression. So "Xanax and Zanaflex (since
 * 6-29-15)" dates only Zanaflex, "Soma and Norco for years, and Xanax" does not date the Xanax,
 * and "chiropractic twice a week for six weeks" does not date the muscle relaxant requested in
 * the same sentence. In a rationale, "this medication" and class words count as mentions;
 * guideline statements are skipped.
 */
function durationNear(passage: PassageAnalysis, lookup: DrugLookup, generics: ReadonlySet<string>, isRationale: boolean): Span | null {
  const drugs = drugMentionsIn(passage, lookup);
  const anchors: { first: number; end: number }[] = [...mentionsOfDrugs(passage, lookup, generics)];
  if (isRationale) for (const anaphor of ANAPHORA.findAll(passage.tokens)) anchors.push(anaphor);
  for (const anchor of anchors) {
    const sentence = passage.sentenceAt(passage.tokens.start(anchor.first));
    if (!sentence) continue;
    if (isRationale && (isGuidelineStatement(passage.tokens, sentence) || isDisclaimer(passage.tokens, sentence))) continue;
    const from = Math.max(sentence.firstToken, anchor.first - WINDOW);
    const to = Math.min(sentence.endToken, anchor.end + WINDOW);
    const others: { first: number; end: number }[] = mentionsBetween(drugs, sentence.firstToken, sentence.endToken).filter((other) => !generics.has(other.generic));
    for (const therapy of therapyMentionsIn(passage)) if (therapy.first >= sentence.firstToken && therapy.end <= sentence.endToken) others.push(therapy);
    // "no evidence from the past few months ..." does not date anything.
    const match = DURATION.findAll(passage.tokens, from, to).find(
      (candidate) => !passage.isNegated(candidate.span) && others.every((other) => tokenGap(other, candidate) >= tokenGap(anchor, candidate)),
    );
    if (match) return match.span;
  }
  return null;
}

