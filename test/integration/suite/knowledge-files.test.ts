import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openLetter, positionOf, waitFor, workspaceUri } from '../helpers';

/** An organisation's drug, unknown to the built-in knowledge. */
function organisationDrugs(generic: string): Uint8Array {
  const data = { drugs: [{ id: 'zorvexa', generic, brands: ['Zorvexa'], otherNames: [], classes: ['opioid'], sections: ['cp09-opioids'] }] };
  return new TextEncoder().encode(JSON.stringify(data, null, 2));
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

describe('knowledge files (imr.knowledgeFiles)', () => {
  let knowledgeUri: vscode.Uri;
  let letterUri: vscode.Uri;

  before(async () => {
    knowledgeUri = workspaceUri('org-knowledge.json');
    letterUri = workspaceUri('zorvexa-letter.imr');
    const letter = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('fixtures', 'editable-letter.imr')));
    await vscode.workspace.fs.writeFile(letterUri, new TextEncoder().encode(letter.replace(/Lumbar support brace/g, 'Zorvexa 5mg #30')));
    await vscode.workspace.fs.writeFile(knowledgeUri, organisationDrugs('zorvexamine'));
    await vscode.workspace.getConfiguration('imr').update('knowledgeFiles', ['org-knowledge.json'], vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('imr').update('knowledgeFiles', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(letterUri);
    await vscode.workspace.fs.delete(knowledgeUri);
  });

  afterEach(closeAllEditors);

  it('an edited knowledge file is read again and the open letter reflects it, with no edit to the letter', async () => {
    const { document } = await openLetter('zorvexa-letter.imr');
    const drug = positionOf(document, 'Zorvexa 5mg').translate(0, 2);
    await waitFor('the hover to show the organisation drug', async () => ((await hoverText(document.uri, drug)).includes('zorvexamine') ? true : undefined));

    await vscode.workspace.fs.writeFile(knowledgeUri, organisationDrugs('zorvexamine citrate'));
    const text = await waitFor('the hover to show the edited entry', async () => {
      const hover = await hoverText(document.uri, drug);
      return hover.includes('zorvexamine citrate') ? hover : undefined;
    });
    assert.match(text, /opioid/);
    assert.equal(document.isDirty, false, 'the letter itself was not touched');
  });
});
