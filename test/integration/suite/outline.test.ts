import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, documentSymbols, openLetter } from '../helpers';

const ISSUES = 'IMR ISSUES, DECISIONS AND RATIONALES';

async function outlineOf(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
  const symbols = await documentSymbols(document);
  assert.ok(symbols, 'the outline is empty');
  return symbols;
}

describe('outline (vscode.executeDocumentSymbolProvider)', () => {
  afterEach(closeAllEditors);

  it('lists the header and the three sections in reading order', async () => {
    const { document } = await openLetter('examples', 'complete-letter.imr');
    const symbols = await outlineOf(document);
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['Header', 'HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', ISSUES],
    );
    const header = symbols[0];
    const text = document.getText();
    assert.equal(header.detail, /Case Number:\s*(\S+)/.exec(text)?.[1]);
    const decisionDate = /Decision Date:\s*(\S+)/.exec(text)?.[1];
    assert.ok(
      header.children.some((field) => field.name === 'Decision Date' && field.detail === decisionDate),
      `no "Decision Date ${decisionDate}" among ${header.children.map((field) => `${field.name} ${field.detail}`).join(' | ')}`,
    );
    for (let index = 1; index < symbols.length; index++) {
      assert.ok(symbols[index].range.start.isAfterOrEqual(symbols[index - 1].range.start), 'symbols follow the text');
    }
  });

  it('puts each disputed item inside the issues section with its decision as detail', async () => {
    const { document } = await openLetter('examples', 'complete-letter.imr');
    const issues = (await outlineOf(document)).find((symbol) => symbol.name === ISSUES);
    assert.ok(issues);
    assert.equal(issues.detail, '3 items: 2 Upheld, 1 Overturned');
    assert.deepEqual(
      issues.children.map((item) => [item.name, item.detail]),
      [
        ['Norco 10/325mg #90', 'Overturned'],
        ['Cyclobenzaprine 7.5mg #60 with two refills', 'Upheld'],
        ['Six sessions of physical therapy for the cervical spine', 'Upheld'],
      ],
    );
    for (const item of issues.children) {
      assert.equal(item.kind, vscode.SymbolKind.Event);
      assert.ok(issues.range.contains(item.range), `${item.name} sits inside the issues section`);
      assert.deepEqual(
        item.children.map((part) => part.name),
        ['Claims Administrator guideline', 'MAXIMUS guideline', 'Decision rationale'],
      );
      assert.equal(document.getText(item.selectionRange), item.name, 'picking an item selects its title');
    }
  });

  it('shows a misspelt decision and a missing part as they are in the draft', async () => {
    const { document } = await openLetter('examples', 'draft-with-gaps.imr');
    const issues = (await outlineOf(document)).find((symbol) => symbol.name === ISSUES);
    assert.ok(issues);
    const byName = new Map(issues.children.map((item) => [item.name, item]));
    assert.equal(byName.get('Oxycodone 10mg #120')?.detail, 'Upheld');
    assert.equal(byName.get('Tizanidine 4mg #60 with refills')?.detail, 'Uphold (not a decision)');
    const evaluation = byName.get('Functional capacity evaluation');
    assert.ok(evaluation);
    assert.deepEqual(
      evaluation.children.map((part) => part.name),
      ['Claims Administrator guideline', 'Decision rationale'],
    );
  });
});
