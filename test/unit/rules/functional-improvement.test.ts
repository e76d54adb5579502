import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { functionalImprovement } from '../../../server/src/rules/functional-improvement';
import { checkFixture } from '../../fixtures/rules/fixtures';
import { makeLetter } from '../../support/letters';
import { check } from '../../support/run-rule';

test('a continued muscle relaxant whose rationale never mentions function is flagged on its rationale label', () => {
  const { findings, spanText, titleOf } = checkFixture(functionalImprovement, 'fail-continued-no-function');
  assert.equal(findings.length, 1, 'the MRI item is not a medication or therapy and is left alone');
  const [finding] = findings;
  assert.equal(titleOf(finding.itemIndex), 'Zanaflex 4mg #90');
  assert.equal(spanText(finding), 'Decision rationale:');
  assert.match(finding.message, /continued medication does not address functional improvement/);
  const related = (finding.related ?? []).map((passage) => passage.message);
  assert.ok(related.includes('Prior use is shown here.'), 'points at the passage that shows prior use');
});

test('a negated mention ("no objective evidence of functional improvement") addresses function', () => {
  const { findings } = checkFixture(functionalImprovement, 'pass-negated-mention');
  assert.deepEqual(findings, []);
});

test('initial treatment and first prescriptions are not continued use', () => {
  const { findings } = checkFixture(functionalImprovement, 'pass-not-applicable');
  assert.deepEqual(findings, []);
});

test('an Overturned continued opioid whose every mention of function is negated is flagged', () => {
  const { findings, spanText } = checkFixture(functionalImprovement, 'fail-overturned-every-mention-negated');
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /Overturned/);
  assert.equal(spanText(findings[0]).toLowerCase(), 'function', 'points at the first mention of function in the rationale');
  assert.ok((findings[0].related ?? []).some((passage) => passage.message === 'Negated mention of function.'));
});

test('an Overturned continued opioid with positive functional evidence ("not only ... but also", "has improved") passes', () => {
  const { findings } = checkFixture(functionalImprovement, 'pass-overturned-positive-evidence');
  assert.deepEqual(findings, []);
});

describe('only sentences about this worker address function', () => {
  const letterWith = (rationale: string) =>
    makeLetter({
      summary: 'The injured worker has completed 12 sessions of physical therapy for the low back.',
      items: [{ title: 'Additional physical therapy 2 times a week for 4 weeks', decision: 'Upheld', rationale }],
    });
  const guidelineOnly =
    'Active therapy is beneficial for restoring flexibility, strength, endurance, function and range of motion. ' +
    'Home exercise can include functional activities with assistive devices. Treatment would be assessed based upon documented functional improvement. ' +
    'The request is not medically necessary.';

  test('function named only in restated guideline text does not count: the check fires', () => {
    const { findings } = check(functionalImprovement, letterWith(guidelineOnly));
    assert.equal(findings.length, 1);
  });

  test('a negated statement of what the record lacks counts: the check passes', () => {
    const { findings } = check(functionalImprovement, letterWith(`${guidelineOnly} There is no evidence of objective functional improvement with the prior sessions.`));
    assert.deepEqual(findings, []);
  });
});

describe('Overturned items need positive evidence; a trial is not continued use', () => {
  test('a negated mention with an improvement word is not positive evidence', () => {
    const letter = makeLetter({
      summary: 'The injured worker has taken Naproxen since 2015.',
      items: [{ title: 'Naproxen 550mg #60', decision: 'Overturned', rationale: 'The patient reports no improvement in function with Naproxen. The request is medically necessary.' }],
    });
    assert.equal(check(functionalImprovement, letter).findings.length, 1);
  });

  test('a trial named in the title is a first course, left alone', () => {
    const letter = makeLetter({
      summary: 'The injured worker has had physical therapy before.',
      items: [{ title: 'Trial of physical therapy 6 sessions', decision: 'Upheld', rationale: 'The guidelines support a trial. The request is not medically necessary.' }],
    });
    assert.deepEqual(check(functionalImprovement, letter).findings, []);
  });
});
