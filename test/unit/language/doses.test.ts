import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findStrength, gluedDose, hasStrength, isAmountUnit, normaliseUnit, refillMentions, strengthAt, STRENGTH_UNITS } from '../../../server/src/language/doses';
import { CARDINAL_WORDS, countValue } from '../../../server/src/language/numbers';
import { tokenList } from '../../../server/src/language/tokens';

test('a glued dose is split into its number and its normalised unit', () => {
  assert.deepEqual(gluedDose('10mg'), { value: '10', unit: 'mg' });
  assert.deepEqual(gluedDose('.5mg'), { value: '.5', unit: 'mg' });
  assert.deepEqual(gluedDose('111.2grams'), { value: '111.2', unit: 'g' });
  assert.deepEqual(gluedDose('240gm'), { value: '240', unit: 'g' });
  assert.deepEqual(gluedDose('4oz'), { value: '4', unit: 'oz' });
  assert.equal(gluedDose('10'), null, 'a number alone');
  assert.equal(gluedDose('mg'), null, 'a unit alone');
  assert.equal(gluedDose('1.2.3mg'), null, 'not a number');
  assert.equal(gluedDose('2x'), null, 'not a unit');
});

test('units have one spelling, and grams, millilitres and ounces are package amounts', () => {
  assert.equal(normaliseUnit('gms'), 'g');
  assert.equal(normaliseUnit('mls'), 'ml');
  assert.equal(normaliseUnit('unit'), 'units');
  assert.equal(normaliseUnit('mcg'), 'mcg');
  assert.ok(isAmountUnit('g') && isAmountUnit('ml') && isAmountUnit('oz'));
  assert.ok(!isAmountUnit('mg') && !isAmountUnit('%'));
  assert.ok(STRENGTH_UNITS.has('%') && STRENGTH_UNITS.has('mg') && !STRENGTH_UNITS.has('oz'));
});

const strengthText = (text: string, unitRequired = true) => {
  const tokens = tokenList(text);
  for (let index = 0; index < tokens.length; index++) {
    const strength = strengthAt(tokens, index, tokens.length, unitRequired);
    if (strength) return { text: text.slice(strength.span.start, strength.span.end), values: strength.values, unit: strength.unit };
  }
  return null;
};

test('a strength is a number or glued dose, combination parts, a unit and what it is per', () => {
  assert.deepEqual(strengthText('Norco 10/325mg #90'), { text: '10/325mg', values: ['10', '325'], unit: 'mg' });
  assert.deepEqual(strengthText('Norco 7.5-325 mg'), { text: '7.5-325 mg', values: ['7.5', '325'], unit: 'mg' });
  assert.deepEqual(strengthText('Norco 7.5 325 mg'), { text: '7.5 325 mg', values: ['7.5', '325'], unit: 'mg' });
  assert.deepEqual(strengthText('Lidoderm 5% patch'), { text: '5%', values: ['5'], unit: '%' });
  assert.deepEqual(strengthText('Duragesic 25mcg/hr #15'), { text: '25mcg/hr', values: ['25'], unit: 'mcg' });
  assert.deepEqual(strengthText('Keto 10 gms cream'), { text: '10 gms', values: ['10'], unit: 'g' });
  assert.equal(strengthText('Norco 10/325 #90'), null, 'a unit is required by default');
  assert.deepEqual(strengthText('Norco 10/325 #90', false), { text: '10/325', values: ['10', '325'], unit: null });
  assert.equal(strengthText('Terocin 4oz'), null, 'ounces are an amount');
});

test('findStrength skips numbers glued to a word or after "#", and hasStrength agrees with it', () => {
  const first = (text: string) => {
    const found = findStrength(tokenList(text));
    return found ? text.slice(found.span.start, found.span.end) : null;
  };
  assert.equal(first('Cream #60 grams'), null);
  assert.equal(first('Vitamin B12 1000mcg'), '1000mcg');
  assert.equal(first('Physical therapy 2 times a week'), null);
  assert.equal(first('Ketoprofen 20% cream 240 grams'), '20%');
  assert.ok(hasStrength(tokenList('Ultram 50 MG')));
  assert.ok(!hasStrength(tokenList('Ice/Heat pads #1')));
});

test('refill counts are read before and after the word, in digits or words, and each has its value', () => {
  const counts = (text: string) => refillMentions(tokenList(text)).map((mention) => [mention.count, mention.value]);
  assert.deepEqual(counts('Zolpidem 5mg #30 with three refills'), [['three', 3]]);
  assert.deepEqual(counts('Two refills of Zolpidem'), [['two', 2]]);
  assert.deepEqual(counts('Norco with three (3) refills'), [['3', 3]]);
  assert.deepEqual(counts('refills x2; refills: 4'), [['x2', 2], ['4', 4]]);
  assert.deepEqual(counts('with no refills'), [['no', 0]]);
  assert.deepEqual(counts('a refill'), [['a', 1]]);
  assert.deepEqual(counts('refill a prescription'), [[null, null]], '"a" after the word is not a count');
  assert.deepEqual(counts('Refill clinic visit'), [[null, null]]);
  assert.ok(refillMentions(tokenList('the refills were not addressed')).length > 0);
  assert.equal(refillMentions(tokenList('no more visits')).length, 0);
});

test('one number-word table gives every count its value', () => {
  assert.equal(countValue('three'), 3);
  assert.equal(countValue('Twelve'), 12);
  assert.equal(countValue('no'), 0);
  assert.equal(countValue('an'), 1);
  assert.equal(countValue('x3'), 3);
  assert.equal(countValue('12'), 12);
  assert.equal(countValue('several'), null);
  assert.deepEqual(CARDINAL_WORDS, ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']);
});
