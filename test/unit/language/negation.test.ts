import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectNegation } from '../../support/negation';

/** True when the first occurrence of `target` in `text` lies inside a negation scope. */
function negated(text: string, target: string): boolean {
  const start = text.indexOf(target);
  assert.ok(start >= 0, `"${target}" occurs in the test sentence`);
  return detectNegation(text).isNegated({ start, end: start + target.length });
}

test('pre-negation triggers scope forward over the words that follow', () => {
  assert.equal(negated('There is no objective evidence of functional improvement with prior use.', 'functional improvement'), true);
  assert.equal(negated('The worker denies side effects.', 'side effects'), true);
  assert.equal(negated('The records show a lack of improved function.', 'improved function'), true);
  assert.equal(negated('She is unable to return to work.', 'return to work'), true);
  assert.equal(negated('The provider did not document functional gains.', 'functional gains'), true);
});

test('contractions negate like "not"', () => {
  assert.equal(negated("The provider didn't document functional gains.", 'functional gains'), true);
  assert.equal(negated("ADLs weren't documented.", 'ADLs'), true);
});

test('post-negation triggers scope backward to the clause start', () => {
  assert.equal(negated('Functional improvement was not documented.', 'Functional improvement'), true);
  assert.equal(negated('Improvement in activities of daily living is lacking.', 'activities of daily living'), true);
  assert.equal(negated('A key criterion is objective functional improvement, which is not demonstrated here.', 'functional improvement'), true);
});

test('pseudo-triggers look like negations but negate nothing', () => {
  assert.equal(negated('The medication not only reduced pain but also improved function.', 'reduced pain'), false);
  assert.equal(negated('Pain scores with and without medication were 4/10 and 8/10.', 'medication'), false);
  assert.equal(negated('There was no increase in function.', 'function'), false);
  assert.equal(negated('Use no more than 2 weeks, including but not limited to muscle relaxants.', 'muscle relaxants'), false);
  assert.equal(negated('He walks without difficulty.', 'walks'), false);
});

test('a scope ends at the sentence end', () => {
  assert.equal(negated('There is no pain relief. Function improved with the medication.', 'Function improved'), false);
  assert.equal(negated('No side effects were reported. He returned to work.', 'returned to work'), false);
});

test('a scope ends at termination terms such as "but", "however", "although", "which"', () => {
  assert.equal(negated('No side effects were noted but function was unchanged.', 'function'), false);
  assert.equal(negated('There was no nausea; however, activities of daily living improved.', 'activities of daily living'), false);
  assert.equal(negated('No sedation was reported although function declined.', 'function'), false);
  assert.equal(negated('There is no nausea, which supports continued use.', 'continued use'), false);
});

test('a scope ends at clause punctuation', () => {
  assert.equal(negated('No aberrant behavior: the urine drug screen was consistent.', 'urine drug screen'), false);
  assert.equal(negated('No sedation; ADLs improved.', 'ADLs'), false);
});

test('a conjunction that opens a new clause ends the scope; a plain list does not', () => {
  assert.equal(negated('He denies side effects, and he has returned to work.', 'returned to work'), false);
  assert.equal(negated('There is no exacerbation of spasm and the prolonged use of Zanaflex is not justified.', 'prolonged use'), false);
  assert.equal(negated('There is no documentation of pain relief, objective functional improvement, and/or decrease in medication.', 'functional improvement'), true);
  assert.equal(negated('There is no documentation of pain relief, objective functional improvement, and/or decrease in medication.', 'decrease in medication'), true);
});

test('a scope is limited to a window of words', () => {
  const text = 'There is no report of any kind in the many pages of notes submitted over the last several months by the treating office about function.';
  assert.equal(negated(text, 'function.'), false);
  assert.equal(negated(text, 'report'), true);
});

test('scopes carry the trigger, its direction and the negated span', () => {
  const text = 'Functional improvement was not documented, but he denies nausea.';
  const { scopes } = detectNegation(text);
  const summary = scopes.map((scope) => ({ trigger: scope.triggerPhrase, direction: scope.direction, scope: text.slice(scope.scope.start, scope.scope.end) }));
  assert.deepEqual(summary, [
    { trigger: 'not documented', direction: 'backward', scope: 'Functional improvement was' },
    { trigger: 'denies', direction: 'forward', scope: 'nausea' },
  ]);
});

test('detection works on a range of a larger text and keeps document offsets', () => {
  const text = 'Header line.\nDecision rationale: There is no evidence of function improving.\nNext item';
  const start = text.indexOf('There');
  const end = text.indexOf('\nNext');
  const result = detectNegation(text, { start, end });
  const target = text.indexOf('function');
  assert.equal(result.isNegated({ start: target, end: target + 8 }), true);
  assert.ok(result.scopes.every((scope) => scope.scope.start >= start && scope.scope.end <= end));
});

test('"insufficient" negates what follows', () => {
  assert.equal(negated('There is insufficient documentation of functional improvement.', 'functional improvement'), true);
});

test('a forward scope covers fifteen words and no more', () => {
  const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima', 'mike', 'november', 'oscar', 'papa'];
  const sentence = `There is no ${words.join(' ')}.`;
  assert.equal(negated(sentence, 'oscar'), true, 'the fifteenth word');
  assert.equal(negated(sentence, 'papa'), false, 'the sixteenth word');
});
