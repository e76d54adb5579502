import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineMap } from '../../../server/src/text/line-map';

test('positions count LF, CRLF and lone CR line ends like LSP', () => {
  const text = 'ab\r\ncd\ne\rf';
  const lines = new LineMap(text);
  assert.equal(lines.lineCount, 4);
  assert.deepEqual(lines.positionAt(text.indexOf('c')), { line: 1, character: 0 });
  assert.deepEqual(lines.positionAt(text.indexOf('f')), { line: 3, character: 0 });
  assert.deepEqual(lines.positionAt(text.length + 5), { line: 3, character: 1 });
  assert.equal(lines.offsetAt({ line: 1, character: 1 }), text.indexOf('d'));
  assert.equal(lines.offsetAt({ line: 0, character: 99 }), text.indexOf('\n') + 1, 'clamps past the line end');
  assert.equal(lines.offsetAt({ line: 9, character: 0 }), text.length);
});

test('form feeds do not end lines', () => {
  const lines = new LineMap('page one\fpage two');
  assert.equal(lines.lineCount, 1);
});
