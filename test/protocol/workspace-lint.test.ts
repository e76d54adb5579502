import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lsp-client';
import { makeLetter } from '../support/letters';
import { EXPORT_SUMMARY_REQUEST, LINT_WORKSPACE_REQUEST, QA_REPORT_REQUEST } from '../../server/src/lsp/requests';
import type { WorkspaceLintResult } from '../../server/src/lsp/workspace-lint';

const good = makeLetter();
const bad = makeLetter({ items: [{ title: 'Tizanidine 4mg #60', decision: 'Uphold' }] });

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'imr-workspace-lint-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

const uriOf = (folder: string, name: string) => pathToFileURL(join(folder, name)).toString();
const codes = (client: TestClient, uri: string) => client.published.filter((params) => params.uri === uri).at(-1)?.diagnostics.map((diagnostic) => diagnostic.code);

test('Lint Workspace analyses every letter of the folder, closed ones too, with work-done progress; a changed file is linted again and a deleted one cleared', async () => {
  const folder = folderWith({ 'a.imr': bad, 'sub/b.imr': good, 'c.txt': bad, 'notes.txt': 'Groceries: milk, eggs.\n' });
  const client = await TestClient.start({ rootUri: pathToFileURL(folder).toString() });
  try {
    const result = await client.request<WorkspaceLintResult>(LINT_WORKSPACE_REQUEST, {});
    assert.deepEqual({ ...result, findings: undefined }, { files: 3, analysed: 3, findings: undefined, cancelled: false, unreadable: [] });
    assert.ok(codes(client, uriOf(folder, 'a.imr'))?.includes('item-decision'), 'the closed letter with a misspelt decision is listed');
    assert.ok(codes(client, uriOf(folder, 'c.txt'))?.includes('item-decision'), 'a .txt letter, recognised by its first line');
    assert.ok(codes(client, uriOf(folder, 'sub/b.imr')), 'a letter in a subfolder');
    assert.equal(codes(client, uriOf(folder, 'notes.txt')), undefined, 'a plain .txt file is not a letter');
    const kinds = client.progress.map((entry) => entry.value.kind);
    assert.deepEqual([kinds[0], kinds[1], kinds.at(-1)], ['create', 'begin', 'end']);
    assert.ok(kinds.includes('report'));
    assert.equal(client.progress[1].value.cancellable, true);

    // The file is fixed on disk: its findings follow it, and no open letter is touched.
    writeFileSync(join(folder, 'a.imr'), good);
    const fixed = client.diagnostics(uriOf(folder, 'a.imr'), (params) => !params.diagnostics.some((diagnostic) => diagnostic.code === 'item-decision'));
    await client.filesChanged([uriOf(folder, 'a.imr')]);
    await fixed;
    rmSync(join(folder, 'c.txt'));
    const cleared = client.diagnostics(uriOf(folder, 'c.txt'), (params) => params.diagnostics.length === 0);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(folder, 'c.txt'), type: 3 }] });
    await cleared;
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a deleted or renamed folder takes the listed findings of the letters in it, which the client reports as the folder alone', async () => {
  const folder = folderWith({ 'keep.imr': bad, 'batch/a.imr': bad, 'batch/deeper/b.txt': bad, 'batch-2/c.imr': bad });
  const client = await TestClient.start({ rootUri: pathToFileURL(folder).toString() });
  try {
    await client.request<WorkspaceLintResult>(LINT_WORKSPACE_REQUEST, {});
    for (const name of ['keep.imr', 'batch/a.imr', 'batch/deeper/b.txt', 'batch-2/c.imr']) assert.ok(codes(client, uriOf(folder, name))?.includes('item-decision'), name);
    rmSync(join(folder, 'batch'), { recursive: true });
    const clearedA = client.diagnostics(uriOf(folder, 'batch/a.imr'), (params) => params.diagnostics.length === 0);
    const clearedB = client.diagnostics(uriOf(folder, 'batch/deeper/b.txt'), (params) => params.diagnostics.length === 0);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(folder, 'batch'), type: 3 }] });
    await Promise.all([clearedA, clearedB]);
    // Another folder whose name starts the same, and the letter beside it, keep theirs.
    assert.ok(codes(client, uriOf(folder, 'batch-2/c.imr'))?.includes('item-decision'));
    assert.ok(codes(client, uriOf(folder, 'keep.imr'))?.includes('item-decision'));
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a deleted folder takes its .imrlintrc.json with it: a letter still open from it is checked with the defaults again', async () => {
  const folder = folderWith({ 'batch/.imrlintrc.json': JSON.stringify({ rules: { 'item-decision': 'off' } }), 'batch/a.imr': bad });
  const client = await TestClient.start({ rootUri: pathToFileURL(folder).toString() });
  try {
    const uri = uriOf(folder, 'batch/a.imr');
    await client.open(uri, bad, 1);
    const quiet = await client.diagnostics(uri, (params) => params.version === 1);
    assert.ok(!quiet.diagnostics.some((diagnostic) => diagnostic.code === 'item-decision'), 'the folder\'s config turns the check off');
    rmSync(join(folder, 'batch'), { recursive: true });
    const loud = client.diagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'item-decision'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(folder, 'batch'), type: 3 }] });
    await loud;
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('Lint Workspace can be cancelled, and the editor\'s requests are answered while it runs', async () => {
  const files: Record<string, string> = {};
  for (let index = 0; index < 300; index++) files[`batch/letter-${String(index).padStart(3, '0')}.imr`] = index % 2 ? good : bad;
  const folder = folderWith(files);
  const client = await TestClient.start({ rootUri: pathToFileURL(folder).toString() });
  try {
    const open = 'file:///virtual/open.imr';
    await client.open(open, bad);
    await client.diagnostics(open);
    const source = new CancellationTokenSource();
    const running = client.connection.sendRequest<WorkspaceLintResult>(LINT_WORKSPACE_REQUEST, {}, source.token);
    // Once it has started on the letters, an outline request on the open letter is answered before it ends.
    while (!client.progress.some((entry) => entry.value.kind === 'report')) await new Promise((resolve) => setTimeout(resolve, 5));
    let finished = false;
    void running.then(() => (finished = true), () => (finished = true));
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: open } });
    assert.ok(symbols.length > 0);
    assert.equal(finished, false, 'the outline came while the workspace was still being linted');
    source.cancel();
    const result = await running;
    assert.equal(result.cancelled, true);
    assert.ok(result.analysed < result.files, `${result.analysed} of ${result.files} analysed`);
    assert.equal(client.progress.at(-1)?.value.kind, 'end');
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('Export Summary of the workspace: every letter, open ones as the editor has them, named by their path in the folder', async () => {
  const folder = folderWith({ 'a.imr': bad, 'sub/b.txt': good, 'notes.txt': 'Groceries\n' });
  const client = await TestClient.start({ rootUri: pathToFileURL(folder).toString() });
  try {
    // The open copy of b has a misspelt decision the file does not have yet.
    await client.open(uriOf(folder, 'sub/b.txt'), bad);
    const csv = await client.request<string>(EXPORT_SUMMARY_REQUEST, { workspace: true, format: 'csv' });
    const lines = csv.split('\r\n').filter(Boolean);
    const header = lines[0].split(',');
    assert.deepEqual(header.slice(0, 3), ['File', 'Case number', 'Item']);
    const decisionColumn = header.indexOf('item-decision');
    assert.deepEqual(lines.slice(1).map((line) => [line.split(',')[0], line.split(',')[2], line.split(',')[decisionColumn]]), [
      ['a.imr', 'Tizanidine 4mg #60', '1'],
      ['sub/b.txt', 'Tizanidine 4mg #60', '1'],
    ]);
    await assert.rejects(client.request(EXPORT_SUMMARY_REQUEST, { workspace: true, format: 'xlsx' }), /unknown summary format/);
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the QA report of the workspace: one page with every letter, findings linked to their file and line', async () => {
  const folder = folderWith({ 'a.imr': bad, 'sub/b.imr': good });
  const client = await TestClient.start({ rootUri: pathToFileURL(folder).toString() });
  try {
    const html = await client.request<string>(QA_REPORT_REQUEST, {});
    assert.match(html, /<title>IMR QA report: workspace<\/title>/);
    assert.match(html, /<span class="number">2<\/span> letters/);
    assert.match(html, /<summary>a\.imr · /);
    assert.match(html, /<summary>sub\/b\.imr · /);
    const link = new RegExp(`href="${uriOf(folder, 'a.imr').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#L\\d+"`);
    assert.match(html, link);
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});
