import type { Item, Letter } from '../letter/model';
import { lineEndingOf, startOfNextLine } from '../text/line-ends';
import type { Rule, RuleFinding } from './types';
import { quoted } from '../text/quote';

type PartKey = 'claimsAdministratorGuideline' | 'maximusGuideline' | 'rationale';

const PARTS: readonly { key: PartKey; label: string }[] = [
  { key: 'claimsAdministratorGuideline', label: 'Claims Administrator guideline:' },
  { key: 'maximusGuideline', label: 'MAXIMUS guideline:' },
  { key: 'rationale', label: 'Decision rationale:' },
];

export const itemParts: Rule = {
  id: 'item-parts',
  defaultSeverity: 'error',
  description: 'A disputed item lacks its Claims Administrator guideline, MAXIMUS guideline or Decision rationale.',
  check(letter) {
    const findings: RuleFinding[] = [];
    letter.items.forEach((item, itemIndex) => {
      PARTS.forEach((part, partIndex) => {
        if (item[part.key]) return;
        const offset = insertionOffset(letter, item, partIndex);
        findings.push({
          message: `${quoted(item.title)} has no "${part.label}" line.`,
          span: item.titleSpan,
          itemIndex,
          fixes: [
            {
              title: `Insert a "${part.label}" line`,
              edits: [{ span: { start: offset, end: offset }, newText: `${offset === letter.text.length && !endsWithLineBreak(letter.text) ? lineEndingOf(letter.text) : ''}${part.label} ${lineEndingOf(letter.text)}` }],
            },
          ],
        });
      });
    });
    return findings;
  },
};

/** A missing part goes on the line after the nearest earlier part (or the title) that exists. */
function insertionOffset(letter: Letter, item: Item, partIndex: number): number {
  let anchorEnd = item.titleSpan.end;
  for (let index = partIndex - 1; index >= 0; index--) {
    const earlier = item[PARTS[index].key];
    if (earlier) {
      anchorEnd = earlier.span.end;
      break;
    }
  }
  return startOfNextLine(letter.text, anchorEnd);
}

function endsWithLineBreak(text: string): boolean {
  return text.endsWith('\n') || text.endsWith('\r');
}
