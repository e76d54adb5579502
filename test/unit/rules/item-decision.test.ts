import assert from 'node:assert/strict';
import { test } from 'node:test';
import { intendedDecision } from '../../../server/src/letter/decision';
import { itemDecision } from '../../../server/src/rules/item-decision';
import { applyEdits, check } from '../../support/run-rule';
import { makeLetter } from '../../support/letters';

test('passes Upheld and Overturned items', () => {
  const text = makeLetter({ items: [{ title: 'Tizanidine 4mg #60', decision: 'Upheld' }, { title: 'Home exercise kit', decision: 'Overturned' }] });
  assert.deepEqual(check(itemDecision, text).findings, []);
});

for (const [typed, meant] of [
  ['Uphold', 'Upheld'],
  ['Over turned', 'Overturned'],
] as const) {
  test(`flags "${typed}" and offers "${meant}" as the preferred, safe fix`, () => {
    const text = makeLetter({ items: [{ title: 'Tizanidine 4mg #60', decision: typed }] });
    const { findings, spanText } = check(itemDecision, text);
    assert.equal(findings.length, 1);
    assert.equal(spanText(findings[0]), typed);
    assert.equal(findings[0].itemIndex, 0);
    const fix = findings[0].fixes!.find((candidate) => candidate.isPreferred)!;
    assert.equal(fix.title, `Change to "${meant}"`);
    assert.equal(fix.safe, true);
    assert.deepEqual(check(itemDecision, applyEdits(text, fix.edits)).findings, []);
  });
}

test('flags an item line with no decision at all', () => {
  const text = makeLetter({ items: [{ title: 'Tizanidine 4mg #60', decision: null }] });
  const { findings, letter } = check(itemDecision, text);
  assert.equal(letter.items.length, 1, 'the item is still recognised by its guideline lines');
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /has no decision/);
  assert.deepEqual(
    findings[0].fixes!.map((fix) => fix.title),
    ['Add the decision "Upheld"', 'Add the decision "Overturned"'],
  );
});

test('only near-misses of the whole word count as a meant decision', () => {
  assert.equal(intendedDecision('upheld.'), 'Upheld');
  assert.equal(intendedDecision('Overtuned'), 'Overturned');
  assert.equal(intendedDecision('Overturn'), 'Overturned');
  assert.equal(intendedDecision('Denied'), null);
  assert.equal(intendedDecision('Upheld in part'), null);
  assert.equal(intendedDecision('Overtime'), null);
});

test('a decision that is not a near-miss gets both choices and no safe fix', () => {
  const text = makeLetter({ items: [{ title: 'Tizanidine 4mg #60', decision: 'Upheld in part' }] });
  const { findings } = check(itemDecision, text);
  assert.equal(findings.length, 1);
  assert.deepEqual(
    findings[0].fixes!.map((fix) => [fix.title, fix.safe ?? false]),
    [
      ['Change to "Upheld"', false],
      ['Change to "Overturned"', false],
    ],
  );
});

test('adding a missing decision after a typed colon does not double the colon', () => {
  const text = makeLetter({ items: [{ title: 'Tizanidine 4mg #60:', decision: null }] });
  const { findings } = check(itemDecision, text);
  assert.equal(findings.length, 1);
  assert.match(applyEdits(text, findings[0].fixes![0].edits), /^Tizanidine 4mg #60: Upheld$/m);
});
