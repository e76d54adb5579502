import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caseSpecificReasoning } from '../../../server/src/rules/case-specific-reasoning';
import { check } from '../../support/run-rule';
import { makeLetter } from '../../support/letters';
import { checkFixture } from '../../fixtures/rules/fixtures';

test('a rationale of guideline text, a quote and a bare conclusion is not tied to the case', () => {
  const { findings, spanText, titleOf } = checkFixture(caseSpecificReasoning, 'fail-guideline-only');
  assert.deepEqual(
    findings.map((finding) => [titleOf(finding.itemIndex), spanText(finding), finding.message]),
    [['Tizanidine 4mg #60', 'Decision rationale:', 'The rationale has no sentence about this worker or the record: all 3 of its reasons are guideline text or the standard disclaimer, so the decision is not tied to this case.']],
  );
  assert.equal(caseSpecificReasoning.defaultSeverity, 'hint');
});

test('a sentence about the record, or a reason given in the concluding sentence, ties it to the case', () => {
  assert.deepEqual(checkFixture(caseSpecificReasoning, 'pass-reasons-about-the-worker').findings, []);
});

test('"Patient has …" without an article is about the record', () => {
  const rationale = 'As per the ACOEM guidelines, imaging is ordered for red flags or failure to progress. Patient has completed physical therapy with no improvement. The MRI is medically necessary.';
  assert.deepEqual(check(caseSpecificReasoning, makeLetter({ items: [{ title: 'MRI of the right shoulder', decision: 'Overturned', rationale }] })).findings, []);
  const without = rationale.replace('Patient has completed physical therapy with no improvement. ', '');
  assert.equal(check(caseSpecificReasoning, makeLetter({ items: [{ title: 'MRI of the right shoulder', decision: 'Overturned', rationale: without }] })).findings.length, 1);
});

test('a guideline list in the present ("Patient is non-adherent", "Patient has engaged in diversion") is still guideline text', () => {
  const rationale = 'Most guidelines describe tapering under any of the following circumstances. Patient is non-adherent to treatment plan and monitoring. Patient has engaged in illegal activity, including diversion. The request is not medically necessary.';
  assert.equal(check(caseSpecificReasoning, makeLetter({ items: [{ title: 'Norco 10/325mg #90', rationale }] })).findings.length, 1);
});
