import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, documentSymbols, flatten, openLetter, settledDiagnostics, sleep, workspaceUri } from '../helpers';

describe('language detection', () => {
  afterEach(closeAllEditors);

  it('a plain .txt letter is recognised as imr by its first line and gets analysed', async () => {
    const { document } = await openLetter('examples', 'plain-text-letter.txt');
    assert.equal(document.languageId, 'imr');
    assert.ok(document.lineAt(0).text.startsWith('Case Number:'));
    const symbols = flatten((await documentSymbols(document)) ?? []);
    assert.ok(symbols.some((symbol) => symbol.name === 'IMR ISSUES, DECISIONS AND RATIONALES'));
  });

  it('an ordinary .txt file stays plain text and gets no IMR diagnostics', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri('fixtures', 'grocery-list.txt'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'plaintext');
    await sleep(1_000);
    const diagnostics = await settledDiagnostics(document.uri, 500);
    assert.deepEqual(diagnostics.map(codeOf), []);
  });
});
