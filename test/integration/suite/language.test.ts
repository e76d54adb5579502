import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, codeOf, documentSymbols, flatten, settledDiagnostics, sleep, waitFor, waitForServer, workspaceUri } from '../helpers';

describe('language detection', () => {
  afterEach(closeAllEditors);

  it('a plain .txt letter is recognised as imr by its first line and gets analysed', async () => {
    await activateExtension();
    const opened = await vscode.workspace.openTextDocument(workspaceUri('examples', 'plain-text-letter.txt'));
    await vscode.window.showTextDocument(opened);
    assert.ok(opened.lineAt(0).text.startsWith('Case Number:'));
    // The language may be switched just after opening, which hands the editor a new document object.
    const document = await waitFor(
      `languageId imr (still "${opened.languageId}")`,
      () => vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === opened.uri.toString() && candidate.languageId === 'imr'),
      5_000,
    );
    await waitForServer(document);
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
