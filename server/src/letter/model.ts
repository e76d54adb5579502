/**
 * The single model of an IMR determination letter. Every element keeps the
 * offsets of the text it came from (UTF-16 code units, end exclusive), so any
 * feature can point back at the document without re-reading it for structure.
 */

import type { Span } from '../text/span';

export type SectionKind = 'determination' | 'summary' | 'issues';

export const SECTION_TITLES: Readonly<Record<SectionKind, string>> = {
  determination: 'HOW THE IMR FINAL DETERMINATION WAS MADE',
  summary: 'CLINICAL CASE SUMMARY',
  issues: 'IMR ISSUES, DECISIONS AND RATIONALES',
};

export interface Section {
  readonly kind: SectionKind;
  /** The heading as printed, trimmed. */
  readonly title: string;
  readonly heading: Span;
  /** From the end of the heading line to the start of the next section (or end of text). */
  readonly body: Span;
}

export type HeaderKey =
  | 'caseNumber'
  | 'dateAssigned'
  | 'decisionDate'
  | 'dateOfInjury'
  | 'urDenialDate'
  | 'priority'
  | 'applicationReceived';

export interface HeaderField {
  readonly key: HeaderKey;
  readonly value: string;
  readonly label: Span;
  /** Where the value sits; in reading-order extractions it may be far from its label. */
  readonly valueSpan: Span;
}

export type Header = Partial<Record<HeaderKey, HeaderField>>;

export interface Credentials {
  readonly licensure: readonly string[];
  readonly specialty: string | null;
  readonly licensureSpan?: Span;
  readonly specialtySpan?: Span;
}

export type Decision = 'Upheld' | 'Overturned';

export interface DecisionMark {
  /** The word(s) after the title's last colon, as typed ("Upheld", "Uphold", "Over turned"). */
  readonly text: string;
  /** The decision it clearly means, or null when it is not a valid decision word. */
  readonly decision: Decision | null;
  readonly span: Span;
}

export interface MedicationParts {
  readonly drug: string;
  /** As written, e.g. "10/325mg", "0.5mg", "5%". */
  readonly strength: string | null;
  /** The first integer after `#`. */
  readonly quantity: number | null;
  readonly refills: number | null;
  /** Frequency or duration words such as "twice daily", "for 30 days". */
  readonly frequency: string | null;
}

export interface PartialAuthorization {
  readonly originalRequest: string;
  readonly authorized: string | null;
  /** The remaining IMR-eligible part, which is what the decision applies to. */
  readonly remaining: string;
}

export type CitationSource = 'MTUS' | 'ODG' | 'ACOEM' | 'other' | 'none';

export interface Citation {
  readonly source: CitationSource;
  readonly guideline: string | null;
  readonly year: number | null;
  readonly sections: readonly string[];
  /** As written: "66", "78-96". */
  readonly pages: readonly string[];
  readonly span: Span;
  /** Where each section name sits, parallel to `sections`. */
  readonly sectionSpans: readonly Span[];
  /** Where each page token sits, parallel to `pages`. */
  readonly pageSpans: readonly Span[];
}

export interface GuidelineLine {
  /** Whitespace-normalised text after the label. */
  readonly text: string;
  readonly label: Span;
  /** Label start to the end of the wrapped text. */
  readonly span: Span;
  readonly textSpan: Span;
}

export type RationaleConclusion = 'medically necessary' | 'not medically necessary' | 'unknown';

export interface Rationale {
  readonly label: Span;
  /** Label start to the end of the rationale text. */
  readonly span: Span;
  readonly textSpan: Span;
}

export interface Item {
  /** Whitespace-normalised item name, without the decision. For partial authorizations: the remaining part. */
  readonly title: string;
  readonly titleSpan: Span;
  readonly decision: DecisionMark | null;
  readonly medication: MedicationParts | null;
  /** Shortcuts to medication parts that also apply to non-drug items ("#1 box"). */
  readonly quantity: number | null;
  readonly refills: number | null;
  readonly partial: PartialAuthorization | null;
  readonly claimsAdministratorGuideline: GuidelineLine | null;
  readonly maximusGuideline: GuidelineLine | null;
  /** Parsed from the MAXIMUS guideline line. */
  readonly citations: readonly Citation[];
  readonly rationale: Rationale | null;
  /** Title start to the end of the item's last part. */
  readonly span: Span;
}

export interface Letter {
  readonly text: string;
  readonly header: Header;
  readonly sections: readonly Section[];
  readonly credentials: Credentials | null;
  readonly items: readonly Item[];
  /** False when the text does not look like a determination letter at all. */
  readonly looksLikeLetter: boolean;
}
