import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openLetter, positionOf } from '../helpers';

describe('go to definition (vscode.executeDefinitionProvider)', () => {
  afterEach(closeAllEditors);

  it('a cited section opens its knowledge entry as a read-only document', async () => {
    const { document } = await openLetter('examples', 'complete-letter.imr');
    const position = positionOf(document, 'criteria for use, Page(s): 76-80').translate(0, 3);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
    assert.ok(locations?.length, 'a definition is found');
    const first = locations[0];
    const uri = 'targetUri' in first ? first.targetUri : first.uri;
    assert.equal(uri.scheme, 'imr-knowledge');
    // The document goes through VS Code's own URI encoding and back to the server.
    const entry = await vscode.workspace.openTextDocument(uri);
    assert.match(entry.getText(), /Opioids, criteria for use/);
    assert.doesNotMatch(entry.getText(), /not available/);
  });
});
