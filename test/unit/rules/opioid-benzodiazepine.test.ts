import assert from 'node:assert/strict';
import { test } from 'node:test';
import { opioidBenzodiazepine } from '../../../server/src/rules/opioid-benzodiazepine';
import { check } from '../../support/run-rule';
import { makeLetter } from '../../support/letters';
import { checkFixture } from '../../fixtures/rules/fixtures';

const norco = { title: 'Norco 10/325mg #90', rationale: 'The patient reports pain relief and walks farther with Norco. The request is medically necessary.', decision: 'Overturned' };
const xanax = { title: 'Xanax 0.5mg #30', rationale: 'There is no documented anxiety disorder. The request is not medically necessary.' };
const summaryWith = (sentence: string) => `The injured worker is a 47 year old cook with chronic neck pain since 2014. ${sentence}`;

test('an opioid and a benzodiazepine requested together, with no word on the combination, get a hint on the first of them', () => {
  const { findings, spanText, letter } = check(opioidBenzodiazepine, makeLetter({ items: [norco, xanax] }));
  assert.deepEqual(
    findings.map((finding) => [letter.items[finding.itemIndex!].title, spanText(finding), finding.message, finding.related?.map((related) => related.message)]),
    [['Norco 10/325mg #90', 'Decision rationale:', "An opioid and a benzodiazepine are both requested, but no rationale addresses the combination (sedation, respiratory depression, the guideline's caution against using them together).", ['Also requested.']]],
  );
  assert.equal(opioidBenzodiazepine.defaultSeverity, 'hint');
});

test('any rationale naming the danger or the combination, even quoting the guideline, addresses it', () => {
  for (const sentence of [
    'Concurrent use with an opioid raises the risk of respiratory depression.',
    'The MTUS cautions against benzodiazepines in combination with opioids.',
    'Xanax adds sedation to his Norco.',
  ]) {
    const addressed = { ...xanax, rationale: `${sentence} The request is not medically necessary.` };
    assert.deepEqual(check(opioidBenzodiazepine, makeLetter({ items: [norco, addressed] })).findings, [], sentence);
  }
});

test('the standard disclaimer does not address the combination, whatever words it holds', () => {
  const disclaimer = 'This decision addresses the medical necessity of Xanax alone, not its combination with other medications.';
  const withDisclaimer = { ...xanax, rationale: `There is no documented anxiety disorder. ${disclaimer} The request is not medically necessary.` };
  assert.equal(check(opioidBenzodiazepine, makeLetter({ items: [norco, withDisclaimer] })).findings.length, 1);
  // The same words outside the disclaimer address it.
  const own = { ...xanax, rationale: 'Its combination with Norco is not addressed by the prescriber. The request is not medically necessary.' };
  assert.deepEqual(check(opioidBenzodiazepine, makeLetter({ items: [norco, own] })).findings, []);
});

test('one requested while the summary shows the other in current use; history, negation and no benzodiazepine pass', () => {
  const fired = check(opioidBenzodiazepine, makeLetter({ items: [norco], summary: summaryWith('Current medications include Xanax 0.5mg at bedtime and Motrin.') }));
  assert.equal(fired.findings.length, 1);
  assert.match(fired.findings[0].message, /^An opioid is requested while the case summary shows a benzodiazepine in use/);
  assert.deepEqual(fired.findings[0].related?.map((related) => fired.spanText({ ...fired.findings[0], span: related.span })), ['Current medications include Xanax 0.5mg at bedtime and Motrin.']);
  const benzoRequested = check(opioidBenzodiazepine, makeLetter({ items: [xanax], summary: summaryWith('He is taking Percocet for breakthrough pain.') }));
  assert.match(benzoRequested.findings[0]?.message ?? '', /^A benzodiazepine is requested while the case summary shows an opioid in use/);
  for (const sentence of ['Xanax was stopped in 2015 because of dizziness.', 'He is not taking Xanax.', 'He takes Motrin daily.']) {
    assert.deepEqual(check(opioidBenzodiazepine, makeLetter({ items: [norco], summary: summaryWith(sentence) })).findings, [], sentence);
  }
});

test('a patch opioid counts as an opioid', () => {
  const butrans = { title: 'Butrans 5mcg/hr patch #4', rationale: 'Buprenorphine is not indicated here. The request is not medically necessary.' };
  assert.equal(check(opioidBenzodiazepine, makeLetter({ items: [butrans, xanax] })).findings.length, 1);
});

test('fixtures: the letter flags the unaddressed combination, and passes once a rationale names the sedation it adds', () => {
  const failing = checkFixture(opioidBenzodiazepine, 'fail-combination-not-addressed');
  assert.deepEqual(failing.findings.map((finding) => failing.titleOf(finding.itemIndex)), ['Norco 10/325mg #90']);
  assert.deepEqual(checkFixture(opioidBenzodiazepine, 'pass-combination-addressed').findings, []);
});
