import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { CodeAction, Hover, Location, MarkupContent, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lsp-client';
import { makeLetter } from '../support/letters';
import { waitFor } from '../support/polling';

const ORGANISATION_DRUGS = JSON.stringify({
  drugs: [{ id: 'zorvexa', generic: 'zorvexamine', brands: ['Zorvexa'], otherNames: [], classes: ['opioid'], sections: ['cp09-opioids'], mmeAgent: 'morphine' }],
});

function positionIn(text: string, needle: string, delta = 1) {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

test('go to definition on a citation opens its knowledge entry as a virtual document', async () => {
  const client = await TestClient.start();
  try {
    const uri = 'file:///virtual/definition.imr';
    const text = makeLetter();
    await client.open(uri, text);
    const locations = await client.request<Location | Location[] | null>('textDocument/definition', { textDocument: { uri }, position: positionIn(text, 'Muscle relaxants (for pain)', 3) });
    const location = Array.isArray(locations) ? locations[0] : locations;
    assert.ok(location, 'a definition is returned');
    assert.match(location.uri, /^imr-knowledge:\/section\/[a-z0-9-]+\.md\?letter=/);
    const markdown = await client.request<string | null>('imr/knowledgeEntry', { uri: location.uri });
    assert.match(markdown ?? '', /Muscle relaxants/i);
  } finally {
    await client.stop();
  }
});

test('citation-page reports a page outside the cited section and offers the right pages', async () => {
  const client = await TestClient.start();
  try {
    const uri = 'file:///virtual/pages.imr';
    const text = makeLetter({ items: [{ title: 'Klonopin 0.5mg #30', maximus: 'Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Benzodiazepines, Page(s): 99.' }] }).replace(
      /12\/20\/2016|02\/01\/2017|01\/05\/2017|12\/28\/2016/g,
      (date) => date.replace(/201[67]/, '2015'),
    );
    await client.open(uri, text);
    const published = await client.diagnostics(uri);
    const page = published.diagnostics.find((diagnostic) => diagnostic.code === 'citation-page');
    assert.ok(page, `codes: ${published.diagnostics.map((diagnostic) => diagnostic.code).join(', ')}`);
    const lines = text.split('\n');
    assert.equal(lines[page.range.start.line].slice(page.range.start.character, page.range.end.character), '99');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: page.range, context: { diagnostics: [page] } });
    const fix = actions.find((action) => action.edit?.changes?.[uri]?.[0]?.newText === '24');
    assert.ok(fix, `actions: ${actions.map((action) => action.title).join(' | ')}`);
  } finally {
    await client.stop();
  }
});

test('imr.knowledgeFiles adds entries; an invalid file is named in an error and built-in knowledge still works', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'imr-knowledge-'));
  writeFileSync(join(folder, 'org-drugs.json'), ORGANISATION_DRUGS);
  writeFileSync(join(folder, 'broken.json'), '{ "drugs": ');
  const text = makeLetter({ items: [{ title: 'Zorvexa 5mg #30' }] });
  writeFileSync(join(folder, 'letter.imr'), text);
  const client = await TestClient.start({ rootUri: pathToFileURL(folder).toString(), settings: { knowledgeFiles: ['org-drugs.json', 'broken.json'] } });
  try {
    const uri = pathToFileURL(join(folder, 'letter.imr')).toString();
    await client.open(uri, text);
    await client.diagnostics(uri);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionIn(text, 'Zorvexa 5mg', 2) });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /zorvexamine/);
    const sectionHover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionIn(text, 'Muscle relaxants', 2) });
    assert.ok(sectionHover, 'built-in knowledge still answers');
    assert.ok(
      client.messages.some((message) => message.message.includes('broken.json') && /not valid JSON/.test(message.message)),
      `messages: ${client.messages.map((message) => message.message).join(' | ')}`,
    );
  } finally {
    await client.stop();
  }
});

function hoverText(client: TestClient, uri: string, text: string, needle: string): Promise<string> {
  return client
    .request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionIn(text, needle, 2) })
    .then((hover) => (hover?.contents as MarkupContent | undefined)?.value ?? '');
}

