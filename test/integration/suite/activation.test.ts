import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, diagnosticCodes, EXTENSION_ID, openLetter, recordMeasurement, waitFor, workspaceUri } from '../helpers';

interface ExtensionApi {
  client?: { isRunning(): boolean; sendRequest<R>(method: string, params: unknown): Promise<R> };
  restartNotices?: () => number;
  activationMs?: number;
}

describe('activation', () => {
  afterEach(closeAllEditors);

  it('the installed extension activates and starts its language client once a letter is open', async () => {
    const extension = await activateExtension();
    assert.equal(extension.isActive, true);
    assert.equal(extension.id, EXTENSION_ID);
    const api = extension.exports as ExtensionApi | undefined;
    assert.ok(api?.client, 'activate() returns the language client');
    if (api.activationMs !== undefined) recordMeasurement('extension activation (activate() until it returns)', api.activationMs);
    const opened = performance.now();
    const document = await vscode.workspace.openTextDocument(workspaceUri('examples', 'draft-with-gaps.imr'));
    await vscode.window.showTextDocument(document);
    await waitFor('the first diagnostics', () => (vscode.languages.getDiagnostics(document.uri).length > 0 ? true : undefined));
    recordMeasurement('opening the first letter until its diagnostics show (server start included)', performance.now() - opened);
    assert.equal(api.client.isRunning(), true);
  });

  it('a killed server is restarted, the user is told once, and diagnostics come back', async () => {
    const extension = await activateExtension();
    const api = extension.exports as ExtensionApi;
    const editor = await openLetter('examples', 'draft-with-gaps.imr');
    const before = await api.client!.sendRequest<{ pid: number }>('imr/serverInfo', {});
    for (let crash = 0; crash < 2; crash++) {
      const { pid } = await api.client!.sendRequest<{ pid: number }>('imr/serverInfo', {});
      process.kill(pid, 'SIGKILL');
      await waitFor('a new server process', async () => {
        if (!api.client!.isRunning()) return undefined;
        const info = await api.client!.sendRequest<{ pid: number }>('imr/serverInfo', {});
        return info.pid !== pid ? info : undefined;
      });
    }
    const after = await api.client!.sendRequest<{ pid: number }>('imr/serverInfo', {});
    assert.notEqual(after.pid, before.pid);
    assert.equal(api.restartNotices?.(), 1, 'the user is told once, not at every crash');
    await waitFor('diagnostics from the restarted server', () => {
      const codes = diagnosticCodes(vscode.languages.getDiagnostics(editor.document.uri));
      return codes.includes('item-decision') ? codes : undefined;
    });
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
