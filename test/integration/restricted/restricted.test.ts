import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, diagnosticCodes, openLetter, waitFor } from '../helpers';

/*
 * Run by the code-server harness in a second window whose folder is not trusted (Restricted Mode),
 * with a letter and a .imrlintrc.json that turns a check off.
 */

interface ExtensionApi {
  restrictedNotices?: () => number;
}

describe('Restricted Mode (an untrusted folder)', () => {
  it('the folder is untrusted, and the extension still runs', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness opens this folder in Restricted Mode');
    const extension = await activateExtension();
    assert.equal(extension.isActive, true);
  });

  it('a letter is checked, the folder\'s .imrlintrc.json is ignored, and the user is told once', async () => {
    const extension = await activateExtension();
    const api = extension.exports as ExtensionApi;
    const editor = await openLetter('letter.imr');
    // The folder's config turns item-decision off; in Restricted Mode it is not read.
    const codes = await waitFor('diagnostics in Restricted Mode', () => {
      const found = diagnosticCodes(vscode.languages.getDiagnostics(editor.document.uri));
      return found.includes('item-decision') ? found : undefined;
    });
    assert.ok(codes.length > 1, codes.join(', '));
    await openLetter('second.imr');
    assert.equal(api.restrictedNotices?.(), 1, 'told once, not for every letter');
    // Quick fixes that would write the ignored config are not offered; text fixes are.
    const decision = vscode.languages.getDiagnostics(editor.document.uri).find((diagnostic) => String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code) === 'item-decision')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, decision.range);
    const titles = actions.map((action) => action.title);
    assert.ok(!titles.some((title) => title.startsWith('Ignore ') || title.startsWith('Disable ')), titles.join(' | '));
  });
});
