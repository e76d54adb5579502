import type { OpioidDose } from '../facts/opioid-dose';
import type { TherapyVisits } from '../facts/therapy-visits';
import type { Letter } from '../letter/model';
import type { Span } from '../text/span';
import { doseLine } from './knowledge-markdown';

interface InlayHintEntry {
  /** Where the hint sits: right after the item's title. */
  readonly offset: number;
  readonly label: string;
  /** Markdown: how the figure was reached. */
  readonly tooltip: string;
}

/**
 * Figures a QA editor works out by hand, shown beside the line they are about: the daily opioid
 * dose in MME after an opioid item's title (`≈ 60 MME/day`), and the visits of a course of therapy
 * (`8 prior + 12 requested = 20`). Only figures the letter gives enough for are shown; an item whose
 * lines lack them gets no hint.
 */
export function inlayHints(
  letter: Letter,
  figures: { readonly doses: readonly (OpioidDose | null)[]; readonly visits: readonly (TherapyVisits | null)[] },
  range?: Span,
): InlayHintEntry[] {
  const hints: InlayHintEntry[] = [];
  letter.items.forEach((item, index) => {
    const offset = item.titleSpan.end;
    if (range && (offset < range.start || offset > range.end)) return;
    const dose = figures.doses[index];
    if (dose && dose.dailyMme !== null) hints.push({ offset, label: `\u2248 ${dose.dailyMme} MME/day`, tooltip: doseLine(dose) });
    const visits = figures.visits[index];
    if (visits && visits.total !== null && visits.prior) {
      hints.push({
        offset,
        label: `${visits.prior.count} prior + ${visits.requested} requested = ${visits.total}`,
        tooltip: `**Visits:** ${visits.prior.count} already had, as the case summary says; ${visits.requested} requested in the item line.`,
      });
    }
  });
  return hints;
}
