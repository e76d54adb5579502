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

  it('after a restart, the server still hears of file changes: a new .imrlintrc.json, and a deleted folder of listed letters', async () => {
    const extension = await activateExtension();
    const api = extension.exports as ExtensionApi;
    const folder = workspaceUri('fixtures', 'after-restart');
    const letter = vscode.Uri.joinPath(folder, 'letter.imr');
    const closed = vscode.Uri.joinPath(folder, 'listed', 'closed.imr');
    const draft = await vscode.workspace.fs.readFile(workspaceUri('examples', 'draft-with-gaps.imr'));
    await vscode.workspace.fs.writeFile(letter, draft);
    await vscode.workspace.fs.writeFile(closed, draft);
    try {
      const { pid } = await api.client!.sendRequest<{ pid: number }>('imr/serverInfo', {});
      await vscode.commands.executeCommand('imr.restartServer');
      await waitFor('the restarted server', async () => (api.client!.isRunning() && (await api.client!.sendRequest<{ pid: number }>('imr/serverInfo', {})).pid !== pid ? true : undefined));
      const editor = await openLetter('fixtures', 'after-restart', 'letter.imr');
      await waitFor('the letter\'s item-decision finding', () => (diagnosticCodes(vscode.languages.getDiagnostics(editor.document.uri)).includes('item-decision') ? true : undefined));
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, '.imrlintrc.json'), new TextEncoder().encode('{ "rules": { "item-decision": "off" } }\n'));
      await waitFor('the config file to turn item-decision off', () => (diagnosticCodes(vscode.languages.getDiagnostics(editor.document.uri)).includes('item-decision') ? undefined : true));
      // Lint Workspace lists the closed letter; deleting its folder (reported as the folder alone) clears it.
      await vscode.commands.executeCommand('imr.lintWorkspace');
      await waitFor('the closed letter listed', () => (vscode.languages.getDiagnostics(closed).length > 0 ? true : undefined));
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'listed'), { recursive: true });
      await waitFor('the deleted folder\'s letter cleared', () => (vscode.languages.getDiagnostics(closed).length === 0 ? true : undefined));
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(folder, { recursive: true });
      // The other letters Lint Workspace listed go with the server; the later suites expect only open letters'.
      await vscode.commands.executeCommand('imr.restartServer');
    }
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
