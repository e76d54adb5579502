import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource, type CodeAction, type Diagnostic, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lsp-client';
import { makeLetter, makeLetterWithItems } from '../support/letters';

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code).sort();

describe('language server over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  // The item needs no case summary (a drug would also need its history there).
  const gapsText = makeLetter({
    omitSections: ['summary'],
    items: [
      { title: 'Lumbar support brace', decision: 'Uphold' },
      { title: 'Norco 10/325mg #90', decision: 'Upheld', maximus: null },
    ],
  });

  test('publishes structure diagnostics with stable codes for the opened version', async () => {
    const uri = 'file:///virtual/gaps.imr';
    await client.open(uri, gapsText, 7);
    const published = await client.diagnostics(uri);
    assert.equal(published.version, 7);
    assert.deepEqual(codes(published.diagnostics), ['item-decision', 'item-parts', 'missing-section']);
    const decision = published.diagnostics.find((diagnostic) => diagnostic.code === 'item-decision')!;
    const lines = gapsText.split('\n');
    assert.equal(lines[decision.range.start.line].slice(decision.range.start.character, decision.range.end.character), 'Uphold');
    assert.match(decision.message as string, /Upheld/);
    assert.equal(decision.source, 'imr');
    assert.ok(decision.codeDescription?.href.endsWith('/docs/rules/item-decision.md'), 'links to the rule page');
  });

  test('offers a quick fix for a misspelt decision', async () => {
    const uri = 'file:///virtual/gaps.imr';
    const published = await client.diagnostics(uri);
    const decision = published.diagnostics.find((diagnostic) => diagnostic.code === 'item-decision')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: decision.range,
      context: { diagnostics: [decision] },
    });
    const fix = actions.find((action) => action.title === 'Change to "Upheld"');
    assert.ok(fix, `actions: ${actions.map((action) => action.title).join(', ')}`);
    assert.deepEqual(fix.edit?.changes?.[uri], [{ range: decision.range, newText: 'Upheld' }]);
  });

  test('outlines sections with the disputed items and their parts', async () => {
    const uri = 'file:///virtual/gaps.imr';
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const issues = symbols.find((symbol) => symbol.name === 'IMR ISSUES, DECISIONS AND RATIONALES');
    assert.ok(issues, `top-level symbols: ${symbols.map((symbol) => symbol.name).join(' | ')}`);
    assert.deepEqual(
      issues.children!.map((item) => [item.name, item.detail]),
      [
        ['Lumbar support brace', 'Uphold (not a decision)'],
        ['Norco 10/325mg #90', 'Upheld'],
      ],
    );
    assert.deepEqual(
      issues.children![0].children!.map((part) => part.name),
      ['Claims Administrator guideline', 'MAXIMUS guideline', 'Decision rationale'],
    );
    assert.deepEqual(
      issues.children![1].children!.map((part) => part.name),
      ['Claims Administrator guideline', 'Decision rationale'],
    );
    assert.ok(symbols.some((symbol) => symbol.name === 'Header' && symbol.detail === 'CM99-0000001'));
  });

  test('folds sections and items', async () => {
    const uri = 'file:///virtual/gaps.imr';
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const lines = gapsText.split('\n');
    const startsWith = (prefix: string) => ranges.some((range) => lines[range.startLine].startsWith(prefix) && range.endLine > range.startLine);
    assert.ok(startsWith('HOW THE IMR FINAL DETERMINATION WAS MADE'));
    assert.ok(startsWith('IMR ISSUES, DECISIONS AND RATIONALES'));
    assert.ok(startsWith('Lumbar support brace'));
    assert.ok(startsWith('Norco 10/325mg #90'));
  });

  test('incremental edits update the diagnostics', async () => {
    const uri = 'file:///virtual/gaps.imr';
    const published = await client.diagnostics(uri, (params) => params.version === 7);
    const decision = published.diagnostics.find((diagnostic) => diagnostic.code === 'item-decision')!;
    await client.change(uri, 8, [{ range: decision.range, text: 'Upheld' }]);
    const updated = await client.diagnostics(uri, (params) => params.version === 8);
    assert.deepEqual(codes(updated.diagnostics), ['item-parts', 'missing-section']);
  });

  test('a text that is not a letter gets one information diagnostic', async () => {
    const uri = 'file:///virtual/notes.imr';
    await client.open(uri, 'Shopping list\neggs\nmilk\n');
    const published = await client.diagnostics(uri);
    assert.equal(published.diagnostics.length, 1);
    assert.equal(published.diagnostics[0].code, 'not-a-letter');
    assert.equal(published.diagnostics[0].severity, 3);
  });

  test('survives empty, binary and huge documents and keeps answering', async () => {
    const empty = 'file:///virtual/empty.imr';
    await client.open(empty, '');
    assert.equal((await client.diagnostics(empty)).diagnostics.length, 1);

    let junk = '';
    for (let i = 0; i < 20_000; i++) junk += String.fromCharCode((i * 7919) % 65_536);
    const binary = 'file:///virtual/junk.imr';
    await client.open(binary, junk + '\u0000\ud800 IMR ISSUES, DECISIONS AND RATIONALES\nX: Upheld\n');
    await client.diagnostics(binary);

    const huge = 'file:///virtual/huge.imr';
    const hugeText = makeLetter().repeat(Math.ceil((10 * 1024 * 1024) / makeLetter().length));
    await client.open(huge, hugeText);
    const published = await client.diagnostics(huge, () => true, 20_000);
    assert.deepEqual(codes(published.diagnostics), ['file-too-large']);
    assert.match(published.diagnostics[0].message as string, /imr\.maxFileSize/);

    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///virtual/gaps.imr' } });
    assert.ok(symbols.length > 0, 'server still answers after bad input');
  });

  test('a didOpen without a string uri or text is refused and logged; the server keeps serving', async () => {
    const logsBefore = client.logs.length;
    for (const textDocument of [
      { uri: 'file:///virtual/no-text.imr', languageId: 'imr', version: 1, text: null },
      { uri: 'file:///virtual/object-text.imr', languageId: 'imr', version: 1, text: { secret: 'Norco' } },
      { uri: null, languageId: 'imr', version: 1, text: 'Norco 10/325mg #90: Upheld' },
      { languageId: 'imr', version: 1, text: 'Norco 10/325mg #90: Upheld' },
    ]) {
      await client.connection.sendNotification('textDocument/didOpen', { textDocument });
    }
    const info = await client.request<{ pid: number; openDocuments: number }>('imr/serverInfo', {});
    assert.equal(info.pid, client.process.pid, 'the same server process answers');
    const uri = 'file:///virtual/after-bad-open.imr';
    await client.open(uri, gapsText);
    assert.ok((await client.diagnostics(uri)).diagnostics.length > 0);
    const logged = client.logs.slice(logsBefore);
    assert.equal(logged.filter((message) => message.includes('needs a string "uri" and "text"')).length, 4);
    assert.ok(!logged.some((message) => message.includes('Norco')), 'no letter text in the log');
  });

  test('a burst of edits ends with diagnostics for the final version, never a stale one', async () => {
    const uri = 'file:///virtual/burst.imr';
    const text = makeLetterWithItems(100);
    await client.open(uri, text, 1);
    await client.diagnostics(uri, (params) => params.version === 1);
    const finalVersion = 1001;
    for (let version = 2; version <= finalVersion; version++) {
      // Appends and removes a character at the end, alternately.
      const lines = text.split('\n').length - 1;
      const change =
        version % 2 === 0
          ? { range: { start: { line: lines, character: 0 }, end: { line: lines, character: 0 } }, text: 'x' }
          : { range: { start: { line: lines, character: 0 }, end: { line: lines, character: 1 } }, text: '' };
      void client.change(uri, version, [change]);
    }
    const last = await client.diagnostics(uri, (params) => params.version === finalVersion, 20_000);
    assert.equal(last.version, finalVersion);
    const versions = client.published.filter((params) => params.uri === uri).map((params) => params.version ?? 0);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions, 'published versions only increase');
    assert.ok(versions.length < 1001, `coalesced: ${versions.length} publications for 1001 versions`);
  });
});

