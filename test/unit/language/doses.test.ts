import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gluedDose, isAmountUnit, normaliseUnit, STRENGTH_UNITS } from '../../../server/src/language/doses';

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
