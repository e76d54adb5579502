import assert from 'node:assert/strict';
import { test } from 'node:test';
import { functionMentions, isGuidelineStatement, sentenceKind } from '../../../server/src/facts/clinical-terms';
import { isDisclaimer } from '../../../server/src/facts/conclusion';
import { splitSentences } from '../../../server/src/language/sentences';
import { tokenList } from '../../../server/src/language/tokens';

const firstSentence = (text: string) => {
  const tokens = tokenList(text);
  return { tokens, sentence: splitSentences(tokens, text)[0] };
};
const guideline = (text: string) => {
  const { tokens, sentence } = firstSentence(text);
  return isGuidelineStatement(tokens, sentence);
};

test('function mentions cover function, ADLs and work status, but not organ function', () => {
  const text = 'Functional gains, ADLs and activities of daily living, modified duty, renal function and dysfunction.';
  const found = functionMentions(tokenList(text)).map((match) => text.slice(match.span.start, match.span.end));
  assert.deepEqual(found, ['Functional', 'ADLs', 'activities of daily living', 'modified duty']);
});

test('guideline statements are told apart from statements about the worker', () => {
  assert.equal(guideline('The MTUS recommends muscle relaxants only for short-term use.'), true);
  assert.equal(guideline('Guidelines require documentation of side effects and urine drug screens.'), true);
  assert.equal(guideline('According to the MTUS, continued use requires that the patient has returned to work.'), true);
  assert.equal(guideline('In this case, the guidelines are not met because the claimant has used it for a year.'), false);
  assert.equal(guideline('The injured worker reports side effects with Norco.'), false);
  assert.equal(guideline('There is no documentation of a urine drug screen as recommended.'), false);
});

test('the standard opioid disclaimer is recognised', () => {
  const { tokens, sentence } = firstSentence('This decision addresses the medical necessity of opioids as they have been prescribed.');
  assert.equal(isDisclaimer(tokens, sentence), true);
});

/** The kind of each sentence of `text`, as the checks see it. */
function kinds(text: string) {
  const tokens = tokenList(text);
  const passage = { tokens, memo: <V>(_key: string, compute: () => V) => compute() };
  return splitSentences(tokens, text).map((sentence) => sentenceKind(passage, sentence));
}

test('function includes activity level, tolerances, lifting and named activities', () => {
  const found = (text: string) => functionMentions(tokenList(text)).map((match) => text.slice(match.span.start, match.span.end));
  assert.deepEqual(found('Her sitting tolerance improved and she is able to walk two blocks.'), ['sitting tolerance', 'able to walk']);
  assert.deepEqual(found('No change in activity level or lifting.'), ['activity level', 'lifting']);
  assert.deepEqual(found('Renal function is normal.'), [], 'organ function is not functional status');
});

test('sentences are classified as the disclaimer, guideline text, or about this worker', () => {
  assert.deepEqual(
    kinds(
      'Active therapy requires an internal effort by the individual. The MTUS recommends continuing opioids if function improves. ' +
        'There is no evidence of objective functional improvement. The patient reports pain of 6/10. ' +
        'This decision addresses the medical necessity of opioids as prescribed to this worker.',
    ),
    ['guideline', 'guideline', 'worker', 'worker', 'disclaimer'],
  );
});

test('what appears from the record and what happened is about the worker; findings of studies are guideline text', () => {
  assert.deepEqual(
    kinds(
      'There does not appear to be improvement in functionality. Neurontin has been used for a long time without benefit. ' +
        'Gabapentin has been shown to be effective for neuropathic pain. Outcomes were associated with active therapy.',
    ),
    ['worker', 'worker', 'guideline', 'guideline'],
  );
});
