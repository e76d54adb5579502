import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guessDecision, itemDecision } from '../../../server/src/rules/item-decision';
import { applyEdits, check } from '../../support/runRule';
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

test('guesses the decision meant by common misspellings', () => {
  assert.equal(guessDecision('upheld.'), 'Upheld');
  assert.equal(guessDecision('Overtuned'), 'Overturned');
  assert.equal(guessDecision('Denied'), null);
});
