import { citationNameSpans } from '../facts/citations';
import type { KnowledgeBase, ResolvedSection } from '../knowledge/knowledge-base';
import { guidelineLabel } from '../knowledge/labels';
import type { GuidelineEntry } from '../knowledge/types';
import type { Citation, Letter } from '../letter/model';
import type { Rule, RuleFinding } from './types';
import { quoted } from '../text/quote';

/** A suggestion this close is very likely what was meant (typo, plural, word order). */
const CONFIDENT_SUGGESTION = 0.75;

export const citationUnknown: Rule = {
  id: 'citation-unknown',
  defaultSeverity: 'information',
  description: 'A cited MTUS guideline or section name is not one the knowledge base knows; suggests the closest names.',
  check(letter, context) {
    const kb = context.knowledge;
    const findings: RuleFinding[] = [];
    context.facts.resolvedCitations.forEach((citations, itemIndex) => {
      for (const resolved of citations) {
        const { citation } = resolved;
        // Non-MTUS references are free text (ODG topics, books, URLs); only MTUS names have a fixed list.
        if (citation.source !== 'MTUS') continue;
        if (!resolved.guideline) {
          const finding = unknownGuideline(letter, citation, kb, itemIndex);
          if (finding) findings.push(finding);
          continue;
        }
        for (const section of resolved.sections) {
          if (section.match || !section.span) continue;
          findings.push(unknownSection(kb, resolved.guideline.guideline, section, itemIndex));
        }
      }
    });
    return findings;
  },
};

function unknownGuideline(letter: Letter, citation: Citation, kb: KnowledgeBase, itemIndex: number): RuleFinding | null {
  const name = citation.guideline;
  if (!name) return null;
  // One suggestion per title: several editions share a name.
  const seenTitles = new Set<string>();
  const suggestions = kb.suggestGuidelines(name).filter((s) => s.entry.mtus && !seenTitles.has(s.entry.title) && seenTitles.add(s.entry.title));
  // Only an occurrence that starts inside the citation counts, so the search stops at its end instead of reading on through the letter.
  const inCitation = letter.text.slice(citation.span.start, citation.span.end + name.length - 1).indexOf(name);
  const at = inCitation < 0 ? -1 : citation.span.start + inCitation;
  // The parsed name drops a trailing "Guidelines"; the replacement title has its own, so it is replaced too.
  const trailingWord = at >= 0 ? /^\s+Guidelines?\b/.exec(letter.text.slice(at + name.length, at + name.length + 16)) : null;
  const span = at >= 0 ? { start: at, end: at + name.length + (trailingWord?.[0].length ?? 0) } : citationNameSpans(letter, citation, kb).name ?? citation.span;
  const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s.entry.title}"`).join(', ')}?` : '';
  return {
    message: `${quoted(name)} is not an MTUS guideline the knowledge base knows.${hint}`,
    span,
    itemIndex,
    fixes: at >= 0 ? suggestions.map((s, i) => ({ title: `Change to "${s.entry.title}"`, edits: [{ span, newText: s.entry.title }], isPreferred: i === 0 && s.score >= CONFIDENT_SUGGESTION })) : [],
  };
}

function unknownSection(kb: KnowledgeBase, guideline: GuidelineEntry, section: ResolvedSection, itemIndex: number): RuleFinding {
  const span = section.span!;
  const where = guidelineLabel(guideline);
  if (/^\s*\d+(\s*[-\u2013]\s*\d+)?\s*$/.test(section.name)) {
    return {
      message: `${quoted(section.name)} is a number, not a section name of ${where}; write the section's title${guideline.citedBy === 'pages' ? ', or cite it under "Page(s):"' : ''}.`,
      span,
      itemIndex,
    };
  }
  const suggestions = kb.suggestSections(guideline.id, section.name);
  const best = suggestions[0];
  if (best && best.score >= CONFIDENT_SUGGESTION) {
    return {
      message: `${quoted(section.name)} is not a section of ${where}. Did you mean ${suggestions.map((s) => `"${s.entry.title}"`).join(', ')}?`,
      span,
      itemIndex,
      fixes: suggestions.map((s, i) => ({ title: `Change to "${s.entry.title}"`, edits: [{ span, newText: s.entry.title }], isPreferred: i === 0 })),
    };
  }
  // The built-in section lists are not exhaustive, so a name with no close match is only a hint.
  const hint = suggestions.length ? ` Closest: ${suggestions.map((s) => `"${s.entry.title}"`).join(', ')}.` : '';
  return {
    message: `${quoted(section.name)} is not in the knowledge base for ${where}; check the spelling (the built-in list may be incomplete).${hint}`,
    span,
    itemIndex,
    severity: 'hint',
    fixes: suggestions.map((s) => ({ title: `Change to "${s.entry.title}"`, edits: [{ span, newText: s.entry.title }] })),
  };
}