/** Rewrites a knowledge file with a later modification time, however coarse the file system's clock. */
function rewrite(path: string, text: string): void {
  writeFileSync(path, text);
  const later = new Date(Date.now() + 10_000);
  utimesSync(path, later, later);
}

/** A letter naming the organisation's drug, open and checked in a workspace folder holding `files`, with `knowledgeFiles` set. */
async function letterWithKnowledge(files: Record<string, string>, knowledgeFiles: string[], options: { watchesFiles?: boolean } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'imr-knowledge-files-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  const text = makeLetter({ items: [{ title: 'Zorvexa 5mg #30' }] });
  const uri = pathToFileURL(join(folder, 'letter.imr')).toString();
  const client = await TestClient.start({ rootUri: pathToFileURL(folder).toString(), settings: { knowledgeFiles }, watchesFiles: options.watchesFiles });
  try {
    await client.open(uri, text);
    await client.diagnostics(uri);
  } catch (error) {
    await client.stop();
    throw error;
  }
  return {
    folder,
    client,
    hover: () => hoverText(client, uri, text, 'Zorvexa 5mg'),
    published: () => client.published.filter((params) => params.uri === uri).length,
    /** Resolves once the letter's diagnostics have been published again, after `count` publications. */
    checkedAgain: (count: number) => client.diagnostics(uri, () => client.published.filter((params) => params.uri === uri).length > count),
  };
}

const CHANGED_DRUGS = ORGANISATION_DRUGS.replace('zorvexamine', 'zorvexamine citrate');

test('a knowledge file is watched: when it changes on disk, open letters are checked again with the new entries', async () => {
  // Glob characters in the name must be matched literally.
  const letter = await letterWithKnowledge({ 'org-drugs[2].json': ORGANISATION_DRUGS }, ['org-drugs[2].json']);
  try {
    const knowledgePath = join(letter.folder, 'org-drugs[2].json');
    assert.match(await letter.hover(), /zorvexamine/);
    const watchers = letter.client.registrations
      .filter((registration) => registration.method === 'workspace/didChangeWatchedFiles')
      .flatMap((registration) => (registration.registerOptions as { watchers: { globPattern: unknown }[] }).watchers);
    assert.deepEqual(watchers, [{ globPattern: { baseUri: pathToFileURL(letter.folder).toString(), pattern: 'org-drugs[[]2[]].json' } }]);

    rewrite(knowledgePath, CHANGED_DRUGS);
    const publishedBefore = letter.published();
    await letter.client.filesChanged([pathToFileURL(knowledgePath).toString()]);
    await letter.checkedAgain(publishedBefore);
    assert.match(await letter.hover(), /zorvexamine citrate/);
  } finally {
    await letter.client.stop();
  }
});

test('after a settings change, only the knowledge files now named are used and watched', async () => {
  const letter = await letterWithKnowledge({ 'first.json': ORGANISATION_DRUGS, 'second.json': CHANGED_DRUGS }, ['first.json']);
  try {
    assert.doesNotMatch(await letter.hover(), /citrate/);
    assert.deepEqual(watchedPatterns(letter.client), ['first.json']);

    const publishedBefore = letter.published();
    await letter.client.settingsChanged({ knowledgeFiles: ['second.json'] });
    await letter.checkedAgain(publishedBefore);
    assert.match(await letter.hover(), /zorvexamine citrate/);
    await waitFor('only the file now named to be watched', async () => (watchedPatterns(letter.client).join() === 'second.json' ? true : undefined));
  } finally {
    await letter.client.stop();
  }
});

/** The file patterns of the file watchers the server has registered with the client and not unregistered. */
function watchedPatterns(client: TestClient): string[] {
  return client.registrations
    .filter((registration) => registration.method === 'workspace/didChangeWatchedFiles')
    .flatMap((registration) => (registration.registerOptions as { watchers: { globPattern: { pattern: string } }[] }).watchers)
    .map((watcher) => watcher.globPattern.pattern);
}

