import type { FileResult } from './lint-file';

/** Batch totals for QA: letters, decisions and findings per rule. */
export class Summary {
  private letters = 0;
  private unreadable = 0;
  private items = 0;
  private upheld = 0;
  private overturned = 0;
  private readonly byRule = new Map<string, { findings: number; letters: number }>();

  add(result: FileResult): void {
    if (result.error) {
      this.unreadable++;
      return;
    }
    this.letters++;
    for (const item of result.letter?.items ?? []) {
      this.items++;
      if (item.decision === 'Upheld') this.upheld++;
      if (item.decision === 'Overturned') this.overturned++;
    }
    const rulesHere = new Set<string>();
    for (const diagnostic of result.diagnostics) {
      const counts = this.byRule.get(diagnostic.code) ?? { findings: 0, letters: 0 };
      counts.findings++;
      if (!rulesHere.has(diagnostic.code)) counts.letters++;
      rulesHere.add(diagnostic.code);
      this.byRule.set(diagnostic.code, counts);
    }
  }

  format(): string {
    const rows: [string, string][] = [
      ['Letters', String(this.letters)],
      ['Unreadable files', String(this.unreadable)],
      ['Disputed items', String(this.items)],
      ['Upheld', String(this.upheld)],
      ['Overturned', String(this.overturned)],
    ];
    const rules = [...this.byRule.entries()].sort(([a], [b]) => a.localeCompare(b));
    const width = Math.max(18, ...rules.map(([rule]) => rule.length + 2));
    let out = '\nSummary\n';
    for (const [label, value] of rows) out += `  ${label.padEnd(width)}${value.padStart(8)}\n`;
    out += `\n  ${'Rule'.padEnd(width)}${'Findings'.padStart(8)}${'Letters'.padStart(9)}\n`;
    if (rules.length === 0) out += '  (no findings)\n';
    for (const [rule, counts] of rules) out += `  ${rule.padEnd(width)}${String(counts.findings).padStart(8)}${String(counts.letters).padStart(9)}\n`;
    return out;
  }
}
