import type { Span } from '../text/span';
import type { DrugLookup } from '../knowledge/drug-lookup';
import { drugMentionsIn, mentionsBetween, mentionsOfDrugs } from '../facts/item-facts';
import type { PassageAnalysis } from '../facts/passages';
import { sentenceKindAt } from '../facts/clinical-terms';
import { refillMentions, type RefillMention } from '../language/doses';
import type { Fix, RelatedPassage, Rule, RuleFinding } from './types';

export const PLACEHOLDER = '___';

export const refillCount: Rule = {
  id: 'refill-count',
  defaultSeverity: 'warning',
  description:
    'When the item, the case summary or the utilization review mentions refills, the item must state how many and the rationale must address them.',
  check(letter, context) {
    const lookup = context.facts.drugs;
    const findings: RuleFinding[] = [];
    // A cheap look at the raw text first, and only for letters that name a drug: most summaries never mention refills and need no tokens.
    let summaryMentionsRefills: boolean | undefined;
    const summaryHasRefills = () => {
      if (summaryMentionsRefills === undefined) {
        const summarySection = letter.sections.find((section) => section.kind === 'summary');
        summaryMentionsRefills = summarySection !== undefined && /refill/i.test(letter.text.slice(summarySection.body.start, summarySection.body.end));
      }
      return summaryMentionsRefills;
    };
    letter.items.forEach((item, index) => {
      const facts = context.facts.item(index);
      if (!facts.isMedication) return;
      const inTitle = refillMentions(facts.title.tokens);
      const inSummary = facts.generics.size > 0 && summaryHasRefills() ? summaryRefills(context.facts.summary, lookup, facts.generics) : null;
      if (inTitle.length === 0 && !inSummary) return;
      const counted = item.refills !== null || inTitle.some((mention) => mention.count !== null);
      const related: RelatedPassage[] = inSummary ? [{ span: inSummary.span, message: 'Refills are mentioned here.' }] : [];
      if (!counted) {
        findings.push({
          message:
            inTitle.length > 0
              ? `The item mentions refills but does not say how many.`
              : `The case summary mentions refills for this item, but the item does not say how many.`,
          span: inTitle.length > 0 ? inTitle[0].span : item.titleSpan,
          itemIndex: index,
          related,
          fixes: [placeholderFix(item.titleSpan, inTitle[0], inSummary?.count ?? null)],
        });
      }
      const noneRequested = item.refills === 0 || (inTitle.length > 0 && inTitle.every((mention) => mention.value === 0));
      if (item.rationale && !noneRequested && !discussesRefills(facts.rationale, context.facts.conclusion(index).sentence?.span ?? null)) {
        findings.push({
          message: `Refills are requested for this item, but the rationale does not address them (for example, that refills imply continued use without re-evaluation).`,
          span: item.rationale.label,
          itemIndex: index,
          related: [...(inTitle.length > 0 ? [{ span: inTitle[0].span, message: 'Refills in the item.' }] : []), ...related],
        });
      }
    });
    return findings;
  },
};

/**
 * Whether the rationale discusses refills: a mention outside the standard disclaimer and outside
 * the concluding sentence, which restates the item ("Norco #90 with 3 refills is not medically
 * necessary") rather than discussing its refills.
 */
function discussesRefills(rationale: PassageAnalysis, conclusion: Span | null): boolean {
  return refillMentions(rationale.tokens).some((mention) => {
    if (conclusion && mention.span.start >= conclusion.start && mention.span.start < conclusion.end) return false;
    const kind = sentenceKindAt(rationale, mention.span.start);
    return kind !== undefined && kind !== 'disclaimer';
  });
}

/**
 * A summary sentence naming this item's drug that gives a number of refills
 * ("RFA for Zanaflex 2mg #60 with 3 refills", "UR modified ... to allow one
 * refill"). Bare history ("was given refills of Flexeril") is not a request and
 * is ignored.
 */
function summaryRefills(summary: PassageAnalysis, lookup: DrugLookup, generics: ReadonlySet<string>): (RefillMention & { count: string }) | null {
  return summary.memo(`refills:${[...generics].sort().join('|')}`, () => {
    const all = drugMentionsIn(summary, lookup);
    for (const drug of mentionsOfDrugs(summary, lookup, generics)) {
      const sentence = summary.sentenceAt(drug.span.start);
      if (!sentence) continue;
      // Only the stretch from this drug to the next drug of a different kind belongs to it.
      let stop = Math.min(sentence.endToken, drug.end + 14);
      for (const other of mentionsBetween(all, drug.end, stop)) {
        if (other.first >= drug.end && other.first < stop && !generics.has(other.generic)) stop = other.first;
      }
      for (const mention of refillMentions(summary.tokens, drug.end, stop)) {
        if (mention.count !== null) return { ...mention, count: mention.count };
      }
    }
    return null;
  });
}

function placeholderFix(titleSpan: Span, inTitle: RefillMention | undefined, known: string | null): Fix {
  const count = known ?? PLACEHOLDER;
  if (inTitle) {
    return {
      title: known ? `Insert the refill count (${known}, from the case summary)` : 'Insert a refill-count placeholder',
      edits: [{ span: { start: inTitle.span.start, end: inTitle.span.start }, newText: `${count} ` }],
    };
  }
  return {
    title: known ? `Add "with ${known} refills" (from the case summary)` : 'Insert a refill-count placeholder',
    edits: [{ span: { start: titleSpan.end, end: titleSpan.end }, newText: ` with ${count} refills` }],
  };
}
