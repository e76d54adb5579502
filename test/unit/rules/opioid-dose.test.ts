import assert from 'node:assert/strict';
import { test } from 'node:test';
import { opioidDose } from '../../../server/src/rules/opioid-dose';
import { loadKnowledge } from '../../../server/src/knowledge';
import { parseLetter } from '../../../server/src/letter/parse';
import { ruleContext } from '../../../server/src/engine/run-rules';
import { checkFixture, fixtureText } from '../../fixtures/rules/fixtures';

const knowledge = loadKnowledge();
const run = (text: string, opioidDoseThreshold?: number) => {
  const letter = parseLetter(text);
  const config = { rules: {}, ignore: [], ...(opioidDoseThreshold === undefined ? {} : { opioidDoseThreshold }) };
  return opioidDose.check(letter, ruleContext(letter, knowledge, config));
};

test('requested opioids at or above the threshold need the dose discussed in each Overturned opioid rationale', () => {
  const { findings, spanText, titleOf } = checkFixture(opioidDose, 'fail-high-dose-not-discussed');
  assert.deepEqual(
    findings.map((finding) => [titleOf(finding.itemIndex), spanText(finding), finding.message, finding.related?.[0]?.message]),
    [
      [
        'Percocet 10/325mg two tablets every 6 hours #240',
        'Decision rationale:',
        "The requested opioids come to about 180 MME a day (Percocet 120 + MS Contin 60), at or above the 90 MME a day of the CDC 2016 guideline (not verified), but this Overturned item's rationale does not discuss the dose.",
        'This item: about 120 MME a day.',
      ],
      [
        'MS Contin 30mg twice daily #60',
        'Decision rationale:',
        "The requested opioids come to about 180 MME a day (Percocet 120 + MS Contin 60), at or above the 90 MME a day of the CDC 2016 guideline (not verified), but this Overturned item's rationale does not discuss the dose.",
        'This item: about 60 MME a day.',
      ],
    ],
  );
});

test('a sentence about this worker that discusses the dose passes; the guideline stating its limit does not', () => {
  assert.deepEqual(checkFixture(opioidDose, 'pass-high-dose-discussed').findings, []);
});

test('the threshold follows the Chronic Pain guideline in force, and the setting overrides it', () => {
  // 60 + 30 = 90 MME a day.
  const lower = fixtureText('opioid-dose', 'fail-high-dose-not-discussed')
    .replace('two tablets every 6 hours #240', 'one tablet every 6 hours #120')
    .replace('MS Contin 30mg twice daily #60', 'MS Contin 15mg twice daily #60');
  assert.equal(run(lower).length, 2, '2019: 90 MME from CDC 2016');
  const in2015 = lower.replace('UR Denial Date: 02/05/2019', 'UR Denial Date: 02/05/2015').replace('Decision Date: 03/28/2019', 'Decision Date: 03/28/2015');
  assert.equal(run(in2015).length, 0, '2015: the 2009 guideline\'s 120 mg');
  const at120 = in2015.replace('MS Contin 15mg twice daily #60', 'MS Contin 30mg twice daily #60');
  assert.match(run(at120)[0]?.message ?? '', /about 120 MME a day .* at or above the 120 MME a day of the Chronic Pain Medical Treatment Guidelines, page 86 \(page not verified\)/);
  assert.equal(run(lower, 100).length, 0, 'a setting of 100 is above 90');
  assert.match(run(lower, 50)[0]?.message ?? '', /threshold of 50 MME a day set in imr\.opioidDoseThreshold/);
});

test('an Upheld item, or a dose the lines do not give, is not counted', () => {
  const upheld = fixtureText('opioid-dose', 'fail-high-dose-not-discussed').replaceAll(': Overturned', ': Upheld');
  assert.deepEqual(run(upheld), []);
  const unknown = fixtureText('opioid-dose', 'fail-high-dose-not-discussed').replace('two tablets every 6 hours #240', '#240').replace('MS Contin 30mg twice daily #60', 'MS Contin 30mg #60');
  assert.deepEqual(run(unknown), []);
});
