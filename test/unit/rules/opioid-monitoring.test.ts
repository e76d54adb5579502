import assert from 'node:assert/strict';
import { test } from 'node:test';
import { opioidMonitoring } from '../../../server/src/rules/opioid-monitoring';
import { checkFixture } from '../../fixtures/rules/fixtures';

test('the message names exactly the A\'s that neither the rationale nor the summary covers', () => {
  const { findings, spanText, titleOf } = checkFixture(opioidMonitoring, 'fail-two-domains-missing');
  assert.equal(findings.length, 1);
  const [finding] = findings;
  assert.equal(titleOf(finding.itemIndex), 'Percocet 10/325mg #120');
  assert.equal(spanText(finding), 'Decision rationale:');
  // The guideline sentence lists side effects and drug screens, but says nothing about this worker.
  assert.match(finding.message, /adverse effects or aberrant drug behaviour/);
  assert.doesNotMatch(finding.message, /analgesia|activities of daily living/);
  const covered = (finding.related ?? []).map((passage) => passage.message).filter((message) => message.startsWith('Covers'));
  assert.equal(covered.length, 2);
});

test('all four A\'s across the summary and the rationale pass; a post-operative supply is not ongoing therapy', () => {
  const { findings } = checkFixture(opioidMonitoring, 'pass-all-four-covered');
  assert.deepEqual(findings, []);
});

test('a guideline list that a case sentence only refers back to ("the above review") addresses no A for this worker', () => {
  const { findings } = checkFixture(opioidMonitoring, 'fail-guideline-list-referred-back');
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /analgesia .*, activities of daily living or function, adverse effects or aberrant drug behaviour/);
});
