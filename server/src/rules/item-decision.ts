import { intendedDecision } from '../letter/decision';
import type { Rule, RuleFinding } from './types';
import { quoted } from '../text/quote';

export const itemDecision: Rule = {
  id: 'item-decision',
  defaultSeverity: 'error',
  description: 'A disputed item has no decision, or one that is not exactly Upheld or Overturned.',
  check(letter) {
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, itemIndex) => {
      const mark = item.decision;
      if (!mark) {
        const end = decisionInsertionPoint(letter.text, item.titleSpan.end);
        findings.push({
          message: `${quoted(item.title)} has no decision; end the item line with ": Upheld" or ": Overturned".`,
          span: item.titleSpan,
          itemIndex,
          fixes: (['Upheld', 'Overturned'] as const).map((decision) => ({
            title: `Add the decision "${decision}"`,
            edits: [{ span: { start: end.offset, end: end.offset }, newText: `${end.needsColon ? ':' : ''} ${decision}` }],
          })),
        });
        return;
      }
      if (mark.decision !== null && mark.text === mark.decision) return;
      const meant = mark.decision ?? intendedDecision(mark.text);
      findings.push({
        message: meant
          ? `${quoted(mark.text)} is not a decision word; did you mean "${meant}"?`
          : `${quoted(mark.text)} is not a decision; use "Upheld" or "Overturned".`,
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

/** After the title, or after a colon already typed there ("Norco 10/325mg #60:"). */
function decisionInsertionPoint(text: string, titleEnd: number): { offset: number; needsColon: boolean } {
  let at = titleEnd;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return text[at] === ':' ? { offset: at + 1, needsColon: false } : { offset: titleEnd, needsColon: true };
}
