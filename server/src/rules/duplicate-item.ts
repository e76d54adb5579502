import type { Rule, RuleFinding } from './types';

/** A blank that `replace(/\s+/g, ' ')` would change: two in a row, or one that is not a plain space. */
const UNCOLLAPSED_BLANK = /\s\s|[^\S ]/;

export const duplicateItem: Rule = {
  id: 'duplicate-item',
  defaultSeverity: 'warning',
  description: 'The same disputed item is listed more than once.',
  check(letter) {
    const findings: RuleFinding[] = [];
    const firstByKey = new Map<string, number>();
    letter.items.forEach((item, itemIndex) => {
      const lower = item.title.toLowerCase();
      // Titles come with their blanks collapsed already; only a rare other blank needs the replace, which allocates.
      const key = (UNCOLLAPSED_BLANK.test(lower) ? lower.replace(/\s+/g, ' ') : lower).trim();
      if (!key) return;
      const first = firstByKey.get(key);
      if (first === undefined) {
        firstByKey.set(key, itemIndex);
        return;
      }
      findings.push({
        message: `"${item.title}" is listed twice; each disputed item should be decided once.`,
        span: item.titleSpan,
        itemIndex,
        related: [{ span: letter.items[first].titleSpan, message: 'First listed here' }],
      });
    });
    return findings;
  },
};
