import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { EMPTY_CONFIG } from '../../../server/src/engine/config';
import { WorkspaceConfig } from '../../../server/src/host/workspace-config';
import { loadKnowledge } from '../../../server/src/knowledge';

/** An invented drug, so that only a knowledge file can make it known. */
const DRUGS = JSON.stringify({
  drugs: [{ id: 'zorvexa', generic: 'zorvexamine', brands: ['Zorvexa'], otherNames: [], classes: ['opioid'], sections: ['cp09-opioids'], mmeAgent: 'morphine' }],
});

/** Writes a file with a later modification time, however coarse the file system's clock. */
function rewrite(path: string, text: string): void {
  writeFileSync(path, text);
  const later = new Date(Date.now() + 10_000);
  utimesSync(path, later, later);
}

test('the nearest config file applies, read once for all the folders below it until it is forgotten', () => {
  const root = mkdtempSync(join(tmpdir(), 'imr-workspace-config-'));
  mkdirSync(join(root, 'a', 'b'), { recursive: true });
  const configPath = join(root, '.imrlintrc.json');
  writeFileSync(configPath, '{ "rules": { "phi": "off", "quantity": "loud" } }');
  const workspace = new WorkspaceConfig();

  const first = workspace.configFor(join(root, 'a', 'letter.imr'));
  assert.deepEqual(first.config.rules, { phi: 'off' });
  assert.equal(first.justRead?.path, configPath);
  assert.deepEqual(first.justRead?.problems.map((problem) => problem.path), ['rules.quantity']);
  // Another folder under the same file, and the same folder again: the file is already in use.
  assert.equal(workspace.configFor(join(root, 'a', 'b', 'letter.imr')).justRead, null);
  assert.equal(workspace.configFor(join(root, 'a', 'other.imr')).justRead, null);

  rewrite(configPath, '{ "rules": { "phi": "hint" } }');
  assert.deepEqual(workspace.configFor(join(root, 'a', 'letter.imr')).config.rules, { phi: 'off' }, 'cached until forgotten');
  workspace.forgetConfigFiles();
  const again = workspace.configFor(join(root, 'a', 'letter.imr'));
  assert.deepEqual(again.config.rules, { phi: 'hint' });
  assert.deepEqual(again.justRead?.problems, []);
});

test('a file with no config file above it gets the default config', () => {
  const workspace = new WorkspaceConfig();
  // The file system root has no config file, and the search starts and stops there.
  const found = workspace.configFor(resolve('/', 'letter.imr'));
  assert.equal(found.config, EMPTY_CONFIG);
  assert.equal(found.justRead, null);
});

test('knowledge files are read once, again when one changes on disk or is forgotten, and each problem is returned once', () => {
  const folder = mkdtempSync(join(tmpdir(), 'imr-workspace-knowledge-'));
  const drugs = join(folder, 'drugs.json');
  const broken = join(folder, 'broken.json');
  writeFileSync(drugs, DRUGS);
  writeFileSync(broken, '{ "drugs": ');
  const workspace = new WorkspaceConfig();

  const none = workspace.knowledgeFor([]);
  assert.equal(none.knowledge, loadKnowledge());
  assert.equal(none.justRead, false);

  const first = workspace.knowledgeFor([drugs, broken]);
  assert.equal(first.justRead, true);
  assert.equal(first.newProblems.length, 1);
  assert.match(first.newProblems[0], /broken\.json: not valid JSON/);
  assert.ok(first.knowledge.findDrug('Zorvexa'));

  const cached = workspace.knowledgeFor([drugs, broken]);
  assert.equal(cached.knowledge, first.knowledge);
  assert.equal(cached.justRead, false);

  rewrite(drugs, DRUGS.replace('zorvexamine', 'zorvexamine citrate'));
  const changed = workspace.knowledgeFor([drugs, broken]);
  assert.equal(changed.justRead, true);
  assert.notEqual(changed.knowledge, first.knowledge);
  assert.deepEqual(changed.newProblems, [], 'the broken file was already reported');

  workspace.forgetKnowledgeFile(broken);
  assert.equal(workspace.knowledgeFor([drugs, broken]).justRead, true);
  assert.equal(workspace.knowledgeFor([drugs]).justRead, true, 'another list of files is another knowledge base');
  workspace.forgetKnowledgeFiles();
  assert.equal(workspace.knowledgeFor([drugs]).justRead, true);
});

test('relative knowledge files are read from the innermost workspace folder holding the file, else from its own folder', () => {
  const workspace = new WorkspaceConfig();
  const root = resolve('/work/space');
  workspace.workspaceFolders = [root, join(root, 'nested')];
  assert.deepEqual(workspace.knowledgeFilePaths(join(root, 'nested', 'letters', 'a.imr'), ['org.json']), [join(root, 'nested', 'org.json')]);
  assert.deepEqual(workspace.knowledgeFilePaths(join(root, 'letters', 'a.imr'), ['org.json', resolve('/abs/org.json')]), [join(root, 'org.json'), resolve('/abs/org.json')]);
  assert.deepEqual(workspace.knowledgeFilePaths(resolve('/elsewhere/a.imr'), ['org.json']), [resolve('/elsewhere/org.json')]);
  assert.deepEqual(workspace.knowledgeFilePaths(null, ['org.json']), [resolve(process.cwd(), 'org.json')]);
});

test('the host layer, shared by the server and the CLI, uses no editor-protocol package', () => {
  const hostFolder = resolve(__dirname, '../../../server/src/host');
  const editorImports = readdirSync(hostFolder)
    .filter((name) => name.endsWith('.ts'))
    .filter((name) => /\bfrom\s*['"]vscode/.test(readFileSync(join(hostFolder, name), 'utf8')));
  assert.deepEqual(editorImports, []);
});
