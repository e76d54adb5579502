import type { Citation, Letter } from '../letter/model';
import type { Span } from '../text/span';
import { letterDateToIso } from '../language/dates';
import type { KnowledgeBase } from '../knowledge/knowledge-base';

/** Where the guideline name and its year are written inside a citation. */
export interface CitationNameSpans {
  readonly name: Span | null;
  readonly year: Span | null;
}

export function citationNameSpans(letter: Letter, citation: Citation, kb: KnowledgeBase): CitationNameSpans {
  const { start, end } = citation.span;
  const text = letter.text.slice(start, end);
  const mention = kb.findGuidelineMentions(text, start)[0] ?? null;
  const searchFrom = mention ? mention.span.end - start : 0;
  const firstSection = citation.sectionSpans[0]?.start ?? citation.pageSpans[0]?.start ?? end;
  const yearPattern = /\b(19|20)\d{2}\b/g;
  yearPattern.lastIndex = searchFrom;
  const match = citation.year !== null ? yearPattern.exec(text) : null;
  const year = match && start + match.index < firstSection && Number(match[0]) === citation.year
    ? { start: start + match.index, end: start + match.index + 4 }
    : null;
  return { name: mention?.span ?? null, year };
}

/**
 * The date that decides which MTUS edition applied. The request itself is not dated in the
 * letter; the UR decision is the closest printed date after it, then the IMR decision date.
 */
export interface ReferenceDate {
  readonly iso: string;
  readonly label: 'UR denial date' | 'decision date';
  readonly printed: string;
}

export function referenceDates(letter: Letter): { ur: ReferenceDate | null; decision: ReferenceDate | null } {
  const make = (field: 'urDenialDate' | 'decisionDate', label: ReferenceDate['label']): ReferenceDate | null => {
    const printed = letter.header[field]?.value ?? null;
    const iso = letterDateToIso(printed);
    return iso && printed ? { iso, label, printed } : null;
  };
  return { ur: make('urDenialDate', 'UR denial date'), decision: make('decisionDate', 'decision date') };
}
