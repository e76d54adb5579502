import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openLetter, positionOf } from '../helpers';

async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list?.items ?? [];
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

describe('completion (vscode.executeCompletionItemProvider)', () => {
  afterEach(closeAllEditors);

  it('offers Upheld and Overturned after an item title colon', async () => {
    const editor = await openLetter('fixtures', 'editable-letter.imr');
    const { document } = editor;
    const decision = positionOf(document, 'Upheld');
    assert.ok(await editor.edit((builder) => builder.delete(new vscode.Range(decision, decision.translate(0, 'Upheld'.length)))));
    assert.equal(document.lineAt(decision.line).text, 'Lumbar support brace: ');

    const items = await completionLabels(document.uri, decision);
    const decisions = items.filter((item) => ['Upheld', 'Overturned'].includes(labelOf(item)));
    assert.deepEqual(decisions.map(labelOf).sort(), ['Overturned', 'Upheld']);
    const upheld = decisions.find((item) => labelOf(item) === 'Upheld')!;
    assert.equal(upheld.detail, 'IMR decision');
    const documentation = typeof upheld.documentation === 'string' ? upheld.documentation : upheld.documentation?.value;
    assert.match(documentation ?? '', /not medically necessary/);
  });

  it('offers MTUS section names after "Section(s):" on a MAXIMUS guideline line', async () => {
    const editor = await openLetter('examples', 'complete-letter.imr');
    const { document } = editor;
    const cited = positionOf(document, 'Opioids, criteria for use, Page(s)');
    const typed = 'Opioids, crit';
    const replaced = new vscode.Range(cited, cited.translate(0, 'Opioids, criteria for use'.length));
    assert.ok(await editor.edit((builder) => builder.replace(replaced, typed)));
    const items = await completionLabels(document.uri, cited.translate(0, typed.length));
    const wanted = items.find((item) => labelOf(item) === 'Opioids, criteria for use');
    assert.ok(wanted, `got ${items.map(labelOf).slice(0, 20).join(' | ')}`);
    // Section names contain commas and spaces, so the completion must replace everything typed since "Section(s):".
    const range = wanted.range instanceof vscode.Range ? wanted.range : wanted.range?.replacing;
    assert.ok(range, 'the completion says what it replaces');
    assert.equal(document.getText(range), typed);
  });
});
