import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeLetter } from '../../support/letters';
import { conclusionsOf } from '../../support/run-rule';
import { parseLetter } from '../../../server/src/letter/parse';
import { ruleContext } from '../../../server/src/engine/run-rules';
import { loadKnowledge } from '../../../server/src/knowledge';
import { tokenList } from '../../../server/src/language/tokens';
import { tokenRows } from '../../support/tokens';

/** How a rationale of this text concludes, read from a letter with one item. */
function judgeConclusion(rationale: string) {
  const [conclusion] = conclusionsOf(makeLetter({ items: [{ title: 'Tizanidine 4mg #60', decision: 'Upheld', rationale }] }));
  return conclusion;
}

const conclude = (text: string) => judgeConclusion(text).verdict;

test('the final verdict sentence decides', () => {
  assert.equal(conclude('Guidelines support a trial. Criteria are met. Therefore, the request is medically necessary.'), 'medically necessary');
  assert.equal(conclude('No improvement is documented. The request is not medically necessary.'), 'not medically necessary');
  assert.equal(conclude('The request is determined to be not medically necessary at this time.'), 'not medically necessary');
  assert.equal(conclude('Therefore, the request cannot be deemed medically necessary without further evidence.'), 'not medically necessary');
  assert.equal(conclude('According to the records and guidelines, an MRI of the elbow is not a medical necessity.'), 'not medically necessary');
  assert.equal(conclude('The request for further sessions is not supported.'), 'not medically necessary');
  assert.equal(conclude('Medical necessity has not been established.'), 'not medically necessary');
  assert.equal(conclude('The request is medically necessary and appropriate.'), 'medically necessary');
});

test('the negation must belong to the verdict phrase, not to an earlier clause', () => {
  assert.equal(
    conclude('Although surgery is not planned and opioids were not tolerated, the request for physical therapy is medically necessary.'),
    'medically necessary',
  );
});

test('the standard opioid disclaimer after the verdict is skipped', () => {
  const text =
    'Monitoring is not documented. Therefore, the request is not medically necessary. This decision addresses the medical necessity of opioids as prescribed to this worker. It should not be interpreted as a recommendation to stop the medication abruptly. The physician and patient are advised to consult the MTUS Opioids Treatment Guidelines about tapering.';
  const result = judgeConclusion(text);
  assert.equal(result.verdict, 'not medically necessary');
  assert.equal(result.sentence, 'Therefore, the request is not medically necessary.');
});

test('no verdict in the last sentences gives unknown', () => {
  assert.equal(conclude(''), 'unknown');
  assert.equal(conclude('The worker is 50 years old. The pain is in the knee. The notes are brief.'), 'unknown');
});

test('the concluding sentence is read whole across abbreviations and decimals', () => {
  const text = 'Dr. Lee prescribed 7.5 mg, e.g. at night. The request of Dr. Lee for 7.5 mg is not medically necessary.';
  const result = judgeConclusion(text);
  assert.equal(result.sentence, 'The request of Dr. Lee for 7.5 mg is not medically necessary.');
});

test('a long rationale is read from its end, and a cut first sentence of the tail is never judged alone', () => {
  const filler = 'The worker reports pain. '.repeat(200);
  const longVerdict = `The request is not medically necessary because ${'the records are brief and '.repeat(120)}nothing else.`;
  const text = `${filler}${longVerdict}`;
  const result = judgeConclusion(text);
  assert.equal(result.verdict, 'not medically necessary');
  assert.equal(result.sentence, longVerdict);
});

test('a verdict wrapped over lines reads as on one line, and the whole rationale reuses the tokens of the end read first', () => {
  const rationale = `${'The records were reviewed in full. '.repeat(40)}Therefore, the request\n   is not medically\n  necessary.`;
  const text = makeLetter({ items: [{ title: 'Norco 10/325mg #90', decision: 'Upheld', rationale }] });
  const letter = parseLetter(text);
  const { facts } = ruleContext(letter, loadKnowledge());
  const conclusion = facts.conclusion(0);
  assert.equal(conclusion.verdict, 'not medically necessary');
  assert.equal(conclusion.certain, true);
  const textSpan = letter.items[0].rationale!.textSpan;
  assert.ok(conclusion.passage!.span.start > textSpan.start, 'only the end was read');
  assert.equal(conclusion.passage!.span.end, textSpan.end);
  assert.deepEqual(tokenRows(facts.rationale(letter.items[0]).tokens), tokenRows(tokenList(text, textSpan)));
});
