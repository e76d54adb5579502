import type { CriterionKey } from '../knowledge/criteria';
import { ACUTE_OR_CHRONIC_USE, saysOfWorker, workerFunctionMentions } from './clinical-terms';
import { durationStatement } from './duration';
import type { LetterFacts } from './letter-facts';
import { opioidCoverage } from './opioid-coverage';

interface CriterionResult {
  readonly key: CriterionKey;
  readonly label: string;
  /**
   * Whether the letter addresses it, by the checks' own facts: `n/a` when it does not apply (the
   * criteria of continued use for a first prescription), null when the letter does not give enough
   * to tell (visits without counts).
   */
  readonly met: boolean | null | 'n/a';
}

export interface ItemCriteria {
  readonly label: string;
  readonly verified: boolean;
  readonly results: readonly CriterionResult[];
}

/**
 * For each group of cited sections that has criteria (the 4 A's for opioids, duration and an acute
 * flare for muscle relaxants, visits for physical medicine), whether the letter addresses each one. Every answer
 * comes from a fact a check uses, so the code lens and the Problems panel never disagree.
 */
export function itemCriteria(facts: LetterFacts, index: number): readonly ItemCriteria[] {
  const knowledge = facts.knowledge;
  const cited = facts.citedSectionIds(index);
  if (cited.length === 0) return [];
  const groups = knowledge.criteria.groupsFor(cited);
  if (groups.length === 0) return [];
  const item = facts.item(index);
  // The 4 A's, duration and function are asked of continued use, as the checks ask them.
  const continued = () => item.priorUse !== null;
  const answer = (key: CriterionKey): boolean | null | 'n/a' => {
    // Whether this is an acute flare is asked of every muscle relaxant request, first or continued;
    // the letter addresses it by saying either way ("no acute exacerbation is documented", "has
    // taken it every day since 2014").
    if (key === 'acuteFlare') return saysOfWorker(item.rationale, ACUTE_OR_CHRONIC_USE) || saysOfWorker(facts.summary, ACUTE_OR_CHRONIC_USE);
    if (key !== 'visits' && !continued()) return 'n/a';
    switch (key) {
      case 'analgesia':
      case 'activities':
      case 'adverse':
      case 'aberrant':
        return opioidCoverage(facts, item)[key] !== null;
      case 'duration':
        return durationStatement(facts, item) !== null;
      case 'function':
        return workerFunctionMentions(item.rationale).length > 0;
      case 'visits': {
        const visits = facts.therapyVisits(index);
        const cap = facts.visitCap(index);
        return visits?.total === null || visits === null || !cap ? null : visits.total <= cap.visits;
      }
    }
  };
  return groups.map((group) => ({
    label: group.label,
    verified: group.verified,
    results: group.criteria.map((key) => ({ key, label: knowledge.criteria.label(key), met: answer(key) })),
  }));
}
