import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citationMissing } from '../../../server/src/rules/citation-missing';
import { applyEdits } from '../../support/run-rule';
import { checkFixture } from '../../fixtures/rules/fixtures';

test('a MAXIMUS line that cites nothing is a warning; a Non-MTUS-only line gets a hint', () => {
  const { findings, spanText, titleOf, text } = checkFixture(citationMissing, 'fail-citations');
  // The item with no MAXIMUS line at all is item-parts' finding, not this rule's.
  assert.deepEqual(
    findings.map((finding) => [titleOf(finding.itemIndex), finding.severity ?? 'default']),
    [
      ['NCV of the right upper extremity', 'default'],
      ['Paraffin bath for home use', 'hint'],
    ],
  );
  assert.equal(spanText(findings[0]), 'MAXIMUS guideline: Decision based on.');
  const fix = findings[0].fixes?.[0];
  assert.ok(fix);
  assert.ok(applyEdits(text, fix.edits).includes('MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.'));
  assert.match(findings[1].message, /MTUS .*comes first/);
});

test('an MTUS citation, an explicit "did not cite" and a Non-MTUS citation that states it is outside the MTUS all pass', () => {
  const { findings } = checkFixture(citationMissing, 'pass-citations');
  assert.deepEqual(findings, []);
});
