import assert from 'node:assert/strict';
import { test } from 'node:test';
import { functionalImprovement } from '../../../server/src/rules/functional-improvement';
import { makeLetter } from '../../support/letters';
import { check } from '../../support/run-rule';

const SUMMARY = 'The injured worker has chronic low back pain and has taken Norco 10/325mg since 2014.';

function fires(rationale: string): boolean {
  const text = makeLetter({ summary: SUMMARY, items: [{ title: 'Norco 10/325mg #90', decision: 'Overturned', rationale }] });
  return check(functionalImprovement, text).findings.length > 0;
}

test('an Overturned continued opioid: a negated mention of function is not positive evidence, even beside an improvement word', () => {
  assert.equal(fires('There is no documentation of improved function, although the pain has improved. Therefore, the request is medically necessary.'), true);
  assert.equal(fires('The worker reports improved function, walking two more blocks with Norco. Therefore, the request is medically necessary.'), false);
});
