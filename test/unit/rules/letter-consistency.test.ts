import assert from 'node:assert/strict';
import { test } from 'node:test';
import { letterConsistency } from '../../../server/src/rules/letter-consistency';
import { checkFixture, fixtureText } from '../../fixtures/rules/fixtures';
import { check } from '../../support/run-rule';

test('the summary contradicting the header is flagged: date of injury, UR date, a request after the UR, a report before the injury', () => {
  const { findings, spanText } = checkFixture(letterConsistency, 'fail-summary-contradicts-header');
  assert.deepEqual(
    findings.map((finding) => [spanText(finding), finding.message, finding.related?.map((related) => related.message)]),
    [
      ['05-04-2018', 'The case summary gives the date of injury as 05-04-2018; the header says 05/14/2018.', ['The header.']],
      ['01-29-2019', "The case summary dates the utilization review decision 01-29-2019; the header's UR denial date is 02/05/2019.", ['The header.']],
      ['02-11-2019', 'The request for authorization is dated 02-11-2019, after the UR denial date (02/05/2019), so the review cannot have decided it.', ['The header.']],
      ['01-22-2018', 'A progress report dated 01-22-2018 is before the date of injury (05/14/2018).', ['The header.']],
    ],
  );
});

test('agreeing dates, another injury or review, a date range, and a later request for something not in dispute pass', () => {
  // A month-year date of injury agrees with any day of its month; "prior injury", "previous utilization review" and
  // "subsequent RFA" are other events; a claim "from … to …" is a range; the 02-12 RFA asks for nothing in dispute.
  assert.deepEqual(checkFixture(letterConsistency, 'pass-summary-agrees-with-header').findings, []);
});

test('each pass condition holds only for its own wording', () => {
  const pass = fixtureText('letter-consistency', 'pass-summary-agrees-with-header');
  const spans = (text: string) => check(letterConsistency, text).findings.map((finding) => text.slice(finding.span.start, finding.span.end));
  // The review's one date, however far from the words naming the review.
  assert.deepEqual(spans(pass.replace('On 02-05-2019, the request', 'On 02-04-2019, the request')), ['02-04-2019']);
  // Without a decision word, a sentence naming a review is not about the denial.
  assert.deepEqual(spans(pass.replace('was\nnon-certified by Utilization Review', 'was\nsent to Utilization Review').replace('02-05-2019', '02-04-2019')), []);
  // A month-year date of injury in another month disagrees.
  assert.deepEqual(spans(pass.replace('date of injury of May 2018', 'date of injury of June 2018')), ['June 2018']);
  // Without "subsequent", a later request naming the disputed item is flagged.
  assert.deepEqual(spans(pass.replace('A subsequent RFA dated', 'An RFA dated')), ['02-15-2019']);
  // An updated report is still a report.
  assert.deepEqual(spans(pass.replace('progress report dated\n02-14-2019', 'progress report dated\n02-14-2017')), ['02-14-2017']);
});
