import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TestClient } from '../support/lsp-client';
import { LETTER_STATUS_REQUEST } from '../../server/src/lsp/requests';

describe('the status bar request over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  test('an open letter answers its items and decisions; a document that is not open answers null', async () => {
    const uri = 'file:///virtual/status.imr';
    await client.open(uri, readFileSync(resolve('examples', 'complete-letter.imr'), 'utf8'));
    assert.deepEqual(await client.request(LETTER_STATUS_REQUEST, { uri }), { items: 3, upheld: 2, overturned: 1, undecided: 0 });
    const draft = 'file:///virtual/draft.imr';
    await client.open(draft, readFileSync(resolve('examples', 'draft-with-gaps.imr'), 'utf8'));
    const status = await client.request<{ items: number; undecided: number }>(LETTER_STATUS_REQUEST, { uri: draft });
    assert.ok(status.undecided >= 1, 'the draft has an item without a valid decision');
    assert.equal(await client.request(LETTER_STATUS_REQUEST, { uri: 'file:///virtual/not-open.imr' }), null);
  });
});

describe('semantic tokens over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  test('types and modifiers at known positions, in the legend the server announced, and a wrapped section name split per line', async () => {
    const legend = client.initializeResult.capabilities.semanticTokensProvider?.legend;
    assert.ok(legend, 'the server announces a legend');
    const text = readFileSync(resolve('examples', 'complete-letter.imr'), 'utf8');
    const uri = 'file:///virtual/semantic.imr';
    await client.open(uri, text);
    const result = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const lines = text.split(/\r?\n/);
    const decoded: string[] = [];
    for (let index = 0, line = 0, character = 0; index < result.data.length; index += 5) {
      const [deltaLine, deltaStart, length, type, bits] = result.data.slice(index, index + 5);
      line += deltaLine;
      character = deltaLine === 0 ? character + deltaStart : deltaStart;
      assert.ok(character + length <= lines[line].length, `a token runs past the end of line ${line}`);
      const modifiers = legend.tokenModifiers.filter((_, bit) => bits & (1 << bit));
      decoded.push([`${line}:${character}`, lines[line].slice(character, character + length), legend.tokenTypes[type], ...modifiers].join(' '));
    }
    const norco = lines.findIndex((line) => line.startsWith('Norco 10/325mg #90'));
    assert.ok(decoded.includes(`${norco}:0 Norco drug opioid`), decoded.join('\n'));
    assert.ok(decoded.includes(`${norco}:16 90 quantity`));
    assert.ok(decoded.includes(`${norco}:20 Overturned decision overturned`));
    const upheld = lines.findIndex((line) => line.startsWith('Six sessions of physical therapy'));
    assert.ok(decoded.includes(`${upheld}:${lines[upheld].indexOf('Upheld')} Upheld decision upheld`));
    const wrapped = 'file:///virtual/wrapped.imr';
    const wrappedText = text.replace('Section(s): Opioids, criteria for use', 'Section(s): Opioids, criteria\nfor use');
    await client.open(wrapped, wrappedText);
    const split = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: wrapped } });
    const sectionType = legend.tokenTypes.indexOf('section');
    const sectionLengths: number[] = [];
    for (let index = 0; index < split.data.length; index += 5) if (split.data[index + 3] === sectionType) sectionLengths.push(split.data[index + 2]);
    assert.ok(sectionLengths.includes('Opioids, criteria'.length) && sectionLengths.includes('for use'.length), `section tokens ${sectionLengths.join(', ')}`);
  });
});

describe('Normalise Letter (document formatting) over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  test('a double-spaced letter comes back as one edit of the whole document, which formats to no edit the second time; a non-letter gets none', async () => {
    const letter = readFileSync(resolve('examples', 'complete-letter.imr'), 'utf8');
    const doubled = letter.split('\n').flatMap((line) => [line, '']).join('\n');
    const uri = 'file:///virtual/pasted.imr';
    await client.open(uri, doubled);
    const edits = await client.request<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range.start, { line: 0, character: 0 });
    assert.equal(edits[0].range.end.line, doubled.split('\n').length - 1);
    const cleaned = edits[0].newText;
    assert.ok(!cleaned.includes('\n\n\n'), 'no runs of blank lines');
    assert.match(cleaned, /^Norco 10\/325mg #90: Overturned\n\nClaims Administrator guideline:/m);
    await client.change(uri, 2, [{ text: cleaned }]);
    assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }), []);
    const notes = 'file:///virtual/notes.imr';
    await client.open(notes, 'Shopping list\n\nmilk\n\neggs\n');
    assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri: notes }, options: { tabSize: 4, insertSpaces: true } }), []);
  });
});
