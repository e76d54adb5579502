import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateOrder } from '../../../server/src/rules/date-order';
import { checkFixture } from '../../fixtures/rules/fixtures';

test('header order, impossible dates and summary dates after the decision are reported where they are written', () => {
  const { findings, spanText, text } = checkFixture(dateOrder, 'fail-dates');
  assert.deepEqual(findings.map(spanText), ['13/45/2015', '2-30-16', '02/01/2015', 'April 12, 2016', '4/20/16']);
  assert.match(findings[0].message, /no month 13/);
  assert.match(findings[1].message, /month 2 has no day 30/);
  assert.equal(findings[2].message, 'The UR denial date (02/01/2015) is before the date of injury (05/11/2015).');
  assert.equal(text.slice(findings[2].related![0].span.start, findings[2].related![0].span.end), '05/11/2015');
  assert.match(findings[3].message, /after the decision date \(03\/30\/2016\)/);
});

test('ordered header dates and summary dates in every format pass; strengths and ranges are not dates', () => {
  const { findings } = checkFixture(dateOrder, 'pass-dates');
  assert.deepEqual(findings, []);
});
