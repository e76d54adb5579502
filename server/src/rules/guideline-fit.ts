import type { ResolvedCitation } from '../knowledge';
import { phraseSet } from '../language/phrase-matcher';
import type { Item } from '../letter/model';
import type { Rule, RuleContext, RuleFinding } from './types';
import { quoted } from '../text/quote';

/** Imaging is decided under the chapter of the body part imaged; the Chronic Pain guideline does not address it. */
const IMAGING = phraseSet(['mri', 'mris', 'magnetic resonance', 'x ray', 'x rays', 'xray', 'xrays', 'radiograph*', 'ct', 'ct scan', 'computed tomography']);
/** Nerve testing follows the nerve: a hand's nerve study may be decided under the neck's or the elbow's chapter. */
const ELECTRODIAGNOSTIC = phraseSet(['emg', 'ncv', 'ncs', 'emg/ncv', 'emg/ncs', 'nerve conduction', 'electrodiagnostic', 'electromyograph*', 'electromyogram*']);
const PART_NAMES: Readonly<Record<string, string>> = {
  neck: 'neck or upper back', 'low-back': 'low back', shoulder: 'shoulder', elbow: 'elbow', hand: 'hand, wrist or forearm', hip: 'hip', knee: 'knee', ankle: 'ankle or foot',
};

interface CitedChapter {
  readonly id: string;
  readonly title: string;
  readonly parts: readonly string[];
  readonly citation: ResolvedCitation;
}

export const guidelineFit: Rule = {
  id: 'guideline-fit',
  // Information once its precision is measured on letters it was not tuned on (docs/rules/PRECISION.md).
  defaultSeverity: 'hint',
  description:
    'The cited guideline chapter or section does not fit the item: a chapter for another body part, a topical-analgesic section for a drug taken by mouth, or imaging decided without the chapter for the body part imaged.',
  check(letter, context) {
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, index) => {
      const citations = context.facts.resolvedCitations[index];
      if (citations.length === 0) return;
      const facts = context.facts.item(index);
      if (facts.isMedication && !facts.classes.has('topical')) findings.push(...topicalForOral(context, item, index, citations));
      const parts = new Set(context.knowledge.bodyParts.find(facts.title.tokens).flatMap((match) => match.value));
      if (parts.size === 0) return;
      const chapters = citedChapters(context, citations);
      const named = [...parts].map((part) => PART_NAMES[part] ?? part).join(' and ');
      const fitting = ELECTRODIAGNOSTIC.occursIn(facts.title.tokens) ? context.knowledge.bodyParts.limbOf(parts) : parts;
      for (const chapter of chapters) {
        if (chapter.parts.some((part) => fitting.has(part))) continue;
        findings.push({
          message: `${chapter.title} is cited, but the item is about the ${named}; cite the chapter for the body part in dispute.`,
          span: chapter.citation.citation.span,
          itemIndex: index,
        });
      }
      if (chapters.length === 0 && IMAGING.occursIn(facts.title.tokens) && citations.some((citation) => citation.citation.source === 'MTUS')) {
        findings.push({
          message: `Imaging of the ${named} is decided without the guideline chapter for the ${named}: the MTUS addresses imaging in the body-part chapters (ACOEM "Special Studies"), not in the Chronic Pain guideline.`,
          span: item.maximusGuideline?.textSpan ?? item.titleSpan,
          itemIndex: index,
        });
      }
    });
    return findings;
  },
};

/** The cited guidelines and ODG chapters that are about body parts, with the parts they cover. */
function citedChapters(context: RuleContext, citations: readonly ResolvedCitation[]): CitedChapter[] {
  const chapters: CitedChapter[] = [];
  for (const citation of citations) {
    const guideline = citation.guideline?.guideline;
    const guidelineParts = guideline ? context.knowledge.bodyParts.partsOf(guideline.id) : undefined;
    if (guideline && guidelineParts) chapters.push({ id: guideline.id, title: `${guideline.title}`, parts: guidelineParts, citation });
    for (const section of citation.sections) {
      const chapter = section.odgChapter;
      const odgParts = chapter ? context.knowledge.bodyParts.partsOf(chapter.id) : undefined;
      if (chapter && odgParts && !chapters.some((known) => known.id === chapter.id)) chapters.push({ id: chapter.id, title: `ODG ${chapter.title}`, parts: odgParts, citation });
    }
  }
  return chapters;
}

function topicalForOral(context: RuleContext, item: Item, index: number, citations: readonly ResolvedCitation[]): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const citation of citations) {
    for (const section of citation.sections) {
      const entry = section.match?.section;
      if (!entry || !context.knowledge.bodyParts.isTopicalSection(entry.id)) continue;
      findings.push({
        message: `"${entry.title}" is about drugs applied to the skin, but ${quoted(item.title)} is not a topical form.`,
        span: section.span ?? citation.citation.span,
        itemIndex: index,
      });
    }
  }
  return findings;
}
