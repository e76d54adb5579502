import type { OpioidDose } from '../facts/opioid-dose';
import type { Letter } from '../letter/model';
import type { Span } from '../text/span';
import { doseLine } from './knowledge-markdown';

export interface InlayHintEntry {
  /** Where the hint sits: right after the item's title. */
  readonly offset: number;
  readonly label: string;
  /** Markdown: how the figure was reached. */
  readonly tooltip: string;
}

/**
 * Figures a QA editor works out by hand, shown beside the line they are about: the daily opioid
 * dose in MME after an opioid item's title (`≈ 60 MME/day`). Only figures the letter gives enough
 * for are shown; an item whose line lacks them gets no hint (its hover says what is missing).
 */
export function inlayHints(letter: Letter, doses: readonly (OpioidDose | null)[], range?: Span): InlayHintEntry[] {
  const hints: InlayHintEntry[] = [];
  letter.items.forEach((item, index) => {
    const dose = doses[index];
    if (!dose || dose.dailyMme === null) return;
    const offset = item.titleSpan.end;
    if (range && (offset < range.start || offset > range.end)) return;
    hints.push({ offset, label: `\u2248 ${dose.dailyMme} MME/day`, tooltip: doseLine(dose) });
  });
  return hints;
}
