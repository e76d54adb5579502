import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lsp-client';
import { makeLetter } from '../support/letters';

describe('suppression and fix-all through the server', () => {
  let client: TestClient;
  let folder: string;
  let letterUri: string;
  const text = makeLetter({
    items: [
      { title: 'Tizanidine 4mg #60', decision: 'Uphold' },
      { title: 'Norco 10/325mg #90', decision: 'Over turned', rationale: 'Function improved. The request is medically necessary.' },
    ],
  });

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'imr-suppress-'));
    writeFileSync(join(folder, 'letter.imr'), text);
    letterUri = pathToFileURL(join(folder, 'letter.imr')).toString();
    client = await TestClient.start({ rootUri: pathToFileURL(folder).toString() });
    await client.open(letterUri, text, 1);
  });
  after(async () => {
    await client.stop();
  });

  async function actionsFor(diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: letterUri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  }

  test('source.fixAll.imr applies every safe fix at once', async () => {
    await client.diagnostics(letterUri, (params) => params.version === 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: letterUri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.imr'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.imr');
    assert.deepEqual(
      actions[0].edit!.changes![letterUri].map((edit) => edit.newText),
      ['Upheld', 'Overturned'],
    );
  });

  test('"Ignore for this item" writes .imrlintrc.json, not the letter, and the finding goes away', async () => {
    const published = await client.diagnostics(letterUri, (params) => params.version === 1);
    const first = published.diagnostics.find((diagnostic) => diagnostic.code === 'item-decision' && diagnostic.range.start.line === text.split('\n').findIndex((line) => line.includes('Uphold')))!;
    const ignore = (await actionsFor(first)).find((action) => action.title === 'Ignore item-decision for this item');
    assert.ok(ignore?.command, 'offers the suppression');
    await client.request('workspace/executeCommand', ignore.command);
    const config = JSON.parse(readFileSync(join(folder, '.imrlintrc.json'), 'utf8'));
    assert.deepEqual(config.ignore, [{ rule: 'item-decision', item: 'Tizanidine 4mg #60' }]);
    assert.equal(readFileSync(join(folder, 'letter.imr'), 'utf8'), text, 'the letter is untouched');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(folder, '.imrlintrc.json')).toString(), type: 1 }] });
    const remaining = await client.diagnostics(letterUri, (params) => params.diagnostics.filter((diagnostic) => diagnostic.code === 'item-decision').length === 1);
    const [stillReported] = remaining.diagnostics.filter((diagnostic) => diagnostic.code === 'item-decision');
    assert.match(text.split('\n')[stillReported.range.start.line], /^Norco/, 'only the other item is still reported');
  });

  test('"Disable in this workspace" keeps what the config already had', async () => {
    const published = client.published.filter((params) => params.uri === letterUri).at(-1)!;
    const remaining = published.diagnostics.find((diagnostic) => diagnostic.code === 'item-decision')!;
    const disable = (await actionsFor(remaining)).find((action) => action.title === 'Disable item-decision in this workspace');
    await client.request('workspace/executeCommand', disable!.command);
    const config = JSON.parse(readFileSync(join(folder, '.imrlintrc.json'), 'utf8'));
    assert.deepEqual(config, { ignore: [{ rule: 'item-decision', item: 'Tizanidine 4mg #60' }], rules: { 'item-decision': 'off' } });
    const cleared = await client.diagnostics(letterUri, (params) => !params.diagnostics.some((diagnostic) => diagnostic.code === 'item-decision'));
    assert.ok(cleared);
  });

  test('a malformed config is never overwritten and gets its own diagnostic', async () => {
    const configPath = join(folder, '.imrlintrc.json');
    writeFileSync(configPath, '{ "rules": { "item-parts": "off" ');
    const configUri = pathToFileURL(configPath).toString();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const configDiagnostics = await client.diagnostics(configUri, (params) => params.diagnostics.length > 0);
    assert.match(configDiagnostics.diagnostics[0].message as string, /Not valid JSON/);
    // The defaults apply again: item-decision is back.
    const published = await client.diagnostics(letterUri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'item-decision'));
    const finding = published.diagnostics.find((diagnostic) => diagnostic.code === 'item-decision')!;
    const disable = (await actionsFor(finding)).find((action) => action.title === 'Disable item-decision in this workspace');
    await client.request('workspace/executeCommand', disable!.command);
    assert.equal(readFileSync(configPath, 'utf8'), '{ "rules": { "item-parts": "off" ', 'left unchanged');
    assert.match(client.messages.at(-1)?.message ?? '', /not valid JSON, so the suppression was not written/);
  });
});
