import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countMentionAt, requestCounts } from '../../../server/src/facts/request-counts';
import { tokenList } from '../../../server/src/language/tokens';
import { tokenRows } from '../../support/tokens';

const counts = (text: string) => requestCounts(tokenList(text));

test('a request states its count in sessions, visits, frequency by length, a total in parentheses or an amount', () => {
  assert.deepEqual(counts('Occupational therapy for six sessions'), [6]);
  assert.deepEqual(counts('Two physical therapy sessions for the lumbar'), [2]);
  assert.deepEqual(counts('Physical therapy 2 times a week for 3 weeks'), [6]);
  assert.deepEqual(counts('Physical therapy 2x per week x 4 weeks'), [8]);
  assert.deepEqual(counts('Physical therapy 2 times 6 for the head'), [12]);
  assert.deepEqual(counts('PT 2x6 for the knee'), [12]);
  assert.deepEqual(counts('Chiropractic spinal manipulation times 6'), [6]);
  assert.deepEqual(counts('Baclofen 100mg #3'), [3]);
  assert.deepEqual(counts('Lidoderm patches QTY: 2'), [2]);
  // The stated total wins over the frequency it restates.
  assert.deepEqual(counts('Physical therapy to the lumbar spine 2 times a week for 2 weeks (4)'), [4]);
  assert.deepEqual(counts('therapy two times a week for four weeks (8 sessions)'), [8]);
  // Several parts, several counts.
  assert.deepEqual(counts('two physical therapy sessions for the back and eight physical therapy sessions for the wrist'), [2, 8]);
});

test('strengths, ranges and articles are not counts', () => {
  assert.deepEqual(counts('Tizanidine 4mg'), []);
  assert.deepEqual(counts('Physical therapy 1-2 times per week'), []);
  assert.deepEqual(counts('a session of physical therapy'), []);
  assert.deepEqual(counts('Acupuncture treatments (unspecified quantity)'), []);
});

test('a count in prose is the request\'s next to a unit, after "#", or after a request cue', () => {
  const cues = new Set(['additional', 'remaining']);
  const at = (text: string, word: string) => {
    const tokens = tokenList(text);
    const index = tokenRows(tokens).findIndex((token) => token.norm === word);
    return countMentionAt(tokens, index, new Set([6]), cues);
  };
  assert.equal(at('an additional 6 is excessive', '6'), 6);
  assert.equal(at('the remaining six', 'six'), 6);
  assert.equal(at('the request for 6 physical therapy visits', '6'), 6);
  assert.equal(at('Tizanidine #6 is not necessary', '6'), 6);
  assert.equal(at('pain was 6 out of 10', '6'), null);
  assert.equal(at('pain rated 4-6 on most days', '6'), null);
  assert.equal(at('an additional 8 visits', '8'), null);
});