test('for a client that cannot watch files, the server notices a changed knowledge file itself', async () => {
  const letter = await letterWithKnowledge({ 'org-drugs.json': ORGANISATION_DRUGS }, ['org-drugs.json'], { watchesFiles: false });
  try {
    assert.match(await letter.hover(), /zorvexamine/);
    assert.equal(letter.client.registrations.length, 0, 'nothing is registered with a client that cannot watch');
    rewrite(join(letter.folder, 'org-drugs.json'), CHANGED_DRUGS);
    await waitFor('the hover to show the changed entry', async () => ((await letter.hover()).includes('zorvexamine citrate') ? true : undefined), 10_000);
  } finally {
    await letter.client.stop();
  }
});

test('for a client that cannot watch files, a knowledge file the settings no longer name is no longer polled', async () => {
  const letter = await letterWithKnowledge({ 'first.json': ORGANISATION_DRUGS, 'second.json': CHANGED_DRUGS }, ['first.json'], { watchesFiles: false });
  try {
    const beforeSwitch = letter.published();
    await letter.client.settingsChanged({ knowledgeFiles: ['second.json'] });
    await letter.checkedAgain(beforeSwitch);
    const afterSwitch = letter.published();
    rewrite(join(letter.folder, 'first.json'), ORGANISATION_DRUGS.replace('zorvexamine', 'zorvexamine tartrate'));
    // Two and a half polling intervals: a file still polled would have had the letter checked again.
    await new Promise((settle) => setTimeout(settle, 5_000));
    assert.equal(letter.published(), afterSwitch, 'a change to the file no longer named checks nothing again');
    assert.match(await letter.hover(), /zorvexamine citrate/);
  } finally {
    await letter.client.stop();
  }
});

test('a workspace folder added after start-up is where relative knowledge files are looked for', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'imr-knowledge-folders-'));
  writeFileSync(join(folder, 'org-drugs.json'), ORGANISATION_DRUGS);
  mkdirSync(join(folder, 'letters'));
  const text = makeLetter({ items: [{ title: 'Zorvexa 5mg #30' }] });
  const client = await TestClient.start({ settings: { knowledgeFiles: ['org-drugs.json'] } });
  try {
    const uri = pathToFileURL(join(folder, 'letters', 'letter.imr')).toString();
    await client.open(uri, text);
    await client.diagnostics(uri);
    assert.doesNotMatch(await hoverText(client, uri, text, 'Zorvexa 5mg'), /zorvexamine/, 'without the folder, the file is looked for beside the letter');
    const publishedBefore = client.published.filter((params) => params.uri === uri).length;
    await client.addWorkspaceFolder(pathToFileURL(folder).toString());
    await client.diagnostics(uri, () => client.published.filter((params) => params.uri === uri).length > publishedBefore);
    assert.match(await hoverText(client, uri, text, 'Zorvexa 5mg'), /zorvexamine/);
  } finally {
    await client.stop();
  }
});

