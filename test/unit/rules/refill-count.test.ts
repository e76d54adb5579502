import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PLACEHOLDER, refillCount } from '../../../server/src/rules/refill-count';
import { makeLetter } from '../../support/letters';
import { applyEdits, check } from '../../support/run-rule';
import { checkFixture } from '../../fixtures/rules/fixtures';

test('refills named in the summary or the title must be counted in the item and addressed in the rationale', () => {
  const { findings, spanText, titleOf, text } = checkFixture(refillCount, 'fail-refills-uncounted-and-unaddressed');
  const summary = findings.map((finding) => [titleOf(finding.itemIndex), spanText(finding)]);
  assert.deepEqual(summary, [
    ['Flexeril 10mg #60', 'Flexeril 10mg #60'],
    ['Flexeril 10mg #60', 'Decision rationale:'],
    ['Tramadol 50mg #90 with refills', 'refills'],
    ['Tramadol 50mg #90 with refills', 'Decision rationale:'],
  ]);
  // The summary says "with 3 refills" for Flexeril: the fix copies the count.
  const flexerilFix = findings[0].fixes?.[0];
  assert.ok(flexerilFix);
  assert.ok(applyEdits(text, flexerilFix.edits).includes('Flexeril 10mg #60 with 3 refills: Upheld'));
  // Tramadol's count is not known anywhere: a placeholder goes before "refills".
  const tramadolFix = findings[2].fixes?.[0];
  assert.ok(tramadolFix);
  assert.equal(tramadolFix.title, 'Insert a refill-count placeholder');
  assert.ok(applyEdits(text, tramadolFix.edits).includes(`Tramadol 50mg #90 with ${PLACEHOLDER} refills: Upheld`));
});

test('a counted refill that the rationale discusses passes, and items without refills are left alone', () => {
  const { findings } = checkFixture(refillCount, 'pass-refills-counted-and-addressed');
  assert.deepEqual(findings, []);
});

test('restating the refills in the concluding sentence does not address them; discussing them does', () => {
  const item = (rationale: string) => makeLetter({ items: [{ title: 'Zanaflex 2mg #60 with three refills', rationale }] });
  const restated = check(refillCount, item('There is no documented functional improvement. The request for Zanaflex 2mg #60 with three refills is not medically necessary.'));
  assert.deepEqual(restated.findings.map((finding) => finding.message.slice(0, 40)), ['Refills are requested for this item, but']);
  const discussed = check(refillCount, item('Three refills imply chronic use without re-evaluation. The request for Zanaflex 2mg #60 with three refills is not medically necessary.'));
  assert.deepEqual(discussed.findings, []);
});
