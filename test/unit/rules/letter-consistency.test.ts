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

test('a disputed item the summary\'s request for authorization leaves out of its list is flagged on the item', () => {
  const { findings, titleOf, text } = checkFixture(letterConsistency, 'fail-item-not-requested');
  // The MRI is found under its other name, the therapy by its kind, Hydrocodone/APAP as Norco's generic.
  assert.deepEqual(findings.map((finding) => titleOf(finding.itemIndex)), ['Hot and cold therapy unit, 30 day rental']);
  assert.equal(
    findings[0].message,
    'The case summary\'s request for authorization asks for "a lumbar MRI, physical therapy twice a week for four weeks, and Norco 10/325mg #90", but not this disputed item, which the letter decides.',
  );
  assert.match(text.slice(findings[0].related![0].span.start, findings[0].related![0].span.end), /^A request for authorization dated 01-22-2019/);
});

test('an item in the list, a list only pointed at, another request, a list of one, and a list naming no item pass', () => {
  // The unit is asked for as "a hot/cold unit"; "the requests below" lists nothing; a subsequent RFA is another request.
  assert.deepEqual(checkFixture(letterConsistency, 'pass-items-requested').findings, []);
  const fail = fixtureText('letter-consistency', 'fail-item-not-requested');
  const items = (text: string) => check(letterConsistency, text).findings.map((finding) => finding.itemIndex);
  // Without "subsequent", that other list would be read, and names none of the items but the one it misses.
  assert.deepEqual(items(fail.replace('and Norco 10/325mg #90.', 'and Norco 10/325mg #90. An RFA dated 01-30-2019 asked for a hot/cold unit and a brace.')), []);
  // A list naming none of the items is some other request: nothing is said.
  assert.deepEqual(items(fail.replace('a lumbar MRI,\nphysical therapy twice a week for four weeks, and Norco 10/325mg #90', 'a cane and a lumbar brace')), []);
  // One thing asked for is not a list.
  assert.deepEqual(items(fail.replace('a lumbar MRI,\nphysical therapy twice a week for four weeks, and Norco 10/325mg #90', 'a lumbar MRI')), []);
  // The MRI is found under its other name only: a CT of the same spine is another test.
  assert.deepEqual(items(fail.replace('for a lumbar MRI,', 'for a lumbar CT,')), [0, 3]);
  // A word naming a thing finds the item, but a body part does not.
  assert.deepEqual(items(fail.replace('and Norco 10/325mg #90.', 'Norco 10/325mg #90 and a lumbar hot/cold unit.')), []);
  assert.deepEqual(items(fail.replace('and Norco 10/325mg #90.', 'Norco 10/325mg #90 and a lumbar brace.')), [3]);
});

test('a long request list is quoted by its start, cut at a word', () => {
  const long = 'a lumbar MRI, physical therapy twice a week for four weeks, a functional restoration program evaluation with a psychologist and a vocational counsellor, a gym membership, and Norco 10/325mg #90';
  const text = fixtureText('letter-consistency', 'fail-item-not-requested').replace('a lumbar MRI,\nphysical therapy twice a week for four weeks, and Norco 10/325mg #90', long);
  const [finding] = check(letterConsistency, text).findings;
  const quote = /asks for "([^"]*)"/.exec(finding.message)![1];
  assert.ok(quote.endsWith(' ...') && long.startsWith(quote.slice(0, -4)) && quote.length <= 161, quote);
  assert.ok(long.charAt(quote.length - 4) === ' ', 'cut between words');
});