test('imr-lint --knowledge uses the extra file and names an invalid one', () => {
  const folder = mkdtempSync(join(tmpdir(), 'imr-knowledge-cli-'));
  writeFileSync(join(folder, 'org-drugs.json'), ORGANISATION_DRUGS);
  writeFileSync(join(folder, 'broken.json'), '[]');
  writeFileSync(join(folder, 'letter.imr'), makeLetter());
  const cli = resolve('dist', 'cli.js');
  const good = spawnSync(process.execPath, [cli, '--knowledge', 'org-drugs.json', 'letter.imr'], { cwd: folder, encoding: 'utf8' });
  assert.equal(good.status, 0, good.stderr);
  // Nothing but findings: no warning from the schema validator (such as "unknown format").
  assert.equal(good.stderr, '');
  const bad = spawnSync(process.execPath, [cli, '--knowledge', 'broken.json', 'letter.imr'], { cwd: folder, encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /knowledge file not used: .*broken\.json: must be a JSON object/);
});

/** A letter asking for Zorvexin, which no dictionary knows, open in a workspace folder with `files` and `knowledgeFiles` set. */
async function letterWithUnknownDrug(files: Record<string, string>, knowledgeFiles: string[], options: { createsFiles?: boolean } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'imr-unknown-drug-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  const text = makeLetter({ items: [{ title: 'Zorvexin 15mg #60', decision: 'Upheld' }] });
  writeFileSync(join(folder, 'letter.imr'), text);
  const letterUri = pathToFileURL(join(folder, 'letter.imr')).toString();
  const client = await TestClient.start({ rootUri: pathToFileURL(folder).toString(), settings: { knowledgeFiles }, createsFiles: options.createsFiles });
  // What the IMR extension does when asked: name the file in the settings, and save the file it holds.
  const settingRequests: unknown[] = [];
  const saveRequests: unknown[] = [];
  client.connection.onRequest('imr/addKnowledgeFile', async (params: { folderUri: string | null; path: string }): Promise<unknown> => {
    settingRequests.push(params);
    await client.settingsChanged({ knowledgeFiles: [params.path] });
    return true;
  });
  client.connection.onRequest('imr/saveKnowledgeFile', (params: unknown) => {
    saveRequests.push(params);
    return true;
  });
  try {
    await client.open(letterUri, text);
    const published = await client.diagnostics(letterUri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-drug'));
    const unknown = published.diagnostics.find((diagnostic) => diagnostic.code === 'unknown-drug')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: letterUri }, range: unknown.range, context: { diagnostics: [unknown] } });
    return {
      folder, client, text, letterUri, unknown, actions, settingRequests, saveRequests,
      action: (title: string) => {
        const found = actions.find((action) => action.title === title);
        assert.ok(found, `actions: ${actions.map((action) => action.title).join(' | ')}`);
        return found;
      },
      /** Resolves once the letter is published without the finding. */
      findingGone: () => client.diagnostics(letterUri, (params) => !params.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-drug')),
    };
  } catch (error) {
    await client.stop();
    throw error;
  }
}

test('unknown-drug: the quick fix is an edit creating imr-knowledge.json with the entry; after it, the file is named in the settings and the finding goes', async () => {
  const letter = await letterWithUnknownDrug({}, []);
  try {
    const { unknown, text, folder } = letter;
    assert.equal(unknown.severity, 3, 'information');
    assert.equal(text.split('\n')[unknown.range.start.line].slice(unknown.range.start.character, unknown.range.end.character), 'Zorvexin');
    assert.match(String(unknown.message), /so functional-improvement \(its class and prior use\), opioid-monitoring \(is it an opioid\?\), duration-of-use \(.*\) and conclusion-item-mismatch \(.*\) could not check this item/);
    assert.deepEqual(
      letter.actions.filter((action) => action.title.startsWith('Add ')).map((action) => action.title.replace('Add "Zorvexin" to a new imr-knowledge.json ', '')),
      ['as an opioid', 'as a muscle relaxant', 'as a benzodiazepine', 'as an NSAID', 'as an anti-epilepsy', 'as a topical', 'with class "other"'],
    );
    const fix = letter.action('Add "Zorvexin" to a new imr-knowledge.json as a muscle relaxant');
    const fileUri = pathToFileURL(join(folder, 'imr-knowledge.json')).toString();
    // The edit: create the file, then write the whole entry into it.
    const [create, write] = fix.edit!.documentChanges! as [{ kind: string; uri: string }, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: fileUri });
    assert.equal(write.textDocument.uri, fileUri);
    assert.deepEqual(JSON.parse((write.edits[0] as TextEdit).newText), {
      drugs: [
        {
          id: 'user-zorvexin', generic: 'zorvexin', brands: ['Zorvexin'], otherNames: [], classes: ['muscle relaxant'], sections: [],
          verified: false, sourceRef: 'Added by the IMR quick fix from a letter.', notes: 'Check the generic name and the class, and add the governing sections.',
        },
      ],
    });
    assert.equal(existsSync(join(folder, 'imr-knowledge.json')), false, 'the server writes nothing itself');

    letter.client.applyEdit(fix.edit!);
    await letter.client.request('workspace/executeCommand', fix.command);
    assert.deepEqual(letter.saveRequests, [{ uri: fileUri }]);
    assert.deepEqual(letter.settingRequests, [{ folderUri: pathToFileURL(folder).toString(), path: 'imr-knowledge.json' }]);
    // Known now, as a muscle relaxant: the finding goes, and the class's checks run.
    await letter.findingGone();
    assert.deepEqual(letter.client.messages.filter((message) => /knowledge file/.test(message.message)), [], 'the new file is valid knowledge');
    assert.equal(readFileSync(join(folder, 'letter.imr'), 'utf8'), text, 'the letter is untouched');
  } finally {
    await letter.client.stop();
  }
});

