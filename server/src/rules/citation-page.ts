import { formatPages } from '../knowledge/pages';
import type { KnowledgeBase, ResolvedCitation } from '../knowledge/knowledge-base';
import type { SectionEntry } from '../knowledge/types';
import type { Fix, Rule, RuleFinding } from './types';

/** Unverified pages are reviewers' habits, not the PDF: a page this close to the section is not called wrong. */
const UNVERIFIED_TOLERANCE = 2;

export const citationPage: Rule = {
  id: 'citation-page',
  defaultSeverity: 'warning',
  description: 'A cited page number does not belong to the guideline section named with it.',
  check(letter, context) {
    const kb = context.knowledge;
    const findings: RuleFinding[] = [];
    context.facts.resolvedCitations.forEach((citations, itemIndex) => {
      for (const resolved of citations) {
        if (resolved.guideline?.guideline.citedBy !== 'pages') continue;
        findings.push(...checkPages(kb, resolved, itemIndex));
      }
    });
    return findings;
  },
};

function checkPages(kb: KnowledgeBase, resolved: ResolvedCitation, itemIndex: number): RuleFinding[] {
  const cited = resolved.sections
    .map((s) => (s.match && s.match.kind !== 'other-edition' ? s.match.section : null))
    .filter((s): s is SectionEntry => s !== null && s.pages.length === 2);
  // Only judge when every named section is known with pages; otherwise citation-unknown speaks.
  if (cited.length === 0 || cited.length !== resolved.sections.length) return [];
  const findings: RuleFinding[] = [];
  for (const page of resolved.pages) {
    if (!page.range || !page.span) continue;
    const range = page.range;
    if (cited.some((section) => kb.pageFitsSection(section, range))) continue;
    if (!cited.every((section) => confidentlyOutside(section, range))) continue;
    const belongsTo = kb.sectionsAtPage(resolved.guideline!.guideline.id, range.from)[0];
    const pageText = range.from === range.to ? `Page ${range.from}` : `Pages ${range.from}-${range.to}`;
    const named = cited.map((s) => `${s.title} (${pageLabel(s)})`).join(' or ');
    const elsewhere = belongsTo && !cited.includes(belongsTo) ? `; ${range.from} falls in ${belongsTo.title} (${pageLabel(belongsTo)})` : '';
    const caveat = cited.every((s) => s.verified) ? '' : ' Pages in the knowledge base are those reviewers usually cite and are not verified against the DWC PDF.';
    findings.push({
      message: `${pageText} ${range.from === range.to ? 'is' : 'are'} not in ${named}${elsewhere}.${caveat}`,
      span: page.span,
      itemIndex,
      fixes: cited.map((section, i): Fix => ({
        title: `Cite ${section.title}: page ${formatPages(section.pages)}`,
        edits: [{ span: page.span!, newText: formatPages(section.pages) }],
        isPreferred: cited.length === 1 && i === 0,
      })),
    });
  }
  return findings;
}

/** True when the cited range is clearly outside the section, given how sure the section's pages are. */
function confidentlyOutside(section: SectionEntry, range: { from: number; to: number }): boolean {
  if (section.pageConfidence !== 'verified' && section.pageConfidence !== 'high') return false;
  const tolerance = section.verified ? 0 : UNVERIFIED_TOLERANCE;
  return range.to < section.pages[0] - tolerance || range.from > section.pages[1] + tolerance;
}

function pageLabel(section: SectionEntry): string {
  return section.pages[0] === section.pages[1] ? `p. ${section.pages[0]}` : `pp. ${formatPages(section.pages)}`;
}
