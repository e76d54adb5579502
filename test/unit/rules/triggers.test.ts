import assert from 'node:assert/strict';
import { test } from 'node:test';
import { durationOfUse } from '../../../server/src/rules/duration-of-use';
import { refillCount } from '../../../server/src/rules/refill-count';
import { makeLetter } from '../../support/letters';
import { check } from '../../support/run-rule';

// Conditions of the checks that no other test pinned with a pair that differs only in that condition (see TRIGGERS.md).

const UPHELD = 'There is no documentation of improved function. Therefore, the request is not medically necessary.';

test('refill-count: a title that asks for no refills needs no discussion of them; one refill does', () => {
  const letter = (title: string) => makeLetter({ items: [{ title, decision: 'Upheld', rationale: UPHELD }] });
  assert.deepEqual(check(refillCount, letter('Tizanidine 4mg #60 with no refills')).findings, []);
  const findings = check(refillCount, letter('Tizanidine 4mg #60 with one refill')).findings;
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /rationale does not address them/);
});

test('duration-of-use: a topical compound with a muscle relaxant is not asked for a duration; the oral drug is', () => {
  const summary = 'The injured worker has neck pain. Current medications include cyclobenzaprine, taken daily.';
  const letter = (title: string) => makeLetter({ summary, items: [{ title, decision: 'Upheld', rationale: UPHELD }] });
  assert.deepEqual(check(durationOfUse, letter('Cyclobenzaprine 2% cream 120gm')).findings, []);
  assert.equal(check(durationOfUse, letter('Cyclobenzaprine 10mg #60')).findings.length, 1);
});
