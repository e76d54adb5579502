import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quantity } from '../../../server/src/rules/quantity';
import { applyEdits, check } from '../../support/run-rule';
import { makeLetter } from '../../support/letters';
import { checkFixture } from '../../fixtures/rules/fixtures';

test('medication items without a quantity are flagged on their title, with fixes', () => {
  const { findings, spanText, titleOf, text, letter } = checkFixture(quantity, 'fail-no-quantity');
  assert.deepEqual(findings.map((finding) => titleOf(finding.itemIndex)), ['Pepcid 20mg', 'Ketoprofen 10%, Lidocaine 5% in cream base']);
  assert.equal(spanText(findings[0]), 'Pepcid 20mg');
  // The case summary gives "#60" for Pepcid, so the preferred fix copies it.
  const preferred = findings[0].fixes?.find((fix) => fix.isPreferred);
  assert.ok(preferred);
  assert.match(preferred.title, /#60/);
  const fixed = applyEdits(text, preferred.edits);
  assert.ok(fixed.includes('Pepcid 20mg #60: Upheld'));
  assert.ok((findings[0].related ?? []).some((passage) => text.slice(passage.span.start, passage.span.end) === '#60'));
  // The compound has no quantity anywhere: only "quantity unknown" is offered.
  assert.deepEqual(findings[1].fixes?.map((fix) => fix.title), ['State that the quantity is unknown']);
  assert.equal(letter.items.length, 2);
});

test('"#30", an amount in grams and an explicit "quantity unknown" all pass; non-drug items are ignored', () => {
  const { findings } = checkFixture(quantity, 'pass-quantities-stated');
  assert.deepEqual(findings, []);
});

test('amounts in words or with units are quantities; a concentration is not; a rationale may say none was given', () => {
  const fires = (title: string, rationale = 'The request is not medically necessary.') =>
    check(quantity, makeLetter({ summary: 'The injured worker has neck pain.', items: [{ title, rationale }] })).findings.length > 0;
  assert.equal(fires('Voltaren gel 1% one tube'), false);
  assert.equal(fires('Lidocaine 5% ointment 10 ml'), false);
  assert.equal(fires('Terocin lotion QTY: 2'), false);
  assert.equal(fires('Ketorolac 10 mg/1 ml injection'), true, 'the 1 ml is a concentration');
  assert.equal(fires('Ketorolac 10 mg/1 ml injection', 'The request did not specify a quantity. It is not medically necessary.'), false);
  assert.equal(fires('Naproxen 550mg'), true);
});
