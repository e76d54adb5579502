import type { ItemCriteria } from '../facts/criteria';
import type { Letter } from '../letter/model';
import type { Span } from '../text/span';

interface CodeLensEntry {
  /** Where the lens sits: the item's title. */
  readonly span: Span;
  /** "Opioids, on-going management: analgesia ✓ activities ✓ adverse effects ✗ aberrant behaviour ✓". */
  readonly title: string;
}

const MARK = { true: '\u2713', false: '\u2717', null: '?', 'n/a': '\u2013' } as const;

/**
 * Above each item, per group of cited sections with criteria, the criteria and whether the
 * letter addresses each: ✓ addressed, ✗ not, ? the letter does not give enough to tell, – does
 * not apply (a first prescription is not asked about continued use).
 */
export function codeLenses(letter: Letter, criteria: readonly (readonly ItemCriteria[])[]): CodeLensEntry[] {
  const lenses: CodeLensEntry[] = [];
  letter.items.forEach((item, index) => {
    for (const group of criteria[index] ?? []) {
      const marks = group.results.map((result) => `${result.label} ${MARK[String(result.met) as keyof typeof MARK]}`).join('  ');
      lenses.push({ span: item.titleSpan, title: `${group.label}: ${marks}${group.verified ? '' : ' (criteria not verified)'}` });
    }
  });
  return lenses;
}
