import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openLetter, positionOf } from '../helpers';

describe('folding (vscode.executeFoldingRangeProvider)', () => {
  afterEach(closeAllEditors);

  it('folds the header table, every section and every disputed item', async () => {
    const { document } = await openLetter('examples', 'complete-letter.imr');
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    assert.ok(ranges && ranges.length > 0, 'no folding ranges');
    const startLines = new Set(ranges.map((range) => range.start));
    const lineOf = (needle: string) => positionOf(document, needle).line;

    assert.ok(ranges.some((range) => range.start === 0 && range.kind === vscode.FoldingRangeKind.Region), 'the header folds as a region');
    for (const heading of ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES']) {
      assert.ok(startLines.has(lineOf(heading)), `section "${heading}" folds`);
    }
    for (const item of ['Norco 10/325mg #90: Overturned', 'Cyclobenzaprine 7.5mg #60 with two refills: Upheld', 'Six sessions of physical therapy']) {
      const start = lineOf(item);
      const range = ranges.find((candidate) => candidate.start === start);
      assert.ok(range, `item "${item}" folds`);
      assert.ok(range.end > start + 3, 'an item folds over its guideline lines and rationale');
      assert.ok(document.lineAt(range.end).text.trim().length > 0, 'a fold ends on text, not on a blank line');
    }
  });
});
