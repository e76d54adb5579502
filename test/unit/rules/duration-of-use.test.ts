import assert from 'node:assert/strict';
import { test } from 'node:test';
import { durationOfUse } from '../../../server/src/rules/duration-of-use';
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
