import assert from 'node:assert/strict';
import { test } from 'node:test';
import { itemParts } from '../../../server/src/rules/item-parts';
import { applyEdits, check } from '../../support/run-rule';
import { makeLetter } from '../../support/letters';

test('passes an item with all three parts', () => {
  assert.deepEqual(check(itemParts, makeLetter()).findings, []);
});

test('names each missing part and inserts it in its place', () => {
  const text = makeLetter({ items: [{ title: 'Norco 10/325mg #90', maximus: null }] });
  const { findings, spanText } = check(itemParts, text);
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /MAXIMUS guideline:/);
  assert.equal(spanText(findings[0]), 'Norco 10/325mg #90');
  const fixed = applyEdits(text, findings[0].fixes![0].edits);
  const lines = fixed.split('\n');
  const claims = lines.findIndex((line) => line.startsWith('Claims Administrator guideline:'));
  assert.equal(lines[claims + 1], 'MAXIMUS guideline: ');
  assert.ok(lines[claims + 2].startsWith('Decision rationale:'));
});

test('reports every part of a half-typed item', () => {
  const text = makeLetter({ items: [{ title: 'Norco 10/325mg #90', claims: null, maximus: null, rationale: null }] });
  const { findings } = check(itemParts, text);
  assert.equal(findings.length, 3);
});

test('an inserted line keeps a CRLF draft CRLF', () => {
  const text = makeLetter({ items: [{ title: 'Norco 10/325mg #90', maximus: null }], eol: '\r\n' });
  const { findings } = check(itemParts, text);
  const fixed = applyEdits(text, findings[0].fixes![0].edits);
  assert.match(fixed, /\r\nMAXIMUS guideline: \r\nDecision rationale:/);
  assert.equal(/[^\r]\n/.test(fixed), false, 'no bare LF was introduced');
});
