import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { TestClient } from '../support/lsp-client';

/*
 * The browser server (dist/browser-server.js, built for a web worker) against the Node server
 * (dist/server.js) over the example letters and every rule fixture: the same diagnostics, outline,
 * folding, semantic tokens, inlay hints, code lenses and hovers. The browser bundle runs in a Node
 * worker thread here; the e2e run shows it in a browser.
 */

const RULE_DOCS = `${pathToFileURL(resolve('docs', 'rules')).toString()}/`;

function letters(): { name: string; text: string }[] {
  const examples = readdirSync('examples').map((name) => ({ name: `examples/${name}`, text: readFileSync(join('examples', name), 'utf8') }));
  const rules = readdirSync(join('test', 'fixtures', 'rules'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const fixtures = rules.flatMap((rule) =>
    readdirSync(join('test', 'fixtures', 'rules', rule))
      .filter((name) => name.endsWith('.txt') || name.endsWith('.imr'))
      .map((name) => ({ name: `${rule}/${name}`, text: readFileSync(join('test', 'fixtures', 'rules', rule, name), 'utf8') })),
  );
  return [...examples, ...fixtures];
}

/** Where hovers are asked: the start of every third word, and the first character of each line. */
function hoverPositions(text: string): { line: number; character: number }[] {
  const positions: { line: number; character: number }[] = [];
  text.split('\n').forEach((line, number) => {
    positions.push({ line: number, character: 0 });
    let word = 0;
    for (const match of line.matchAll(/\b\w/g)) if (word++ % 3 === 1) positions.push({ line: number, character: match.index! });
  });
  return positions;
}

async function answers(client: TestClient, uri: string, text: string) {
  const diagnostics = client.diagnostics(uri);
  await client.open(uri, text);
  const document = { textDocument: { uri } };
  const lineCount = text.split('\n').length;
  return {
    diagnostics: (await diagnostics).diagnostics,
    symbols: await client.request('textDocument/documentSymbol', document),
    folding: await client.request('textDocument/foldingRange', document),
    // The data only: a result id is the server's own name for one answer.
    tokens: (await client.request<{ data: number[] }>('textDocument/semanticTokens/full', document)).data,
    inlay: await client.request('textDocument/inlayHint', { ...document, range: { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } } }),
    lenses: await client.request('textDocument/codeLens', document),
    hovers: await Promise.all(hoverPositions(text).map((position) => client.request('textDocument/hover', { ...document, position }))),
  };
}

test('the browser server gives the Node server\'s answers on every example and fixture letter', async () => {
  const node = await TestClient.start({ initializationOptions: { validationDelayMs: 0 } });
  const browser = await TestClient.start({ webWorker: true, initializationOptions: { validationDelayMs: 0, ruleDocsUri: RULE_DOCS } });
  try {
    assert.match(browser.initializeResult.serverInfo?.name ?? '', /web worker/);
    const all = letters();
    assert.ok(all.length >= 45, `${all.length} letters`);
    let hovers = 0;
    let findings = 0;
    for (const { name, text } of all) {
      const uri = `file:///virtual/${name.replace(/[/]/g, '-')}`;
      const [fromNode, fromBrowser] = await Promise.all([answers(node, uri, text), answers(browser, uri, text)]);
      // A worker's messages are structured clones, which keep properties set to undefined that JSON drops.
      assert.deepEqual(JSON.parse(JSON.stringify(fromBrowser)), fromNode, name);
      hovers += fromNode.hovers.filter(Boolean).length;
      findings += fromNode.diagnostics.length;
    }
    // The comparison is of something: findings with their rule pages linked, and many hovers.
    assert.ok(findings > 100 && hovers > 500, `${findings} findings, ${hovers} hovers`);
    assert.equal(browser.stderr, '');
  } finally {
    await Promise.all([node.stop(), browser.stop()]);
  }
});
