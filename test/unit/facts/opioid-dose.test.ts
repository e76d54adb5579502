import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadKnowledge } from '../../../server/src/knowledge';
import { parseLetter } from '../../../server/src/letter/parse';
import { ruleContext } from '../../../server/src/engine/run-rules';
import { readDirections } from '../../../server/src/language/doses';
import { makeLetter } from '../../support/letters';

const knowledge = loadKnowledge();

/** The dose of a one-item letter with this title, as the facts compute it. */
function dose(title: string) {
  const letter = parseLetter(makeLetter({ items: [{ title }] }));
  assert.equal(letter.items[0]?.title, title);
  return ruleContext(letter, knowledge).facts.opioidDose(0);
}

test('directions: units per dose, doses per day and days of supply, ranges at their largest', () => {
  assert.deepEqual(readDirections('one tablet twice daily 14 days #40'), { unitsPerDose: 1, dosesPerDay: 2, supplyDays: null });
  assert.deepEqual(readDirections('#60, 1-2 tabs orally every 4-6 hrs as needed'), { unitsPerDose: 2, dosesPerDay: 6, supplyDays: null });
  assert.deepEqual(readDirections('#90 for 30 days'), { unitsPerDose: null, dosesPerDay: null, supplyDays: 30 });
  assert.deepEqual(readDirections('1 tab po q6h prn'), { unitsPerDose: 1, dosesPerDay: 4, supplyDays: null });
  assert.deepEqual(readDirections('TID, 30 day supply'), { unitsPerDose: null, dosesPerDay: 3, supplyDays: 30 });
  assert.deepEqual(readDirections('2 tablets three times a day'), { unitsPerDose: 2, dosesPerDay: 3, supplyDays: null });
  // A count that is not followed by how it is taken is a quantity, and "as needed" alone is no frequency.
  assert.deepEqual(readDirections('60 tablets as needed for pain'), { unitsPerDose: null, dosesPerDay: null, supplyDays: null });
  assert.deepEqual(readDirections('60 tablets every 6 hours'), { unitsPerDose: null, dosesPerDay: 4, supplyDays: null });
  assert.deepEqual(readDirections('#60 with 2 refills'), { unitsPerDose: null, dosesPerDay: null, supplyDays: null });
});

test('daily MME from strength and frequency, the opioid share of a combination, a patch, and a quantity over days', () => {
  const mme = (title: string) => dose(title)?.dailyMme ?? null;
  assert.equal(mme('Norco 5/325mg oral tablet, one tablet twice daily 14 days #40'), 10);
  assert.equal(mme('Post-op Norco 5/325mg #60, 1-2 tabs orally every 4-6 hrs as needed'), 60);
  assert.equal(mme('Percocet 10/325mg one tablet every 6 hours #120'), 60);
  assert.equal(mme('Ultracet 37.5/325mg 2 tablets by mouth every 6 hours'), 30);
  // Codeine comes second in acetaminophen/codeine: 30 mg × 3 × 0.15.
  assert.equal(mme('Tylenol with Codeine 300/30mg one tablet TID'), 13.5);
  assert.equal(mme('Oxycodone 10mg #90 for 30 days'), 45);
  assert.equal(mme('Duragesic 25mcg/hr patch #10'), 60);
  // Methadone's factor depends on the daily dose (CDC 2016): 10 mg/day × 4, 30 mg/day × 8.
  assert.equal(mme('Methadone 5mg twice daily #60'), 40);
  assert.equal(mme('Methadone 10mg three times daily #90'), 240);
});

test('no figure without enough in the line, and none for a drug the table leaves out', () => {
  assert.deepEqual(
    ['Tramadol 50mg #60', 'Norco 10/325mg #240', 'Tylenol #3 #60', 'Norco 10/325mg #90 as needed'].map((title) => [title, dose(title)?.dailyMme, dose(title)?.missing]),
    [
      ['Tramadol 50mg #60', null, 'the item gives no frequency, and no quantity over a stated number of days'],
      ['Norco 10/325mg #240', null, 'the item gives no frequency, and no quantity over a stated number of days'],
      ['Tylenol #3 #60', null, 'the item gives no strength'],
      ['Norco 10/325mg #90 as needed', null, 'the item gives no frequency, and no quantity over a stated number of days'],
    ],
  );
  const butrans = dose('Butrans Patch 5 MCG #4');
  assert.equal(butrans?.dailyMme, null);
  assert.match(butrans?.missing ?? '', /not in the CDC 2016/);
  assert.equal(dose('Tizanidine 4mg twice daily #60'), null);
});

test('the arithmetic shown to the user', () => {
  assert.equal(dose('Post-op Norco 5/325mg #60, 1-2 tabs orally every 4-6 hrs as needed')?.arithmetic, '5 mg × 2 × 6/day × 1');
  assert.equal(dose('Oxycodone 10mg #90 for 30 days')?.arithmetic, '10 mg × 90 ÷ 30 days × 1.5');
  assert.equal(dose('Duragesic 25mcg/hr patch #10')?.arithmetic, '25 mcg/hr × 2.4');
});
