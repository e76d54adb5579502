import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, EXTENSION_ID, openLetter } from '../helpers';

describe('activation', () => {
  afterEach(closeAllEditors);

  it('the installed extension activates and starts its language client', async () => {
    const extension = await activateExtension();
    assert.equal(extension.isActive, true);
    assert.equal(extension.id, EXTENSION_ID);
    const api = extension.exports as { client?: { isRunning(): boolean } } | undefined;
    assert.ok(api?.client, 'activate() returns the language client');
    assert.equal(api.client.isRunning(), true);
  });

  it('an .imr file opens with the imr language', async () => {
    const editor = await openLetter('examples', 'complete-letter.imr');
    assert.equal(editor.document.languageId, 'imr');
  });

  it('the extension commands are registered', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('imr.restartServer'));
    assert.ok(commands.includes('imr.showOutput'));
  });
});
