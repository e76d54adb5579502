import assert from 'node:assert/strict';
import { test } from 'node:test';
import { durationOfUse } from '../../../server/src/rules/duration-of-use';
import { makeLetter } from '../../support/letters';
import { check } from '../../support/run-rule';

const RATIONALE = 'Muscle relaxants are recommended only short term. There is no documentation of improved function. Therefore, the request is not medically necessary.';

/** Whether duration-of-use fires on a continued Xanax item, with this case summary. */
function fires(summary: string, title = 'Xanax 1mg #60'): boolean {
  return check(durationOfUse, makeLetter({ summary, items: [{ title, decision: 'Upheld', rationale: RATIONALE }] })).findings.length > 0;
}

test('a duration belongs to the mention nearest to it: another drug\'s does not date this one', () => {
  assert.equal(fires('Current medications include Xanax 1mg, taken since 2014.'), false, 'its own duration');
  assert.equal(fires('Current medications include Xanax 1mg and Norco.'), true, 'no duration at all');
  assert.equal(fires('Current medications include Soma and Norco for years, and Xanax 1mg.'), true, 'the years are Norco\'s');
  assert.equal(fires('Current medications include Norco, and Xanax 1mg for years.'), false, 'the years are the Xanax\'s');
});

test('a therapy\'s schedule in the same sentence does not date the drug', () => {
  const title = 'Zanaflex 4mg #60';
  assert.equal(fires('The worker takes Zanaflex 4mg and attends chiropractic twice a week for six weeks.', title), true);
  assert.equal(fires('The worker has taken Zanaflex 4mg for six weeks and attends chiropractic twice a week.', title), false);
});
