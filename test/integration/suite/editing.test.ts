import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, documentSymbols, openLetter, settledDiagnostics, waitFor, waitForDiagnostics } from '../helpers';

const ISSUES = 'IMR ISSUES, DECISIONS AND RATIONALES';

async function itemsInOutline(document: vscode.TextDocument): Promise<[string, string | undefined][]> {
  const symbols = (await documentSymbols(document)) ?? [];
  const issues = symbols.find((symbol) => symbol.name === ISSUES);
  return (issues?.children ?? []).map((item) => [item.name, item.detail]);
}

describe('editing', () => {
  afterEach(closeAllEditors);

  it('typing a new item updates diagnostics and the outline; undoing it restores them', async () => {
    const editor = await openLetter('fixtures', 'editable-letter.imr');
    const { document } = editor;
    const before = await settledDiagnostics(document.uri);
    assert.deepEqual(before.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error).map(codeOf), []);
    assert.deepEqual(await itemsInOutline(document), [['Lumbar support brace', 'Upheld']]);

    const end = document.lineAt(document.lineCount - 1).range.end;
    assert.ok(await editor.edit((builder) => builder.insert(end, '\n\nHome TENS unit: Overturn\n')));

    const after = await waitForDiagnostics(document.uri, 'the new item to be checked', (found) =>
      found.some((diagnostic) => codeOf(diagnostic) === 'item-decision') && found.some((diagnostic) => codeOf(diagnostic) === 'item-parts'),
    );
    const newLine = document.lineCount - 2;
    assert.equal(document.lineAt(newLine).text, 'Home TENS unit: Overturn');
    const decision = after.find((diagnostic) => codeOf(diagnostic) === 'item-decision')!;
    assert.equal(decision.range.start.line, newLine);
    assert.match(decision.message, /Overturned/);
    const parts = after.filter((diagnostic) => codeOf(diagnostic) === 'item-parts');
    assert.equal(parts.length, 3, 'the new item lacks both guideline lines and the rationale');
    await waitFor('the outline to show the new item', async () => {
      const items = await itemsInOutline(document);
      return items.length === 2 ? items : undefined;
    });
    assert.deepEqual(await itemsInOutline(document), [
      ['Lumbar support brace', 'Upheld'],
      ['Home TENS unit', 'Overturn (not a decision)'],
    ]);

    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(document.uri, 'the findings of the removed item to go', (found) =>
      !found.some((diagnostic) => codeOf(diagnostic) === 'item-decision' || codeOf(diagnostic) === 'item-parts'),
    );
    assert.equal(document.isDirty, false);
  });

  it('an untitled imr document is analysed as it is typed', async () => {
    await openLetter('fixtures', 'editable-letter.imr');
    const source = vscode.window.activeTextEditor!.document.getText();
    const document = await vscode.workspace.openTextDocument({ language: 'imr', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), source)));
    await waitFor('the untitled letter to be outlined', async () => ((await itemsInOutline(document)).length === 1 ? true : undefined));
    const withoutSummary = source.replace('CLINICAL CASE SUMMARY', 'CLINICAL NOTES');
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    assert.ok(await editor.edit((builder) => builder.replace(whole, withoutSummary)));
    const diagnostics = await waitForDiagnostics(document.uri, 'missing-section', (found) => found.some((diagnostic) => codeOf(diagnostic) === 'missing-section'));
    assert.match(diagnostics.find((diagnostic) => codeOf(diagnostic) === 'missing-section')!.message, /CLINICAL CASE SUMMARY/);
  });
});
