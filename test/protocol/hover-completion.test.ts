import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, CompletionItem, CompletionList, Hover, InlayHint, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lsp-client';

const text = readFileSync(resolve('examples', 'complete-letter.imr'), 'utf8');
const lines = text.split(/\r?\n/);

function positionOf(needle: string, lineContaining: string, offsetInNeedle = 1) {
  const line = lines.findIndex((candidate) => candidate.includes(lineContaining) && candidate.includes(needle));
  assert.ok(line >= 0, `no line with ${needle}`);
  return { line, character: lines[line].indexOf(needle) + offsetInNeedle };
}

describe('hover and completion over stdio', () => {
  let client: TestClient;
  const uri = 'file:///virtual/complete-letter.imr';
  before(async () => {
    client = await TestClient.start();
    await client.open(uri, text);
  });
  after(async () => {
    await client.stop();
  });

  test('hovering a cited section explains it, with its pages and verification status', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf('Opioids, criteria for use', 'Section(s):', 3) });
    assert.ok(hover, 'a hover is returned');
    const markdown = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.match(markdown, /[Oo]pioids/);
    assert.match(markdown, /Chronic Pain/);
    assert.match(markdown, /2009/);
    assert.match(markdown, /page[s]? not verified/i, 'the confidence label is visible');
  });

  test('hovering a cited page says which section it belongs to', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf('76-80', 'Page(s):', 1) });
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /[Oo]pioid/);
  });

  test('hovering a drug name gives its generic name and class', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf('Norco', 'Norco 10/325mg #90: Overturned', 2) });
    assert.ok(hover);
    const markdown = (hover.contents as MarkupContent).value;
    assert.match(markdown, /hydrocodone/i);
    assert.match(markdown, /opioid/i);
  });

  test('after an item title colon, completion offers Upheld and Overturned', async () => {
    const draftUri = 'file:///virtual/typing.imr';
    const typed = text.replace('Norco 10/325mg #90: Overturned', 'Norco 10/325mg #90: ');
    await client.open(draftUri, typed);
    const line = typed.split(/\r?\n/).findIndex((candidate) => candidate.startsWith('Norco 10/325mg #90: '));
    const result = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
      textDocument: { uri: draftUri },
      position: { line, character: 'Norco 10/325mg #90: '.length },
    });
    const items = Array.isArray(result) ? result : result?.items ?? [];
    const labels = items.map((item) => item.label);
    assert.ok(labels.includes('Upheld') && labels.includes('Overturned'), `labels: ${labels.join(', ')}`);
  });

  test('after "Section(s):" completion offers the sections of the guideline named on that line, with pages', async () => {
    const draftUri = 'file:///virtual/typing-section.imr';
    const line = 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): ';
    const typed = text.replace(/MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2009,\r?\nSection\(s\): Opioids, criteria for use, Page\(s\): 76-80\./, line);
    assert.notEqual(typed, text, 'the fixture line was replaced');
    await client.open(draftUri, typed);
    const lineNumber = typed.split(/\r?\n/).indexOf(line);
    const result = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
      textDocument: { uri: draftUri },
      position: { line: lineNumber, character: line.length },
    });
    const items = Array.isArray(result) ? result : result?.items ?? [];
    const opioids = items.find((item) => /^Opioids/i.test(item.label));
    assert.ok(opioids, `labels: ${items.slice(0, 15).map((item) => item.label).join(', ')}`);
    assert.ok(items.length > 20, 'lists the guideline\'s sections');
    assert.match(`${opioids.detail ?? ''} ${JSON.stringify(opioids.documentation ?? '')}`, /\d/, 'shows pages');
  });
});

describe('inlay hints over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  test("an opioid item's daily MME sits after its title; an item without a frequency gets none", async () => {
    const uri = 'file:///virtual/doses.imr';
    const letter = text
      .replace('Norco 10/325mg #90: Overturned', 'Norco 10/325mg one tablet every 6 hours #90: Overturned');
    await client.open(uri, letter);
    const lineCount = letter.split(/\r?\n/).length;
    const hints = await client.request<InlayHint[] | null>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } },
    });
    assert.ok(hints);
    const titleLine = letter.split(/\r?\n/).findIndex((line) => line.startsWith('Norco 10/325mg one tablet every 6 hours #90'));
    const therapyTitle = 'Six sessions of physical therapy for the cervical spine';
    const therapyLine = letter.split(/\r?\n/).findIndex((line) => line.startsWith(therapyTitle));
    assert.deepEqual(
      hints.map((hint) => [hint.label, hint.position]),
      [
        ['\u2248 40 MME/day', { line: titleLine, character: 'Norco 10/325mg one tablet every 6 hours #90'.length }],
        // The summary's "twelve sessions of physical therapy in 2012 and 2013".
        ['12 prior + 6 requested = 18', { line: therapyLine, character: therapyTitle.length }],
      ],
    );
    assert.match((hints[0].tooltip as MarkupContent).value, /10 mg \u00d7 1 \u00d7 4\/day \u00d7 1; CDC 2016 conversion factors, factors not verified/);
    // Outside the requested range, nothing.
    const none = await client.request<InlayHint[] | null>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } },
    });
    assert.deepEqual(none, []);
  });
  test('a course of therapy shows prior plus requested visits after its title', async () => {
    const uri = 'file:///virtual/visits.imr';
    const fixture = readFileSync(resolve('test', 'fixtures', 'rules', 'therapy-visits', 'fail-over-the-cap.txt'), 'utf8');
    await client.open(uri, fixture);
    const lineCount = fixture.split(/\r?\n/).length;
    const hints = await client.request<InlayHint[] | null>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } },
    });
    const title = 'Physical therapy 2 times a week for 6 weeks for the low back';
    const titleLine = fixture.split(/\r?\n/).findIndex((line) => line.startsWith(title));
    assert.deepEqual(
      (hints ?? []).map((hint) => [hint.label, hint.position]),
      [['8 prior + 12 requested = 20', { line: titleLine, character: title.length }]],
    );
  });
});

describe('code lens over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  test("each item's criteria sit above its title, and imr.codeLens.enabled turns them off", async () => {
    const uri = 'file:///virtual/lens.imr';
    await client.open(uri, text);
    const lenses = await client.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } });
    const norcoLine = lines.findIndex((line) => line.startsWith('Norco 10/325mg #90'));
    assert.deepEqual(
      (lenses ?? []).slice(0, 1).map((lens) => [lens.range.start, lens.command?.title]),
      [[{ line: norcoLine, character: 0 }, 'Opioids, on-going management: analgesia \u2713  activities \u2713  adverse effects \u2713  aberrant behaviour \u2713 (criteria not verified)']],
    );
    assert.equal(lenses?.length, 3);
    await client.settingsChanged({ codeLens: { enabled: false } });
    const off = await client.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } });
    assert.ok(off === null || off.length === 0, 'no lens once turned off');
  });
});

