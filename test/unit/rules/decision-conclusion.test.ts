import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decisionConclusion } from '../../../server/src/rules/decision-conclusion';
import { applyEdits, check } from '../../support/runRule';
import { makeLetter } from '../../support/letters';

test('passes rationales that agree with their decisions', () => {
  const text = makeLetter({ items: [{ title: 'Tizanidine 4mg #60', decision: 'Upheld' }, { title: 'Home exercise kit', decision: 'Overturned' }] });
  assert.deepEqual(check(decisionConclusion, text).findings, []);
});

test('flags Upheld with a rationale concluding "medically necessary", with fixes both ways', () => {
  const text = makeLetter({
    items: [{ title: 'Tizanidine 4mg #60', decision: 'Upheld', rationale: 'The records show improved function. Therefore the request is medically necessary.' }],
  });
  const { findings, spanText } = check(decisionConclusion, text);
  assert.equal(findings.length, 1);
  assert.match(spanText(findings[0]), /medically necessary/);
  assert.equal(findings[0].related?.length, 1);
  const [changeDecision, changeConclusion] = findings[0].fixes!;
  assert.match(changeDecision.title, /Overturned/);
  assert.match(changeConclusion.title, /not medically necessary/);
  for (const fix of [changeDecision, changeConclusion]) assert.deepEqual(check(decisionConclusion, applyEdits(text, fix.edits)).findings, []);
});

test('flags Overturned with a rationale concluding "not medically necessary"', () => {
  const text = makeLetter({
    items: [{ title: 'Home exercise kit', decision: 'Overturned', rationale: 'No benefit is documented. The request is not medically necessary.' }],
  });
  assert.equal(check(decisionConclusion, text).findings.length, 1);
});
