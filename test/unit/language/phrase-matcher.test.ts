import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PhraseMatcher, phraseSet } from '../../../server/src/language/phrase-matcher';
import { tokenList } from '../../../server/src/language/tokens';

test('the longest phrase wins and matches do not overlap', () => {
  const matcher = phraseSet(['urine drug screen', 'drug screen', 'urine', 'screen']);
  const text = 'A urine drug screen and a drug screen.';
  const matches = matcher.findAll(tokenList(text));
  assert.deepEqual(matches.map((match) => match.phrase), ['urine drug screen', 'drug screen']);
  assert.equal(text.slice(matches[0].span.start, matches[0].span.end), 'urine drug screen');
});

test('prefix words, number slots and case-insensitive matching', () => {
  const matcher = new PhraseMatcher<string>([
    ['function*', 'function'],
    ['{num} / 10', 'score'],
    ['{num} out of 10', 'score'],
  ]);
  const text = 'Functional gains; pain 7/10, later 4 out of 10; dysfunction.';
  assert.deepEqual(
    matcher.findAll(tokenList(text)).map((match) => [match.value, text.slice(match.span.start, match.span.end)]),
    [
      ['function', 'Functional'],
      ['score', '7/10'],
      ['score', '4 out of 10'],
    ],
  );
});

test('hyphens in the text are skipped, also across line breaks', () => {
  const matcher = phraseSet(['drug taking behavior*', 'long term']);
  const text = 'aberrant drug-\ntaking behaviors with long-term use';
  assert.deepEqual(matcher.findAll(tokenList(text)).map((match) => match.phrase), ['drug taking behavior*', 'long term']);
});

test('findFirst and ranges', () => {
  const matcher = phraseSet(['relief']);
  const tokens = tokenList('relief here, then relief there');
  assert.equal(matcher.findFirst(tokens, 1)?.first, 4);
  assert.equal(matcher.findFirst(tokens, 1, 4), null);
});

test('phrase words are matched whatever kind of token they are: words, numbers, marks and contractions', () => {
  const matcher = phraseSet(['day 2', '2nd visit', 'pt/ot', "adl's", '0.5 mg']);
  const text = 'Seen on Day 2 at the 2ND visit; PT/OT helped her ADL\u2019s; 0.5 mg, but not day 3 or 2.5 mg.';
  assert.deepEqual(matcher.findAll(tokenList(text)).map((match) => match.phrase), ['day 2', '2nd visit', 'pt/ot', "adl's", '0.5 mg']);
});

test('names mode: punctuation is ignored on both sides, and * and {num} are literal', () => {
  const names = new PhraseMatcher<string>([['Opioids - Criteria for Use', 'criteria'], ['Knee*', 'knee'], ['—', 'nothing']], { names: true });
  const found = (text: string) => names.findAll(tokenList(text)).map((match) => [match.value, text.slice(match.span.start, match.span.end)]);
  assert.deepEqual(found('See Opioids, criteria for use (p. 76).'), [['criteria', 'Opioids, criteria for use']]);
  assert.deepEqual(found('Opioids criteria for use'), [['criteria', 'Opioids criteria for use']]);
  assert.deepEqual(found('Kneecap; knee.'), [['knee', 'knee']], '"*" is a plain character in a name, not a prefix');
  const patterns = new PhraseMatcher<string>([['knee*', 'knee']]);
  assert.equal(patterns.findAll(tokenList('Kneecap')).length, 1, 'outside names mode "*" still takes a prefix');
});

test('update collects several values under one phrase; add keeps the first', () => {
  const matcher = new PhraseMatcher<string[]>([], { names: true });
  matcher.update('Chronic Pain', (values = []) => [...values, '2009']);
  matcher.update('chronic  pain', (values = []) => [...values, '2016']);
  assert.deepEqual(matcher.findFirst(tokenList('the Chronic Pain guideline'))?.value, ['2009', '2016']);
  const first = new PhraseMatcher<string>([['pain', 'a'], ['Pain', 'b']]);
  assert.equal(first.findFirst(tokenList('pain'))?.value, 'a');
});
