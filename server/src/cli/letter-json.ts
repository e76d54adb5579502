import type { Citation, HeaderKey, Letter } from '../letter/model';
import type { Analysis } from '../engine/analyze';
import type { LineMap, Range } from '../text/line-map';

/**
 * The CLI's JSON contract. Other tools rely on these names: add fields, never
 * rename or remove them.
 */
export interface LetterJson {
  readonly header: Partial<Record<HeaderKey, string>>;
  readonly credentials: { licensure: readonly string[]; specialty: string | null } | null;
  readonly sections: { kind: string; title: string; range: Range }[];
  readonly items: ItemJson[];
}

interface ItemJson {
  readonly title: string;
  readonly decision: string | null;
  readonly decisionText: string | null;
  readonly quantity: number | null;
  readonly refills: number | null;
  /** `dailyMme`: the requested opioid dose in morphine milligram equivalents a day, null when the item line does not give enough to compute it (or names no opioid). */
  readonly medication: { drug: string; strength: string | null; frequency: string | null; dailyMme: number | null } | null;
  readonly partial: { originalRequest: string; authorized: string | null; remaining: string } | null;
  readonly claimsAdministratorGuideline: string | null;
  readonly maximusGuideline: string | null;
  readonly citations: { source: string; guideline: string | null; year: number | null; sections: readonly string[]; pages: readonly string[] }[];
  readonly rationaleConclusion: string | null;
  readonly range: Range;
  readonly rationaleRange: Range | null;
}

export function letterToJson(letter: Letter, analysis: Pick<Analysis, 'conclusions' | 'doses'>, lines: LineMap): LetterJson {
  const { conclusions, doses } = analysis;
  const header: Partial<Record<HeaderKey, string>> = {};
  for (const field of Object.values(letter.header)) if (field) header[field.key] = field.value;
  return {
    header,
    credentials: letter.credentials ? { licensure: letter.credentials.licensure, specialty: letter.credentials.specialty } : null,
    sections: letter.sections.map((section) => ({
      kind: section.kind,
      title: section.title,
      range: lines.rangeOf({ start: section.heading.start, end: Math.max(section.heading.end, section.body.end) }),
    })),
    items: letter.items.map((item, index) => ({
      title: item.title,
      decision: item.decision?.decision ?? null,
      decisionText: item.decision?.text ?? null,
      quantity: item.quantity,
      refills: item.refills,
      medication: item.medication
        ? { drug: item.medication.drug, strength: item.medication.strength, frequency: item.medication.frequency, dailyMme: doses[index]?.dailyMme ?? null }
        : null,
      partial: item.partial ? { ...item.partial } : null,
      claimsAdministratorGuideline: item.claimsAdministratorGuideline?.text ?? null,
      maximusGuideline: item.maximusGuideline?.text ?? null,
      citations: item.citations.map(citationJson),
      rationaleConclusion: item.rationale ? conclusions[index] ?? 'unknown' : null,
      range: lines.rangeOf(item.span),
      rationaleRange: item.rationale ? lines.rangeOf(item.rationale.span) : null,
    })),
  };
}

function citationJson(citation: Citation) {
  return { source: citation.source, guideline: citation.guideline, year: citation.year, sections: citation.sections, pages: citation.pages };
}
