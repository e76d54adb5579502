import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineEndingOf, startOfLine, startOfNextLine } from '../../../server/src/text/line-ends';

test('detects the line ending a document uses', () => {
  assert.equal(lineEndingOf('a\r\nb'), '\r\n');
  assert.equal(lineEndingOf('a\nb'), '\n');
  assert.equal(lineEndingOf('a\rb'), '\r');
  assert.equal(lineEndingOf('one line'), '\n');
});

test('finds line starts across LF, CRLF and CR', () => {
  const text = 'ab\r\ncd\ref\ngh';
  assert.equal(startOfNextLine(text, 0), 4);
  assert.equal(startOfNextLine(text, 4), 7);
  assert.equal(startOfNextLine(text, 7), 10);
  assert.equal(startOfNextLine(text, 10), text.length);
  assert.equal(startOfLine(text, 5), 4);
  assert.equal(startOfLine(text, 8), 7);
  assert.equal(startOfLine(text, 1), 0);
});
