import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandYear, findDates, formatDate, parseDate } from '../../../server/src/language/dates';

test('numeric dates with two- or four-digit years and - or / separators', () => {
  const text = 'Injured 11-6-2001; seen 8/24/15, 10-13-16 and 12/09/2016.';
  assert.deepEqual(
    findDates(text).map((date) => [date.text, formatDate(date), date.valid]),
    [
      ['11-6-2001', '11/06/2001', true],
      ['8/24/15', '08/24/2015', true],
      ['10-13-16', '10/13/2016', true],
      ['12/09/2016', '12/09/2016', true],
    ],
  );
});

test('named months with and without a day', () => {
  const text = 'On November 04, 2016 and Nov. 4 2016, then as of December 2016; March 3rd, 2015.';
  assert.deepEqual(
    findDates(text).map((date) => formatDate(date)),
    ['11/04/2016', '11/04/2016', '12/2016', '03/03/2015'],
  );
  assert.equal(findDates('Decision 2016 and Marked 2015').length, 0, 'words that merely start like a month are not dates');
});

test('impossible dates are found and marked invalid', () => {
  const dates = findDates('Dated 13/45/2016 and 2-30-15 but 2-29-16 is a leap day.');
  assert.deepEqual(
    dates.map((date) => [date.text, date.valid]),
    [
      ['13/45/2016', false],
      ['2-30-15', false],
      ['2-29-16', true],
    ],
  );
});

test('strengths, ratios, ranges and section numbers are not dates', () => {
  assert.deepEqual(findDates('Norco 10/325mg, 7.5-325, pain 4-6/10, L4-5, 3.3.9, 9792.24.4, 120/80, 1-2 tabs, 555-123-4567').map((date) => date.text), []);
});

test('two-digit years follow a pivot', () => {
  assert.equal(expandYear('15'), 2015);
  assert.equal(expandYear('98'), 1998);
  assert.equal(expandYear('18', 17), 1918);
  assert.equal(parseDate('03/14/2012')?.key, 20120314);
  assert.equal(parseDate('no date here'), null);
});
