import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMedication, quantityOf, refillsOf } from '../../../server/src/letter/medication';
import { classifyDecisionWord } from '../../../server/src/letter/decision';

test('quantity is the first integer after "#", and null without "#"', () => {
  assert.equal(quantityOf('Norco 10/325mg #120'), 120);
  assert.equal(quantityOf('Voltaren gel 1% #100 grams'), 100);
  assert.equal(quantityOf('Lidoderm patch #1 box'), 1);
  assert.equal(quantityOf('Capsaicin cream #2, 60 grams each'), 2);
  assert.equal(quantityOf('NCV of the bilateral lower extremities QTY: 2'), null);
  assert.equal(quantityOf('NCV of the bilateral lower extremities, 2'), null);
  assert.equal(quantityOf('Item with a stray # sign'), null);
});

test('refills in words or digits, after "with" or as "N refills of"', () => {
  assert.equal(refillsOf('Zolpidem 5mg #30 with three refills'), 3);
  assert.equal(refillsOf('Zolpidem 5mg #30 with 1 refill'), 1);
  assert.equal(refillsOf('Zolpidem 5mg #30 with one refill'), 1);
  assert.equal(refillsOf('Two refills of Zolpidem 5mg #30'), 2);
  assert.equal(refillsOf('Three refills of Meloxicam 15mg #30'), 3);
  assert.equal(refillsOf('Meloxicam 15mg #30'), null);
  assert.equal(refillsOf('Refill clinic visit'), null);
});

test('medication parts: drug, strength, quantity, refills, frequency', () => {
  assert.deepEqual(parseMedication('Norco 10/325mg #120'), { drug: 'Norco', strength: '10/325mg', quantity: 120, refills: null, frequency: null });
  assert.deepEqual(parseMedication('Pantoprazole 40mg, one by mouth, twice a day #60 with one refill'), {
    drug: 'Pantoprazole',
    strength: '40mg',
    quantity: 60,
    refills: 1,
    frequency: 'twice a day',
  });
  assert.deepEqual(parseMedication('Retrospective Meloxicam 7.5 mg tab #30 for 30 days'), {
    drug: 'Meloxicam',
    strength: '7.5 mg',
    quantity: 30,
    refills: null,
    frequency: 'for 30 days',
  });
  assert.equal(parseMedication('Lidocaine ointment 5% 35.44gm')?.strength, '5%');
  assert.equal(parseMedication('Lidocaine ointment 5% 35.44gm')?.drug, 'Lidocaine ointment');
  assert.equal(parseMedication('Fioricet #60')?.drug, 'Fioricet');
  assert.equal(parseMedication('Fioricet #60')?.strength, null);
  assert.equal(parseMedication('Oxycodone 5mg every 4-6 hours as needed #40')?.frequency, 'every 4-6 hours, as needed');
});

test('non-drug items are not medications', () => {
  assert.equal(parseMedication('MRI of the lumbar spine without contrast'), null);
  assert.equal(parseMedication('Physical therapy 2 times a week for 6 weeks'), null);
  assert.equal(parseMedication('L4-5 epidural steroid injection'), null);
});

test('decision words: valid in any case, decision-like misspellings, review words, and others', () => {
  assert.deepEqual(classifyDecisionWord('Upheld'), { kind: 'valid', decision: 'Upheld' });
  assert.deepEqual(classifyDecisionWord(' overturned '), { kind: 'valid', decision: 'Overturned' });
  for (const typed of ['Uphold', 'Upheld.', 'Over turned', 'Overturn', 'Overtuned', 'Uphled']) {
    assert.deepEqual(classifyDecisionWord(typed), { kind: 'decisionLike', decision: null }, typed);
  }
  for (const typed of ['Denied', 'Approved', 'Modified', 'Non-certified']) assert.equal(classifyDecisionWord(typed).kind, 'reviewWord', typed);
  for (const typed of ['Recommended', 'Not recommended', 'Special Studies', 'California', '11/14/16', '', 'Topical analgesics.']) {
    assert.equal(classifyDecisionWord(typed).kind, 'none', typed);
  }
});
