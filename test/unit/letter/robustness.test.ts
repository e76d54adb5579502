import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseLetter, parseLetterStrict } from '../../../server/src/letter/parse';
import { random } from '../../support/fuzz';
import { conclusionsOf } from '../../support/run-rule';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'letters');
const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(join(FIXTURES, name), 'utf8'));

test('empty and blank text parse to an empty non-letter', () => {
  for (const text of ['', ' ', '\n', '\r\n\r\n', '\f', '\t \u00a0']) {
    const letter = parseLetterStrict(text);
    assert.equal(letter.looksLikeLetter, false);
    assert.deepEqual([letter.header, letter.sections, letter.items, letter.credentials], [{}, [], [], null]);
    assert.equal(letter.text, text);
  }
});

test('text that is clearly not a letter is flagged as such', () => {
  const notes = [
    'Meeting notes\nBring the projector: Yes\nAgenda: budget, hiring.\n',
    '# README\n\nInstall with npm. Run the tests: npm test.\n',
    'function main() {\n  return 0;\n}\n',
  ];
  for (const text of notes) assert.equal(parseLetterStrict(text).looksLikeLetter, false, text);
});

test('binary junk and lone surrogates never throw', () => {
  const next = random(7);
  for (let round = 0; round < 50; round++) {
    let junk = '';
    const length = Math.floor(next() * 4000);
    for (let n = 0; n < length; n++) junk += String.fromCharCode(Math.floor(next() * 0x10000));
    const letter = parseLetterStrict(junk);
    assert.equal(letter.text, junk);
  }
  assert.doesNotThrow(() => parseLetterStrict('\u0000\u0001\ud800:\udfff Upheld\n\u0000'.repeat(1000)));
});

test('random cuts, splices and noise in letters never throw and keep spans inside the text', () => {
  const next = random(42);
  const pieces = ['\n', '\r\n', '\f', '\t', ': Upheld', ': Over turned', ':', '#', 'Decision rationale:', 'MAXIMUS guideline:', 'Claims Administrator guideline:', 'was the original request.', 'original request, ', 'Section(s):', 'Page(s):', ', and ', '2016', '(', ')'];
  for (let round = 0; round < 300; round++) {
    let text = fixtures[Math.floor(next() * fixtures.length)]!;
    const edits = 1 + Math.floor(next() * 8);
    for (let n = 0; n < edits; n++) {
      const at = Math.floor(next() * (text.length + 1));
      const roll = next();
      if (roll < 0.3) text = text.slice(0, at) + text.slice(at + Math.floor(next() * 200));
      else if (roll < 0.8) text = text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at);
      else text = text.slice(0, at) + text.slice(Math.floor(next() * text.length)).slice(0, 300) + text.slice(at);
    }
    const letter = parseLetterStrict(text);
    const inside = (span: { start: number; end: number } | null | undefined) => {
      if (!span) return;
      assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `span ${span.start}-${span.end} in ${text.length} (round ${round})`);
    };
    for (const field of Object.values(letter.header)) [field!.label, field!.valueSpan].forEach(inside);
    for (const section of letter.sections) [section.heading, section.body].forEach(inside);
    for (const item of letter.items) {
      [item.span, item.titleSpan, item.decision?.span, item.rationale?.span].forEach(inside);
      for (const line of [item.claimsAdministratorGuideline, item.maximusGuideline]) if (line) [line.label, line.span, line.textSpan].forEach(inside);
      for (const citation of item.citations) [citation.span, ...citation.sectionSpans, ...citation.pageSpans].forEach(inside);
    }
    for (const conclusion of conclusionsOf(letter)) inside(conclusion.span);
  }
});

test('non-string input through the safe entry point gives an empty letter', () => {
  const letter = parseLetter(undefined as unknown as string);
  assert.equal(letter.looksLikeLetter, false);
  assert.equal(letter.text, '');
});

test('10 MB inputs parse in linear time', () => {
  const letterLike = fixtures.join('\n').repeat(Math.ceil(10_000_000 / fixtures.join('\n').length));
  const oneLine = 'Item: Upheld '.repeat(800_000);
  const noBreaks = 'x'.repeat(10_000_000);
  for (const [name, text] of [
    ['letters', letterLike],
    ['one line', oneLine],
    ['no breaks', noBreaks],
  ] as const) {
    const started = performance.now();
    const letter = parseLetterStrict(text);
    const elapsed = performance.now() - started;
    console.log(`  10 MB ${name}: ${elapsed.toFixed(0)} ms, ${letter.items.length} items`);
    // Generous bound: quadratic behaviour on 10 MB would take minutes, not seconds.
    assert.ok(elapsed < 15_000, `${name} took ${elapsed} ms`);
  }
});

test('timing: average parse time of the fixture letters (printed, not asserted)', () => {
  for (let warm = 0; warm < 50; warm++) for (const text of fixtures) parseLetterStrict(text);
  const rounds = 200;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) for (const text of fixtures) parseLetterStrict(text);
  const perLetter = (performance.now() - started) / rounds / fixtures.length;
  const averageKb = fixtures.reduce((sum, text) => sum + text.length, 0) / fixtures.length / 1024;
  console.log(`  fixtures: ${perLetter.toFixed(3)} ms per letter (average ${averageKb.toFixed(1)} KB)`);
});