test('unknown-drug: with imr.knowledgeFiles set, the edit appends the entry to the first file and keeps the rest of it; the finding goes', async () => {
  const existing = '{\n    "drugs": [\n        { "id": "zorvexa", "generic": "zorvexamine", "brands": ["Zorvexa"], "otherNames": [], "classes": ["opioid"], "sections": ["cp09-opioids"], "mmeAgent": "hydrocodone" }\n    ]\n}\n';
  const letter = await letterWithUnknownDrug({ 'org-drugs.json': existing }, ['org-drugs.json']);
  try {
    const fix = letter.action('Add "Zorvexin" to org-drugs.json as an opioid');
    const fileUri = pathToFileURL(join(letter.folder, 'org-drugs.json')).toString();
    const edits = fix.edit!.changes![fileUri];
    assert.equal(edits.length, 1);
    const afterEntry = { line: 2, character: existing.split('\n')[2].length };
    assert.deepEqual(edits[0].range, { start: afterEntry, end: afterEntry }, 'after the last entry');
    letter.client.applyEdit(fix.edit!);
    const written = readFileSync(join(letter.folder, 'org-drugs.json'), 'utf8');
    assert.ok(written.startsWith(existing.slice(0, existing.indexOf('\n    ]'))), 'the organisation entry is kept as written');
    assert.match(written, /\},\n {8}\{\n {12}"id": "user-zorvexin",\n/);
    assert.deepEqual((JSON.parse(written).drugs as { id: string; classes: string[] }[]).map((drug) => [drug.id, drug.classes]), [['zorvexa', ['opioid']], ['user-zorvexin', ['opioid']]]);
    await letter.client.request('workspace/executeCommand', fix.command);
    assert.deepEqual(letter.settingRequests, [], 'the file is named already');
    await letter.findingGone();
  } finally {
    await letter.client.stop();
  }
});

test('unknown-drug: a knowledge file that is not valid JSON gets no edit, only a fix shown as unavailable with the reason', async () => {
  const letter = await letterWithUnknownDrug({ 'broken.json': '{ "drugs": [' }, ['broken.json']);
  try {
    const adds = letter.actions.filter((action) => action.title.startsWith('Add '));
    assert.deepEqual(adds.map((action) => [action.title, action.disabled?.reason, action.edit, action.command]), [
      ['Add "Zorvexin" to broken.json', 'broken.json is not valid JSON; fix the file to add drugs to it.', undefined, undefined],
    ]);
    assert.equal(readFileSync(join(letter.folder, 'broken.json'), 'utf8'), '{ "drugs": [', 'left unchanged');
  } finally {
    await letter.client.stop();
  }
});

test('unknown-drug: for a client whose edits cannot create files, the command that follows the fix creates the file', async () => {
  const letter = await letterWithUnknownDrug({}, [], { createsFiles: false });
  try {
    const fix = letter.action('Add "Zorvexin" to a new imr-knowledge.json as a benzodiazepine');
    assert.equal(fix.edit, undefined);
    await letter.client.request('workspace/executeCommand', fix.command);
    const written = JSON.parse(readFileSync(join(letter.folder, 'imr-knowledge.json'), 'utf8'));
    assert.deepEqual(written.drugs.map((drug: { id: string; classes: string[] }) => [drug.id, drug.classes]), [['user-zorvexin', ['benzodiazepine']]]);
    await letter.findingGone();
  } finally {
    await letter.client.stop();
  }
});
