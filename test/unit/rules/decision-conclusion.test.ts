import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decisionConclusion } from '../../../server/src/rules/decision-conclusion';
import { applyEdits, check } from '../../support/run-rule';
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

test('a plainly stated contradicting verdict is an error; one read from other wording, or no verdict at all, is a hint', () => {
  const severity = (rationale: string, decision = 'Overturned') =>
    check(decisionConclusion, makeLetter({ items: [{ title: 'Norco 10/325mg #90', decision, rationale }] })).findings.map((finding) => finding.severity ?? 'error');
  assert.deepEqual(severity('Monitoring is documented. The request is not medically necessary.'), ['error']);
  assert.deepEqual(severity('Monitoring is documented. Continued use is not supported.'), ['hint']);
  assert.deepEqual(severity('Monitoring is documented. It cannot be recommended at this time.'), ['hint']);
  assert.deepEqual(severity('It is unclear that this request is medically necessary.', 'Upheld'), ['hint'], 'a verdict phrase after doubt is not plain');
  assert.deepEqual(severity('The worker is 50 years old. The notes are brief.'), ['hint']);
  assert.deepEqual(severity('The request is not medically necessary.', 'Upheld'), []);
  assert.deepEqual(severity('Medical necessity has not been established.', 'Upheld'), []);
});
