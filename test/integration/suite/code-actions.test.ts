import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, openLetter, waitFor, waitForDiagnostics } from '../helpers';

async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  return (actions ?? []).filter((action): action is vscode.CodeAction => 'title' in action && !('command' in action && typeof action.command === 'string'));
}

describe('code actions (vscode.executeCodeActionProvider)', () => {
  afterEach(closeAllEditors);

  it('offers the preferred fix for a misspelt decision, and applying it clears the diagnostic', async () => {
    const { document } = await openLetter('examples', 'draft-with-gaps.imr');
    const diagnostics = await waitForDiagnostics(document.uri, 'item-decision', (found) => found.some((diagnostic) => codeOf(diagnostic) === 'item-decision'));
    const decision = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'item-decision')!;

    const actions = await codeActionsAt(document.uri, decision.range);
    const fix = actions.find((action) => action.title === 'Change to "Upheld"');
    assert.ok(fix, `no "Change to Upheld" fix among: ${actions.map((action) => action.title).join(' | ')}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.ok(actions.some((action) => action.title === 'Ignore item-decision for this item'), 'the finding can be ignored for the item');

    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.match(document.lineAt(decision.range.start.line).text, /^Tizanidine 4mg #60 with refills: Upheld$/);
    await waitForDiagnostics(document.uri, 'the item-decision diagnostic to go', (found) => !found.some((diagnostic) => codeOf(diagnostic) === 'item-decision'));
  });

  it('offers "Fix all safe IMR problems" as source.fixAll.imr', async () => {
    const { document } = await openLetter('examples', 'draft-with-gaps.imr');
    await waitForDiagnostics(document.uri, 'item-decision', (found) => found.some((diagnostic) => codeOf(diagnostic) === 'item-decision'));
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await codeActionsAt(document.uri, whole, 'source.fixAll.imr');
    const fixAll = actions.find((action) => action.title === 'Fix all safe IMR problems');
    assert.ok(fixAll, `got: ${actions.map((action) => action.title).join(' | ')}`);
    assert.ok(fixAll.edit);
    const edits = fixAll.edit.get(document.uri);
    assert.ok(edits.some((edit) => edit.newText === 'Upheld' && document.getText(edit.range) === 'Uphold'));
  });

  it('"Ignore for this item" writes the project config and silences the finding', async () => {
    const { document } = await openLetter('fixtures', 'ignore', 'unfinished-item.imr');
    const diagnostics = await waitForDiagnostics(document.uri, 'item-decision', (found) => found.some((diagnostic) => codeOf(diagnostic) === 'item-decision'));
    const decision = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'item-decision')!;
    const actions = await codeActionsAt(document.uri, decision.range);
    const ignore = actions.find((action) => action.title === 'Ignore item-decision for this item');
    assert.ok(ignore?.command, `got: ${actions.map((action) => action.title).join(' | ')}`);

    await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
    const configUri = vscode.Uri.joinPath(document.uri, '..', '.imrlintrc.json');
    // The server may write the file itself or hand VS Code an edit to apply; either way it must say the same.
    const written = await waitFor('the suppression in .imrlintrc.json', async () => {
      const open = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === configUri.toString());
      if (open?.isDirty) assert.equal(await open.save(), true);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri));
      return text.includes('Hinged ankle brace') ? JSON.parse(text) : undefined;
    });
    assert.deepEqual(written.ignore, [{ rule: 'item-decision', item: 'Hinged ankle brace for the right ankle' }]);
    await waitForDiagnostics(document.uri, 'the ignored finding to go', (found) => !found.some((diagnostic) => codeOf(diagnostic) === 'item-decision'));
  });
});
