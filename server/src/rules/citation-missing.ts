import type { Citation } from '../letter/model';
import type { Rule, RuleFinding } from './types';

/** "…did not cite any medical evidence…", "No evidence was cited": an explicit statement counts as an answer. */
const NO_EVIDENCE = /\b(?:did not|does not|didn't|do not) cite\b|\bno (?:medical )?(?:evidence|guidelines?|citations?) (?:was |were )?cited\b|\bnot cite any\b|\bno citation\b/i;
/** Something a reader could look up: a named guideline, an organisation, a URL or a journal reference. */
const CITATION_WORDS = /\b(?:MTUS|ODG|ACOEM|Official Disability Guidelines|UpToDate|AANEM|AAOS|AMA|NIH|FDA|pg|Complaints|Chronic Pain|Chapter|Journal|et al|\d{4})\b|Section\(s\)|Page\(s\)|www\.|https?:/i;
const NON_MTUS = /\bNon-?\s?MTUS\b/i;
/** MTUS named as a source, as opposed to "Non-MTUS" or "outside of the MTUS". */
const MTUS_SOURCE = /(?<!Non-?\s?)(?<!outside (?:of )?the )\bMTUS\b/i;
const OUTSIDE_MTUS_STATED = /\boutside (?:of )?the MTUS\b|\bMTUS (?:does not|doesn't|did not) address\b|\bnot addressed (?:by|in) the MTUS\b/i;

export const citationMissing: Rule = {
  id: 'citation-missing',
  defaultSeverity: 'warning',
  description:
    "Each item's MAXIMUS guideline line must cite something, or say that no evidence was cited; a Non-MTUS citation gets a hint that the MTUS comes first.",
  check(letter) {
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, index) => {
      const line = item.maximusGuideline;
      // A missing line is item-parts' finding (with its own insert fix); only present lines are judged here.
      if (!line) return;
      const text = line.text.trim();
      if (NO_EVIDENCE.test(text)) return;
      const sources = new Set(item.citations.filter(isRealCitation).map((citation) => citation.source));
      const cites = item.citations.some(isRealCitation) || CITATION_WORDS.test(stripLabelWords(text));
      if (!cites) {
        findings.push({
          message: 'The MAXIMUS guideline line cites nothing; name the guideline (and section or page) the decision is based on, or state that no medical evidence was cited.',
          span: line.span,
          itemIndex: index,
          fixes: [
            {
              title: 'State that no medical evidence was cited',
              edits: [{ span: line.textSpan, newText: 'The Expert Reviewer did not cite any medical evidence for its decision.' }],
            },
          ],
        });
        return;
      }
      const citesMtus = sources.has('MTUS') || MTUS_SOURCE.test(text.replace(NON_MTUS, ''));
      const citesOther = sources.has('ODG') || sources.has('ACOEM') || sources.has('other') || NON_MTUS.test(text);
      if (citesOther && !citesMtus && !OUTSIDE_MTUS_STATED.test(text)) {
        findings.push({
          message:
            'Only a Non-MTUS source is cited. The MTUS is presumed correct and comes first (8 CCR 9792.21.1): cite the MTUS section, or state that the MTUS does not address this treatment.',
          span: line.textSpan,
          itemIndex: index,
          severity: 'hint',
        });
      }
    });
    return findings;
  },
};

/** The parser may turn leftover words ("Decision based on") into an "other" citation; that names nothing. */
function isRealCitation(citation: Citation): boolean {
  if (citation.source === 'none') return false;
  if (citation.source !== 'other') return true;
  return /[A-Za-z]{2}/.test(stripLabelWords(citation.guideline ?? ''));
}

/** "Decision based on" alone is not a citation. */
function stripLabelWords(text: string): string {
  return text.replace(/\bDecision based on\b/gi, ' ');
}
