import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHECKS_NEEDING_THE_DRUG, unknownDrug } from '../../../server/src/rules/unknown-drug';
import { functionalImprovement } from '../../../server/src/rules/functional-improvement';
import { checkFixture, fixtureText } from '../../fixtures/rules/fixtures';
import { makeLetter } from '../../support/letters';
import { check } from '../../support/run-rule';

test('a medication the dictionary does not know is reported on its name, with the checks that could not run', () => {
  const { findings, spanText, titleOf } = checkFixture(unknownDrug, 'fail-unknown-drug');
  assert.equal(findings.length, 1, 'Norco is known and the MRI is not a medication');
  assert.equal(titleOf(findings[0].itemIndex), 'Zorvexin 15mg #60');
  assert.equal(spanText(findings[0]), 'Zorvexin');
  for (const id of CHECKS_NEEDING_THE_DRUG) assert.ok(findings[0].message.includes(id), id);
  // The silence it explains: functional-improvement has nothing to say about the unknown drug.
  const silent = check(functionalImprovement, fixtureText(unknownDrug.id, 'fail-unknown-drug')).findings.filter((finding) => finding.itemIndex === 0);
  assert.deepEqual(silent, []);
});

test('known drugs, brands, topicals and non-medication items pass', () => {
  assert.deepEqual(checkFixture(unknownDrug, 'pass-known-drugs').findings, []);
});

test('a title without a strength is not taken for a medication, and a wrapped title is still found', () => {
  const letter = (title: string) => makeLetter({ items: [{ title, decision: 'Upheld' }] });
  assert.deepEqual(check(unknownDrug, letter('Ergonomic chair evaluation')).findings, []);
  const { findings, spanText } = check(unknownDrug, letter('Zorvexin ER 30mg #30'));
  assert.equal(findings.length, 1);
  assert.match(spanText(findings[0]), /^Zorvexin/);
});