describe('cancellation', () => {
  test('a cancelled request is answered with RequestCancelled', async () => {
    const client = await TestClient.start();
    try {
      const uri = 'file:///virtual/cancel.imr';
      await client.open(uri, makeLetterWithItems(300));
      const source = new CancellationTokenSource();
      const pending = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token);
      source.cancel();
      await assert.rejects(pending, (error: { code?: number }) => error.code === -32800);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols.length > 0, 'the next request is answered');
    } finally {
      await client.stop();
    }
  });
});

describe('language server settings', () => {
  test('malformed settings fall back to defaults without crashing', async () => {
    const client = await TestClient.start({ settings: { maxFileSize: 'big', rules: { 'item-decision': 'loud', 'missing-section': 'off' } } });
    try {
      const uri = 'file:///virtual/settings.imr';
      await client.open(uri, makeLetter({ omitSections: ['summary'], items: [{ title: 'Lumbar support brace', decision: 'Uphold' }] }));
      const published = await client.diagnostics(uri);
      // The valid part ("missing-section": "off") applies; the invalid one keeps the default.
      assert.deepEqual(codes(published.diagnostics), ['item-decision']);
      assert.equal(published.diagnostics[0].severity, 1);
    } finally {
      await client.stop();
    }
  });

  test('settings of thousands of mistakes open a few pop-ups, not thousands, and letters are still checked', async () => {
    const rules: Record<string, string> = {};
    for (let index = 0; index < 5000; index++) rules[`no-such-rule-${index}`] = 'off';
    const knowledgeFiles = Array.from({ length: 5000 }, (_, index) => `/nonexistent/k${index}.json`);
    const client = await TestClient.start({ settings: { rules, knowledgeFiles } });
    try {
      const uri = 'file:///virtual/many-mistakes.imr';
      await client.open(uri, makeLetter({ items: [{ title: 'Tizanidine 4mg #60', decision: 'Uphold' }] }));
      assert.ok((await client.diagnostics(uri)).diagnostics.some((diagnostic) => diagnostic.code === 'item-decision'));
      await client.request('imr/serverInfo', {});
      const popups = client.messages.map((message) => message.message);
      const settings = popups.filter((message) => message.startsWith('IMR settings: '));
      const knowledge = popups.filter((message) => message.startsWith('IMR knowledge file not used: '));
      assert.equal(settings.length, 4, settings.join('\n'));
      assert.match(settings[3], /IMR settings: \d+ more problems; see the IMR language server's output\./);
      // The rest are in the log.
      assert.ok(client.logs.some((message) => message.includes('"imr.knowledgeFiles" lists 5000 files; only the first 100 are used.')));
      assert.equal(knowledge.length, 4, knowledge.join('\n'));
      assert.equal(knowledge[3], 'IMR knowledge file not used: 97 more problems; see the IMR language server\'s output.');
    } finally {
      await client.stop();
    }
  });

  test('changed settings apply to open letters without reopening them', async () => {
    const client = await TestClient.start({ settings: {} });
    try {
      const uri = 'file:///virtual/live-settings.imr';
      await client.open(uri, makeLetter({ items: [{ title: 'Tizanidine 4mg #60', decision: 'Uphold' }] }));
      const before = await client.diagnostics(uri);
      assert.equal(before.diagnostics.find((diagnostic) => diagnostic.code === 'item-decision')?.severity, 1);
      client.settings = { rules: { 'item-decision': 'off' } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const after = await client.diagnostics(uri, (params) => params !== before && !params.diagnostics.some((diagnostic) => diagnostic.code === 'item-decision'));
      assert.ok(after);
    } finally {
      await client.stop();
    }
  });

  test('a rule severity from settings is applied', async () => {
    const client = await TestClient.start({ settings: { rules: { 'item-decision': 'hint' } } });
    try {
      const uri = 'file:///virtual/severity.imr';
      await client.open(uri, makeLetter({ items: [{ title: 'Tizanidine 4mg #60', decision: 'Uphold' }] }));
      const published = await client.diagnostics(uri);
      assert.equal(published.diagnostics.find((diagnostic) => diagnostic.code === 'item-decision')?.severity, 4);
    } finally {
      await client.stop();
    }
  });
});
