import { titleKey } from '../letter/mapped-text';
import type { Rule, RuleFinding } from './types';
import { quoted } from '../text/quote';

export const duplicateItem: Rule = {
  id: 'duplicate-item',
  defaultSeverity: 'warning',
  description: 'The same disputed item is listed more than once.',
  check(letter) {
    const findings: RuleFinding[] = [];
    const firstByKey = new Map<string, number>();
    letter.items.forEach((item, itemIndex) => {
      const key = titleKey(item.title);
      if (!key) return;
      const first = firstByKey.get(key);
      if (first === undefined) {
        firstByKey.set(key, itemIndex);
        return;
      }
      findings.push({
        message: `${quoted(item.title)} is listed twice; each disputed item should be decided once.`,
        span: item.titleSpan,
        itemIndex,
        related: [{ span: letter.items[first].titleSpan, message: 'First listed here' }],
      });
    });
    return findings;
  },
};
