import { CONTINUATION_TITLE_CUES, INITIAL_TITLE_CUES, summaryCurrentUse, type ItemFacts } from '../facts/item-facts';
import type { LetterFacts } from '../facts/letter-facts';
import type { DrugFamily } from '../knowledge/drug-lookup';
import { refillMentions } from '../language/doses';
import { phraseSet } from '../language/phrase-matcher';
import type { TokenList } from '../language/tokens';
import type { Item } from '../letter/model';
import type { Span } from '../text/span';
import { isContinuable } from './functional-improvement';
import type { Rule, RuleFinding } from './types';
import { quoted } from '../text/quote';

/**
 * A check that needs an item's drug to be known, and whether it went silent on this item for want
 * of it: a check that would have skipped the item whatever its drug (a first prescription, a
 * topical) is not named.
 */
interface DrugDependentCheck {
  readonly id: string;
  /** What the check could not tell without the drug. */
  readonly needs: string;
  silenced(facts: ItemFacts, letter: LetterFacts): boolean;
}

/** Whether another item of the letter is a drug of `family`. */
const otherItemIs = (facts: ItemFacts, letter: LetterFacts, family: DrugFamily) =>
  letter.letter.items.some((_, index) => index !== facts.index && letter.item(index).classes.has(family));

/** The checks that go silent, wholly or in part, on a medication whose drug the dictionary lacks. */
export const DRUG_DEPENDENT_CHECKS: readonly DrugDependentCheck[] = [
  {
    id: 'functional-improvement',
    needs: 'its class and prior use',
    // A first course is not checked whatever the drug; a title saying "continue" shows prior use
    // without the drug, and a dosage form ("cream") gives the topical class.
    silenced: (facts) => !facts.initial && !(isContinuable(facts) && facts.priorUse !== null),
  },
  { id: 'opioid-monitoring', needs: 'is it an opioid?', silenced: (facts) => !facts.initial },
  {
    id: 'duration-of-use',
    needs: 'is it a muscle relaxant or a benzodiazepine?',
    // The check leaves topicals out, whatever their drug.
    silenced: (facts) => !facts.initial && !facts.classes.has('topical'),
  },
  {
    id: 'conclusion-item-mismatch',
    needs: 'does the concluding sentence name it?',
    silenced: (facts) => facts.item.rationale !== null,
  },
  {
    id: 'refill-count',
    needs: 'the refills the case summary gives for it',
    // Refills in the title are checked without the drug; the summary's are found beside its name.
    silenced: (facts, letter) => refillMentions(facts.title.tokens).length === 0 && refillMentions(letter.summary.tokens).length > 0,
  },
  {
    id: 'opioid-dose',
    needs: 'is it an opioid, and its morphine equivalent?',
    // The letter's daily total counts every requested opioid, but it is only judged for an
    // Overturned opioid: this one, or another beside it.
    silenced: (facts, letter) => facts.item.decision?.decision === 'Overturned' || letter.letter.items.some((item, index) => item.decision?.decision === 'Overturned' && letter.opioidDose(index) !== null),
  },
  {
    id: 'opioid-benzodiazepine',
    needs: 'is it an opioid or a benzodiazepine?',
    // The combination needs the other family: in another item or in use in the case summary.
    silenced: (facts, letter) =>
      (['opioid', 'benzodiazepine'] as const).some((family) => otherItemIs(facts, letter, family) || summaryCurrentUse(letter, family) !== null),
  },
];

/**
 * A procedure that names a drug ("Epidural steroid injection with 80mg ..."): it has a strength,
 * but the documentation checks do not apply to it, so nothing went silent.
 */
const PROCEDURE = phraseSet([
  'inject*', 'block', 'blocks', 'infusion*', 'epidural', 'esi', 'facet', 'trigger point', 'surgery', 'surgical',
  'arthroscop*', 'ablation', 'fluoroscop*', 'implant*', 'pump', 'intrathecal', 'iv', 'im',
]);

/**
 * A medication item whose drug the dictionary does not know: the checks that depend on the drug
 * and its class could not run for it, and silence must not pass for a clean result.
 */
