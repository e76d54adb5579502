import assert from 'node:assert/strict';
import { test } from 'node:test';
import { durationOfUse } from '../../../server/src/rules/duration-of-use';
import { makeLetter } from '../../support/letters';
import { check } from '../../support/run-rule';
import { checkFixture } from '../../fixtures/rules/fixtures';

test('muscle relaxants and benzodiazepines without a stated duration are flagged; a date next to another drug does not count', () => {
  const { findings, spanText, titleOf } = checkFixture(durationOfUse, 'fail-no-duration');
  assert.deepEqual(findings.map((finding) => titleOf(finding.itemIndex)), ['Soma 350mg #90', 'Xanax 0.5mg #60']);
  assert.ok(findings.every((finding) => spanText(finding) === 'Decision rationale:'));
  assert.match(findings[0].message, /muscle relaxant/);
  assert.match(findings[1].message, /benzodiazepine/);
});

test('"since at least" next to the drug, "for more than 6 months" about "this medication" and "a new prescription" all state a duration', () => {
  const { findings } = checkFixture(durationOfUse, 'pass-duration-stated');
  assert.deepEqual(findings, []);
});

test('a muscle relaxant the letter does not show in use is not asked for a duration; one it shows in use is', () => {
  const rationale = 'Muscle relaxants are recommended for short-term use only. The request is not medically necessary.';
  const newRequest = makeLetter({ summary: 'The injured worker reports low back spasm. A trial of a muscle relaxant was requested.', items: [{ title: 'Lorzone 750mg #45', rationale }] });
  assert.deepEqual(check(durationOfUse, newRequest).findings, []);
  const inUse = makeLetter({ summary: 'The injured worker reports low back spasm. Current medications include Lorzone.', items: [{ title: 'Lorzone 750mg #45', rationale }] });
  assert.equal(check(durationOfUse, inUse).findings.length, 1);
});

test('a refill of the existing prescription shows use, even when the refill was not needed', () => {
  const letter = makeLetter({
    summary: 'The injured worker reports low back spasm.',
    items: [{ title: 'Tizanidine 4mg #60', rationale: 'The records show he did not need a refill of this prescription. The request is not medically necessary.' }],
  });
  assert.equal(check(durationOfUse, letter).findings.length, 1, 'in use, and no duration stated');
});
