import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conclusionItemMismatch, doseAfter } from '../../../server/src/rules/conclusion-item-mismatch';
import { tokenList } from '../../../server/src/language/tokens';
import { applyEdits } from '../../support/run-rule';
import { checkFixture } from '../../fixtures/rules/fixtures';

test('a different strength and quantity, a different drug and the other side are all mismatches', () => {
  const { findings, spanText, titleOf, text } = checkFixture(conclusionItemMismatch, 'fail-mismatches');
  assert.deepEqual(
    findings.map((finding) => [titleOf(finding.itemIndex), spanText(finding).replace(/\s+/g, ' ')]),
    [
      ['Zanaflex 2mg #60', 'Zanaflex 4mg #90'],
      ['Motrin 800mg #90', 'Naprosyn 500mg #60'],
      ['MRI of the right knee', 'left'],
    ],
  );
  assert.match(findings[0].message, /strength and quantity differ/);
  const fix = findings[0].fixes?.[0];
  assert.ok(fix);
  assert.ok(applyEdits(text, fix.edits).includes('the request for\nZanaflex 2mg #60 is not medically necessary'));
  assert.equal(findings[2].fixes, undefined, 'no automatic rewrite for the side');
});

test('"Klonopin .5 #30" matches "Klonopin 0.5mg #30", brand matches generic, and omitted parts are not compared', () => {
  const { findings } = checkFixture(conclusionItemMismatch, 'pass-normalised-match');
  assert.deepEqual(findings, []);
});

test('doses are normalised: leading dots, units glued or apart, and -, / or spaces between strengths', () => {
  const dose = (text: string) => {
    const { strength, unit, quantity } = doseAfter(tokenList(text), 1, tokenList(text).length);
    return { strength: strength.join('/'), unit, quantity };
  };
  assert.deepEqual(dose('Klonopin .5 #30'), { strength: '0.5', unit: null, quantity: '30' });
  assert.deepEqual(dose('Klonopin 0.5mg #30'), { strength: '0.5', unit: 'mg', quantity: '30' });
  assert.deepEqual(dose('Norco 7.5 325 mg #112'), { strength: '7.5/325', unit: 'mg', quantity: '112' });
  assert.deepEqual(dose('Norco 7.5-325mg #112'), { strength: '7.5/325', unit: 'mg', quantity: '112' });
  assert.deepEqual(dose('Norco 5/325mg oral tablet, one tablet twice daily 14 days #40'), { strength: '5/325', unit: 'mg', quantity: '40' });
  assert.deepEqual(dose('Terocin 4oz #2'), { strength: '', unit: null, quantity: '2' }, 'ounces are an amount, not a strength');
  assert.deepEqual(dose('Xylocaine 5 unit #1'), dose('Xylocaine 5 units #1'), 'one spelling per unit');
});
