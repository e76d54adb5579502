import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lsp-client';
import { makeLetter } from '../support/letters';

/*
 * Restricted Mode: the IMR client starts the server with `workspaceTrusted: false` in an untrusted
 * folder. Letters are still checked, but the folder's .imrlintrc.json and knowledge files are not read.
 */

const LETTER = makeLetter({
  items: [
    { title: 'Tizanidine 4mg #60', decision: 'Uphold' },
    { title: 'Zorvexin 15mg #60', decision: 'Upheld', rationale: 'There is no documented functional improvement. Therefore the request is not medically necessary.' },
    { title: 'MRI of the lumbar spine', decision: 'Upheld', rationale: null },
  ],
});
const KNOWLEDGE = JSON.stringify({ drugs: [{ id: 'zorvexin', generic: 'zorvexin', brands: ['Zorvexin'], otherNames: [], classes: ['muscle relaxant'], sections: [] }] });

async function checked(workspaceTrusted: boolean | undefined) {
  const folder = mkdtempSync(join(tmpdir(), 'imr-restricted-'));
  writeFileSync(join(folder, 'letter.imr'), LETTER);
  writeFileSync(join(folder, '.imrlintrc.json'), JSON.stringify({ rules: { 'item-decision': 'off' } }));
  writeFileSync(join(folder, 'org-drugs.json'), KNOWLEDGE);
  const client = await TestClient.start({
    rootUri: pathToFileURL(folder).toString(),
    settings: { knowledgeFiles: ['org-drugs.json'] },
    initializationOptions: workspaceTrusted === undefined ? undefined : { workspaceTrusted },
  });
  const uri = pathToFileURL(join(folder, 'letter.imr')).toString();
  await client.open(uri, LETTER);
  const { diagnostics } = await client.diagnostics(uri);
  const codes = diagnostics.map((diagnostic) => String(diagnostic.code));
  const actionsAt = (diagnostic: Diagnostic) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  return { client, folder, diagnostics, codes, actionsAt, done: async () => (await client.stop(), rmSync(folder, { recursive: true, force: true })) };
}

test('in Restricted Mode the folder\'s .imrlintrc.json and knowledge files are ignored, and no fix offers to write them', async () => {
  const restricted = await checked(false);
  try {
    assert.ok(restricted.codes.includes('item-decision'), `the config that turns it off is not read: ${restricted.codes.join(', ')}`);
    assert.ok(restricted.codes.includes('unknown-drug'), 'the knowledge file that names Zorvexin is not read');
    for (const diagnostic of restricted.diagnostics) {
      const titles = (await restricted.actionsAt(diagnostic)).map((action) => action.title);
      assert.ok(!titles.some((title) => /^(Ignore|Disable|Add ")/.test(title)), titles.join(' | '));
    }
    // The misspelt decision's own fix, which edits the letter, is still offered.
    const decision = restricted.diagnostics.find((diagnostic) => diagnostic.code === 'item-decision')!;
    assert.ok((await restricted.actionsAt(decision)).some((action) => action.edit), 'the text fix stays');
  } finally {
    await restricted.done();
  }
});

test('a trusted folder, and a client that does not say, read both', async () => {
  for (const trusted of [true, undefined]) {
    const letter = await checked(trusted);
    try {
      assert.ok(!letter.codes.includes('item-decision'), `trusted=${trusted}: ${letter.codes.join(', ')}`);
      assert.ok(!letter.codes.includes('unknown-drug'), `trusted=${trusted}: the knowledge file names Zorvexin`);
      assert.ok(letter.codes.includes('item-parts'), 'the checks still run');
      const titles = (await letter.actionsAt(letter.diagnostics[0])).map((action) => action.title);
      assert.ok(titles.some((title) => title.startsWith('Ignore ') || title.startsWith('Disable ')), titles.join(' | '));
    } finally {
      await letter.done();
    }
  }
});