export const unknownDrug: Rule = {
  id: 'unknown-drug',
  defaultSeverity: 'information',
  description: 'A medication item names a drug the dictionary does not know, so the checks that need its class could not run; a quick fix adds it to a knowledge file.',
  check(letter, context) {
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, index) => {
      const facts = context.facts.item(index);
      if (!facts.isMedication || facts.drugs.length > 0) return;
      if (PROCEDURE.occursIn(facts.title.tokens)) return;
      const name = drugNameSpan(letter.text, item, facts.title.tokens);
      if (!name) return;
      const silenced = DRUG_DEPENDENT_CHECKS.filter((check) => check.silenced(facts, context.facts));
      // Nothing went silent for want of the drug, so nothing looks checked that was not.
      if (silenced.length === 0) return;
      const text = letter.text.slice(name.start, name.end);
      findings.push({
        message: `${quoted(text)} is not in the drug dictionary, so ${listed(silenced.map((check) => `${check.id} (${check.needs})`))} could not check this item. Add it to a knowledge file (imr.knowledgeFiles) with its class${silenced.some((check) => check.id === 'opioid-dose') ? ' (and, for an opioid, its mmeAgent)' : ''}.`,
        span: name,
        itemIndex: index,
      });
    });
    return findings;
  },
};

/**
 * Words after a drug's name that are not part of it: release forms, salts and dosage forms
 * ("Diclofenac ER", "Nortriptyline HCL", "Butrans patch"), which the quick fix must not write as a brand.
 */
const NOT_THE_NAME = new Set([
  'er', 'xr', 'sr', 'cr', 'dr', 'ir', 'la', 'xl', 'cd', 'odt', 'extended', 'delayed', 'immediate', 'release', 'released',
  'hcl', 'hydrochloride', 'sod', 'sodium', 'potassium', 'citrate', 'tartrate', 'bitartrate', 'maleate', 'succinate',
  'besylate', 'mesylate', 'fumarate', 'phosphate', 'sulfate', 'acetate',
  'tab', 'tabs', 'tablet', 'tablets', 'cap', 'caps', 'capsule', 'capsules', 'oral', 'suspension', 'solution', 'liquid', 'syrup',
  'cream', 'creams', 'gel', 'ointment', 'lotion', 'patch', 'patches', 'pad', 'pads', 'spray', 'transdermal', 'topical', 'film',
  'kit', 'compound', 'compounded', 'base', 'in', 'with', 'and', '-', '/', ',', ';', ':', '#', '(', ')',
]);
/** A number or a strength glued to its unit ("15mg"): the name ends before it. */
const STARTS_WITH_DIGIT = /^\.?\d/;
/** Words that end a request's preamble: "Three months coverage of Viagra", "Request for Zorvexin". */
const PREAMBLE_END = new Set(['of', 'for']);

/**
 * Where the drug's name lies in the title: the parser's medication name (the title before its
 * strength or quantity, without "Retrospective" and the like), else the title up to its first
 * number; then without a parenthesis ("Meloxicam (Mobic)"), a preamble ending in "of" or "for",
 * and the release, salt and dosage-form words after the name.
 */
function drugNameSpan(text: string, item: Item, tokens: TokenList): Span | null {
  const title = item.titleSpan;
  const named = item.medication?.drug;
  // A title wrapped over lines may not hold the parser's name as written; then the whole title is read.
  const at = named ? text.slice(title.start, title.end).indexOf(named) : -1;
  const from = at >= 0 ? title.start + at : title.start;
  const to = at >= 0 ? from + named!.length : title.end;
  let first = 0;
  while (first < tokens.length && tokens.start(first) < from) first++;
  let end = first;
  while (end < tokens.length && tokens.end(end) <= to && !STARTS_WITH_DIGIT.test(tokens.norm(end)) && !tokens.is(end, '(')) end++;
  for (let index = end - 2; index >= first; index--) {
    if (PREAMBLE_END.has(tokens.norm(index))) {
      first = index + 1;
      break;
    }
  }
  // "Continue Zorvexin", "Initial trial of ...": the title's cues for continued or new use.
  for (let cue = leadingCueEnd(tokens, first); cue > first && cue < end; cue = leadingCueEnd(tokens, first)) first = cue;
  while (end > first && NOT_THE_NAME.has(tokens.norm(end - 1)) && (end - 1 > first || tokens.isPunct(end - 1))) end--;
  while (first < end && tokens.isPunct(first)) first++;
  return end > first ? { start: tokens.start(first), end: tokens.end(end - 1) } : null;
}

function leadingCueEnd(tokens: TokenList, at: number): number {
  const cue = CONTINUATION_TITLE_CUES.matchAt(tokens, at) ?? INITIAL_TITLE_CUES.matchAt(tokens, at);
  return cue ? cue.end : -1;
}

function listed(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
