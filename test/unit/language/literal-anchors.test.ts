import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allMatches, anchorStarts, matchesAt } from '../../../server/src/language/literal-anchors';

const described = (matches: readonly RegExpMatchArray[]) => matches.map((match) => [match.index, match[0], match[1]]);

test('allMatches finds what matchAll finds, whatever state the pattern was left in', () => {
  const pattern = /(\d+)-(\d+)/g;
  const text = 'pages 12-14, 3-5 and 100-1';
  pattern.lastIndex = 9;
  assert.deepEqual(described(allMatches(text, pattern)), described([...text.matchAll(pattern)]));
  assert.equal(allMatches(text, pattern).length, 3);
  // Empty matches advance instead of looping forever.
  assert.deepEqual(described(allMatches('ab', /x*/g)), described([...'ab'.matchAll(/x*/g)]));
});

test('matchesAt finds what matchAll finds when given every possible start', () => {
  const text = 'Dr. Smith and Mr. Jones met Ms. Lee; Drive on.';
  const global = /\b(?:Mr|Ms|Dr)\.? [A-Z][a-z]+/g;
  const sticky = new RegExp(global.source, 'y');
  const starts = anchorStarts(text, [['Mr', 0], ['Ms', 0], ['Dr', 0]]);
  assert.deepEqual(described(matchesAt(text, sticky, starts)), described([...text.matchAll(global)]));
});
