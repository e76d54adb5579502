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

test('line starts agree with a character-by-character count on every mix of line ends', () => {
  /** The definition: a line starts after each \n, after each \r not followed by \n, and after each \r\n. */
  const expectedStarts = (text: string) => {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
      if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
    }
    return starts;
  };
  const alphabet = ['a', '\r', '\n', '\r\n', '\n\r', ' '];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let round = 0; round < 500; round++) {
    let text = '';
    const length = Math.floor(random() * 12);
    for (let part = 0; part < length; part++) text += alphabet[Math.floor(random() * alphabet.length)];
    const lines = new LineMap(text);
    const starts = expectedStarts(text);
    assert.equal(lines.lineCount, starts.length, JSON.stringify(text));
    starts.forEach((start, line) => assert.equal(lines.offsetAt({ line, character: 0 }), start, `${JSON.stringify(text)} line ${line}`));
  }
});
