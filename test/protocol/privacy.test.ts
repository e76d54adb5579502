import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lsp-client';
import { makeLetter } from '../support/letters';

const NO_NETWORK = resolve('test', 'support', 'no-network.cjs');
const NETWORK_MODULES = /(?:from\s+|require\()\s*['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns|undici|ws)['"]/;
const NETWORK_CALLS = /\b(?:fetch|XMLHttpRequest|WebSocket|EventSource)\s*\(/;

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('no source file of the extension, server, core or CLI touches the network', () => {
  const offenders = [...sources(resolve('server', 'src')), ...sources(resolve('client', 'src'))]
    .filter((file) => {
      const text = readFileSync(file, 'utf8');
      return NETWORK_MODULES.test(text) || NETWORK_CALLS.test(text);
    })
    .map((file) => relative(process.cwd(), file));
  assert.deepEqual(offenders, []);
});

test('the CLI works as usual with every outgoing connection made to fail', () => {
  const folder = mkdtempSync(join(tmpdir(), 'imr-offline-'));
  const log = join(folder, 'network.log');
  for (let i = 0; i < 40; i++) writeFileSync(join(folder, `letter-${i}.imr`), makeLetter());
  const result = spawnSync(process.execPath, ['--require', NO_NETWORK, resolve('dist', 'cli.js'), '--jobs', '2', '--format', 'json', '.'], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, IMR_NETWORK_LOG: log },
  });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).files.length, 40);
  assert.equal(existsSync(log), false, 'no connection was attempted');
});

test('the server works as usual offline, and its logs never contain letter text', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'imr-offline-server-'));
  const log = join(folder, 'network.log');
  const client = await TestClient.start({ nodeArgs: ['--require', NO_NETWORK], env: { ...process.env, IMR_NETWORK_LOG: log } });
  const marker = 'Quillfeather Bramblewick';
  try {
    const uri = 'file:///virtual/private.imr';
    const text = makeLetter({ items: [{ title: `${marker} compound cream #1`, decision: 'Uphold', maximus: null }] }).replace('warehouse clerk', `warehouse clerk named ${marker}`);
    await client.open(uri, text);
    const published = await client.diagnostics(uri);
    assert.ok(published.diagnostics.length >= 2);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0);
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 5 } });
    await client.request('textDocument/codeAction', { textDocument: { uri }, range: published.diagnostics[0].range, context: { diagnostics: published.diagnostics } });
    await client.open('file:///virtual/junk.imr', `\u0000${marker}\ud800`.repeat(1000));
    await client.diagnostics('file:///virtual/junk.imr');
  } finally {
    await client.stop();
  }
  assert.equal(existsSync(log), false, 'no connection was attempted');
  assert.equal(client.logs.some((line) => line.includes(marker)), false, 'log messages hold no letter text');
  assert.equal(client.stderr.includes(marker), false, 'stderr holds no letter text');
});
