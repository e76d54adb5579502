import assert from 'node:assert/strict';
import { test } from 'node:test';
import { partialScope } from '../../../server/src/rules/partial-scope';
import { check } from '../../support/run-rule';
import { checkFixture } from '../../fixtures/rules/fixtures';
import { makeLetter } from '../../support/letters';

test('a partial authorization whose rationale decides the original request, or never names the remaining part, is flagged', () => {
  const { findings, spanText, titleOf } = checkFixture(partialScope, 'fail-remaining-part-not-decided');
  assert.deepEqual(
    findings.map((finding) => [titleOf(finding.itemIndex), spanText(finding), finding.message]),
    [
      ['Physical therapy 6 visits', '12', 'The rationale concludes on the original request (12), but this item is the remaining 6 of 12 requested, 6 authorized: decide the remaining part.'],
      [
        'Tizanidine 4mg #30',
        'Decision rationale:',
        'This item is the remaining part of a partial authorization (30 of 90 requested, 60 authorized), but the rationale never refers to it: name the remaining 30, or "the remaining portion", in the rationale.',
      ],
    ],
  );
});

test('naming the remaining count, "the remaining portion" or the remaining amount in the conclusion passes', () => {
  assert.deepEqual(checkFixture(partialScope, 'pass-remaining-part-decided').findings, []);
});

const partialItem = (rationale: string) =>
  makeLetter({
    items: [
      {
        title:
          'Physical therapy 2 times a week for 6 weeks was the original request. Physical therapy 6 visits was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Physical therapy 6 visits is',
        rationale,
      },
    ],
  });

test('the remaining count in guideline text or the disclaimer does not decide the remaining part', () => {
  const guideline = check(partialScope, partialItem('The MTUS recommends a trial of 6 visits before more therapy. Therefore the request is not medically necessary.'));
  assert.equal(guideline.findings.length, 1);
  const generalMore = check(partialScope, partialItem('Per the guidelines, additional sessions may be added with documented improvement. The request is not medically necessary.'));
  assert.equal(generalMore.findings.length, 1);
  const disclaimer = check(partialScope, partialItem('The patient is advised to consult the treating physician after 6 visits. The request is not medically necessary.'));
  assert.equal(disclaimer.findings.length, 1);
  // The same count said of this worker decides it.
  const own = check(partialScope, partialItem('The patient has improved, so 6 visits are not needed. The request is not medically necessary.'));
  assert.deepEqual(own.findings, []);
});

test('"additional sessions" about this worker beyond the authorized part decides it', () => {
  const decided = check(partialScope, partialItem('Given that the patient has already been authorized an initial trial, additional sessions are not appropriate. The request is not medically necessary.'));
  assert.deepEqual(decided.findings, []);
});

test('items that are not partial authorizations are not checked', () => {
  const whole = check(partialScope, makeLetter({ items: [{ title: 'Physical therapy 12 visits', rationale: 'The request for 8 visits is not medically necessary.' }] }));
  assert.deepEqual(whole.findings, []);
});
