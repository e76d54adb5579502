import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleContext } from '../../../server/src/engine/run-rules';
import { loadKnowledge } from '../../../server/src/knowledge';
import { parseLetter } from '../../../server/src/letter/parse';
import { makeLetter } from '../../support/letters';

const knowledge = loadKnowledge();
const SUMMARY = 'The injured worker has low back pain. Current medications include Lyrica 75mg and Norco 10/325mg, taken since 2015.';

/** Whether the letter shows prior use of its first item, for a rationale and summary of our own. */
function priorUse(rationale: string, summary = SUMMARY, title = 'Lyrica 75mg #60'): boolean {
  const letter = parseLetter(makeLetter({ summary, items: [{ title, decision: 'Upheld', rationale }] }));
  return ruleContext(letter, knowledge).facts.item(0).priorUse !== null;
}

const VERDICT = 'Therefore, the request is not medically necessary.';

test('a rationale that calls the request a first course outweighs the drug in the medication list', () => {
  assert.equal(priorUse(`The guidelines support anti-epilepsy drugs for neuropathic pain. ${VERDICT}`), true, 'the summary shows use');
  for (const sentence of [
    'This is a request for an initial trial of Lyrica.',
    'The request is for a trial of Lyrica for neuropathic pain.',
    'Lyrica was requested as a new prescription.',
    'The provider requested Lyrica to start treatment of the neuropathic pain.',
  ]) {
    assert.equal(priorUse(`${sentence} ${VERDICT}`), false, sentence);
  }
});

test('only a new request for this item counts, in a sentence about the request and about this worker', () => {
  const cases: [string, boolean][] = [
    // The trial is another drug's.
    ['The request for Lyrica was made after a failed trial of gabapentin.', true],
    ['The request for Lyrica comes after a trial of gabapentin.', true],
    // Going on with a trial is continued use.
    ['The request is for a continued trial of Lyrica.', true],
    ['This request is for another trial of Lyrica.', true],
    // Negated: "not a new prescription".
    ['The requested Lyrica is not a new prescription.', true],
    // Not about the request: history of an earlier trial.
    ['Lyrica was given as a trial in 2015 with benefit.', true],
    // Guideline text about trials says nothing about this worker.
    ['MTUS guidelines recommend a trial of anti-epilepsy drugs for neuropathic pain.', true],
  ];
  for (const [sentence, shown] of cases) assert.equal(priorUse(`${sentence} ${VERDICT}`), shown, sentence);
});

test('a therapy whose rationale calls the request an initial course is not continued', () => {
  const summary = 'The injured worker has had physical therapy for the shoulder in the past.';
  const title = 'Physical therapy 2 times a week for 6 weeks';
  assert.equal(priorUse(`The records were reviewed. ${VERDICT}`, summary, title), true);
  assert.equal(priorUse(`This request is for an initial course of physical therapy. ${VERDICT}`, summary, title), false);
});

test('"was prescribed on" the date of the request is the request, not earlier use (the letter\'s UR denial is 12/20/2016)', () => {
  const summary = (date: string) => `The injured worker has neuropathic pain of the legs. Lyrica 75mg was prescribed on ${date} by the treating physician.`;
  const rationale = `The guidelines support anti-epilepsy drugs for neuropathic pain. ${VERDICT}`;
  assert.equal(priorUse(rationale, summary('06/14/2015')), true, 'prescribed long before the request');
  assert.equal(priorUse(rationale, summary('12/05/2016')), false, 'prescribed in the weeks before the UR denial: the request itself');
  assert.equal(priorUse(rationale, summary('the RFA dated 12/05/2016')), false);
  assert.equal(priorUse(rationale, summary('11/01/2016')), true, 'seven weeks before the UR denial');
  const later = `The injured worker has neuropathic pain of the legs. Lyrica 75mg, taken since 2015, was prescribed on 12/05/2016.`;
  assert.equal(priorUse(rationale, later), true, 'another cue in the sentence still shows use');
});

test('a near cue three tokens before the drug still shows use ("continue with the Norco"), four do not', () => {
  const rationale = `The guidelines support opioids in selected cases. ${VERDICT}`;
  const title = 'Norco 10/325mg #90';
  assert.equal(priorUse(rationale, 'The worker was told to continue with the Norco.', title), true);
  assert.equal(priorUse(rationale, 'The worker was told to continue with all of the Norco.', title), false);
});

test('a list of treatment to date reaches every drug it lists, however long; a drug before the cue is not in the list', () => {
  const rationale = `The guidelines support opioids with documented benefit. ${VERDICT}`;
  const long = 'The injured worker has low back pain. Treatment to date has included twelve sessions of physical therapy in 2012 and 2013, two lumbar epidural steroid injections, home exercise, Norco and cyclobenzaprine.';
  assert.equal(priorUse(rationale, long, 'Norco 10/325mg #90'), true);
  const before = 'The injured worker asks about Norco for low back pain; treatment to date has included physical therapy.';
  assert.equal(priorUse(rationale, before, 'Norco 10/325mg #90'), false);
  const negated = 'The injured worker has low back pain. Treatment to date has not included Norco.';
  assert.equal(priorUse(rationale, negated, 'Norco 10/325mg #90'), false);
});
