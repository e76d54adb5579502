import type { Span } from '../text/span';
import { functionMentions, sentenceKind } from './clinical-terms';
import type { ItemFacts } from './item-facts';
import type { PassageAnalysis, Passages } from './passages';
import { phraseSet, type PhraseMatcher } from '../language/phrase-matcher';

/** The "4 A's" of ongoing opioid management (MTUS Chronic Pain 2009 pp. 76-80; Opioid Treatment 2016). */
export type Domain = 'analgesia' | 'activities' | 'adverse' | 'aberrant';

export const DOMAIN_NAMES: Record<Domain, string> = {
  analgesia: 'analgesia (pain scores with and without medication)',
  activities: 'activities of daily living or function',
  adverse: 'adverse effects',
  aberrant: 'aberrant drug behaviour (urine drug screen, CURES, opioid agreement)',
};

const ANALGESIA = phraseSet([
  'analgesi*', 'pain relief', 'relief', 'pain score*', 'pain level*', 'pain rating*', 'pain scale', 'pain intensity', 'vas',
  '{num} / 10', '{num} out of 10', '{num} of 10', '{num} point scale', 'on a scale', 'scale of', 'pain rated', 'rated {num}',
  'reduction in pain', 'reduced pain', 'decreased pain', 'decrease in pain', 'decrease pain', 'pain decreased', 'pain reduction',
  'pain reduced', 'pain improved', 'improvement in pain', 'improved pain', 'pain control', 'pain controlled', 'least pain',
  'average pain', 'worst pain', 'pain by {num} %', '{num} % relief', '{num} % improvement', '{num} % reduction',
  '{num} % decrease',
]);

const ADVERSE = phraseSet([
  'side effect*', 'adverse effect*', 'adverse event*', 'adverse reaction*', 'adverse side effect*', 'sedation', 'sedated',
  'oversedation', 'constipation', 'constipated', 'nausea', 'drowsiness', 'drowsy', 'dizziness', 'somnolence',
  'respiratory depression', 'tolerat*', 'untoward', 'complications', 'gi upset', 'pruritus', 'itching', 'overdose',
]);

const ABERRANT = phraseSet([
  'urine drug screen*', 'urine drug test*', 'urine toxicology', 'urine tox', 'urine screen*', 'urine test*', 'drug screen*',
  'drug test*', 'uds', 'udt', 'uts', 'toxicology', 'cures', 'cures report*', 'pdmp', 'prescription drug monitoring',
  'prescription monitoring', 'opioid agreement', 'opioid contract', 'opiate agreement', 'opiate contract', 'pain agreement',
  'pain contract', 'narcotic agreement', 'narcotic contract', 'narcotics agreement', 'narcotics contract', 'medication agreement',
  'medication contract', 'treatment agreement', 'pain management agreement', 'pain management contract', 'signed agreement',
  'aberran*', 'drug seeking', 'misuse', 'abuse', 'diversion', 'addiction', 'compliance', 'compliant', 'noncompliant',
  'non compliant', 'adherence', 'adherent', 'nonadherent', 'non adherent', 'early refill*', 'risk assessment',
  'opioid risk tool', 'soapp', 'drug taking behavior*', 'drug taking behaviour*', 'drug related behavior*',
]);

export const DOMAIN_MATCHERS: ReadonlyArray<[Domain, PhraseMatcher<string> | 'function']> = [
  ['analgesia', ANALGESIA],
  ['activities', 'function'],
  ['adverse', ADVERSE],
  ['aberrant', ABERRANT],
];

type Coverage = Partial<Record<Domain, Span>>;

/** Naming the four A's together covers every domain at once ("no documentation of the 4 A's"). */
const ALL_FOUR = phraseSet(["4 a's", '4 as', "four a's", 'four as', "4 a 's"]);

/**
 * The first passage that covers each A. In a rationale only sentences about this worker count
 * (`sentenceKind`): a sentence that restates the guideline ("tapering is advised when adverse
 * events occur"), the standard opioid disclaimer, or a blanket reference back to them ("the above
 * review was not documented") names no A for this worker.
 */
function coverageOf(passage: PassageAnalysis, onlyAboutWorker: boolean): Coverage {
  return passage.memo(onlyAboutWorker ? 'opioid-coverage-strict' : 'opioid-coverage', () => {
    const coverage: Coverage = {};
    for (const sentence of passage.sentences) {
      const { firstToken, endToken } = sentence;
      if (onlyAboutWorker && sentenceKind(passage, sentence) !== 'worker') continue;
      const allFour = ALL_FOUR.findFirst(passage.tokens, firstToken, endToken);
      for (const [domain, matcher] of DOMAIN_MATCHERS) {
        if (coverage[domain]) continue;
        if (allFour) {
          coverage[domain] = allFour.span;
          continue;
        }
        const match =
          matcher === 'function'
            ? functionMentions(passage.tokens, firstToken, endToken)[0]
            : matcher.findFirst(passage.tokens, firstToken, endToken);
        if (match) coverage[domain] = match.span;
      }
    }
    return coverage;
  });
}

/**
 * Where the rationale (in sentences about this worker) or else the case summary addresses each
 * of the 4 A's for an item; null for an A that neither addresses. The fact behind
 * opioid-monitoring and the 4 A's of the code lens.
 */
export function opioidCoverage(letterFacts: Passages, facts: ItemFacts): Record<Domain, Span | null> {
  const rationale = coverageOf(facts.rationale, true);
  const result = {} as Record<Domain, Span | null>;
  for (const [domain] of DOMAIN_MATCHERS) result[domain] = rationale[domain] ?? coverageOf(letterFacts.summary, false)[domain] ?? null;
  return result;
}
