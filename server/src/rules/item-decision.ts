import type { Decision } from '../letter/model';
import type { Rule, RuleFinding } from './types';

export const itemDecision: Rule = {
  id: 'item-decision',
  defaultSeverity: 'error',
  description: 'A disputed item has no decision, or one that is not exactly Upheld or Overturned.',
  check(letter) {
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, itemIndex) => {
      const mark = item.decision;
      if (!mark) {
        const end = item.titleSpan.end;
        findings.push({
          message: `"${item.title}" has no decision; end the item line with ": Upheld" or ": Overturned".`,
          span: item.titleSpan,
          itemIndex,
          fixes: (['Upheld', 'Overturned'] as const).map((decision) => ({
            title: `Add the decision "${decision}"`,
            edits: [{ span: { start: end, end }, newText: `: ${decision}` }],
          })),
        });
        return;
      }
      if (mark.decision !== null && mark.text === mark.decision) return;
      const meant = mark.decision ?? guessDecision(mark.text);
      findings.push({
        message: meant
          ? `"${mark.text}" is not a decision word; did you mean "${meant}"?`
          : `"${mark.text}" is not a decision; use "Upheld" or "Overturned".`,
        span: mark.span,
        itemIndex,
        fixes: (meant ? [meant] : (['Upheld', 'Overturned'] as const)).map((decision) => ({
          title: `Change to "${decision}"`,
          edits: [{ span: mark.span, newText: decision }],
          isPreferred: decision === meant,
          safe: decision === meant,
        })),
      });
    });
    return findings;
  },
};

/** Typed variants seen in drafts: "Uphold", "upheld.", "Over turned", "Overturn", "Overtuned". */
export function guessDecision(typed: string): Decision | null {
  const letters = typed.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.startsWith('uph')) return 'Upheld';
  if (letters.startsWith('over') || letters.startsWith('ovr')) return 'Overturned';
  return null;
}
