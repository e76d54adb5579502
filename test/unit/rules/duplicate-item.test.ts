import assert from 'node:assert/strict';
import { test } from 'node:test';
import { duplicateItem } from '../../../server/src/rules/duplicate-item';
import { check } from '../../support/run-rule';
import { makeLetter } from '../../support/letters';

test('passes distinct items', () => {
  const text = makeLetter({ items: [{ title: 'Tizanidine 4mg #60' }, { title: 'Tizanidine 4mg #30' }] });
  assert.deepEqual(check(duplicateItem, text).findings, []);
});

test('flags the second listing of the same item, pointing at the first', () => {
  const text = makeLetter({ items: [{ title: 'Tizanidine 4mg #60' }, { title: 'tizanidine  4mg #60' }] });
  const { findings, letter } = check(duplicateItem, text);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].itemIndex, 1);
  assert.deepEqual(findings[0].related?.[0].span, letter.items[0].titleSpan);
});

test('blanks the parser leaves in a title (an em space, a no-break space beside a space) still compare as one space', () => {
  const text = makeLetter({ items: [{ title: 'Tizanidine 4mg #60' }, { title: 'Tizanidine\u2003\u00a0 4mg #60' }, { title: 'Tizanidine\u2003#60' }] });
  const { findings } = check(duplicateItem, text);
  assert.deepEqual(findings.map((finding) => finding.itemIndex), [1]);
});
