import { citationNameSpans, referenceDates, type CitationNameSpans, type ReferenceDate } from '../facts/citations';
import { daysBetween, formatIsoDate } from '../language/dates';
import type { GuidelineMatch, KnowledgeBase } from '../knowledge/knowledge-base';
import { guidelineLabel } from '../knowledge/labels';
import type { GuidelineEntry } from '../knowledge/types';
import type { Citation, Letter } from '../letter/model';
import type { Span } from '../text/span';
import type { Fix, Rule, RuleFinding } from './types';

/**
 * The request predates the UR decision by up to about two weeks, and the IMR decision by one to
 * three months; a citation is only called out of date when the printed date is past the
 * changeover by more than that.
 */
const GRACE_DAYS_AFTER_UR = 30;
const GRACE_DAYS_AFTER_DECISION = 120;

export const citationEdition: Rule = {
  id: 'citation-edition',
  defaultSeverity: 'information',
  description: "The cited MTUS guideline edition does not match the letter's dates (replaced before the request, not yet adopted, or no such year).",
  check(letter, context) {
    const kb = context.knowledge;
    const dates = referenceDates(letter);
    const findings: RuleFinding[] = [];
    // Resolved as of the decision date, which is `dates.decision` when the letter prints one.
    context.facts.resolvedCitations.forEach((citations, itemIndex) => {
      for (const { citation, guideline: match } of citations) {
        if (citation.source !== 'MTUS') continue;
        if (!match?.guideline.mtus) continue;
        const finding = checkEdition(letter, citation, match, kb, dates, itemIndex);
        if (finding) findings.push(finding);
      }
    });
    return findings;
  },
};

function checkEdition(
  letter: Letter,
  citation: Citation,
  match: GuidelineMatch,
  kb: KnowledgeBase,
  dates: { ur: ReferenceDate | null; decision: ReferenceDate | null },
  itemIndex: number,
): RuleFinding | null {
  const cited = match.guideline;
  // Locating the name and year in the letter means a phrase search, so each finding below does it
  // only once it knows it will report.
  if (match.yearStatus === 'no-such-edition') {
    const years = match.editions.map((g) => g.year).filter((y): y is number => y !== null);
    const current = editionInForce(kb, cited, dates.ur?.iso ?? dates.decision?.iso);
    const choices = current?.year ? [current] : match.editions.filter((g) => g.year !== null);
    const spans = citationNameSpans(letter, citation, kb);
    return {
      message: `There is no ${citation.year} edition of ${cited.title} in the MTUS; the editions are ${[...new Set(years)].join(', ')}.`,
      span: findingSpan(spans, citation),
      itemIndex,
      fixes: spans.year ? choices.map((g, i) => yearFix(spans.year!, g, current !== null && i === 0)) : [],
    };
  }
  if (!cited.datesVerified) return null;

  const decision = dates.decision;
  if (decision && cited.effectiveFrom && decision.iso < cited.effectiveFrom) {
    return {
      message: `${guidelineLabel(cited)} took effect on ${formatIsoDate(cited.effectiveFrom)}, after this letter's ${decision.label} (${decision.printed}).`,
      span: findingSpan(citationNameSpans(letter, citation, kb), citation),
      itemIndex,
    };
  }

  const reference = dates.ur ?? decision;
  if (!reference || !cited.effectiveTo) return null;
  const grace = reference === dates.ur ? GRACE_DAYS_AFTER_UR : GRACE_DAYS_AFTER_DECISION;
  if (daysBetween(cited.effectiveTo, reference.iso) <= grace) return null;
  const successor = editionInForce(kb, cited, reference.iso) ?? kb.guideline(cited.supersededBy?.[0] ?? '') ?? null;
  const basis = match.yearStatus === 'implied' && citation.pages.length ? ' (page numbers refer to that edition)' : '';
  const replaced = successor ? `was replaced by ${guidelineLabel(successor)} from ${formatIsoDate(successor.effectiveFrom ?? cited.effectiveTo)}` : `stopped applying after ${formatIsoDate(cited.effectiveTo)}`;
  const spans = citationNameSpans(letter, citation, kb);
  return {
    message: `${guidelineLabel(cited)}${basis} ${replaced}; this letter's ${reference.label} is ${reference.printed}. Check that the edition cited is the one that applied to the request.`,
    span: findingSpan(spans, citation),
    itemIndex,
    fixes: successor && spans.year && successor.title === cited.title && successor.year !== null ? [yearFix(spans.year, successor, true)] : [],
  };
}

function findingSpan(spans: CitationNameSpans, citation: Citation): Span {
  return spans.year ?? spans.name ?? citation.span;
}

function editionInForce(kb: KnowledgeBase, cited: GuidelineEntry, iso: string | undefined): GuidelineEntry | null {
  return iso ? kb.editionInForce(cited.series, iso) : null;
}

function yearFix(span: Span, edition: GuidelineEntry, preferred: boolean): Fix {
  return { title: `Cite the ${edition.year} edition`, edits: [{ span, newText: String(edition.year) }], isPreferred: preferred };
}
