import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quoted, showControls } from '../../../server/src/text/quote';

test('quoted keeps short text whole and cuts long text at a word, within the limit', () => {
  assert.equal(quoted('Norco 10/325mg #90'), '"Norco 10/325mg #90"');
  assert.equal(quoted('a'.repeat(120)), `"${'a'.repeat(120)}"`);
  const long = 'word '.repeat(50).trim();
  const cut = quoted(long, 40);
  assert.equal(cut, `"${'word '.repeat(7).trim()} ..."`);
  assert.ok(cut.length - 2 <= 40);
  // No space to cut at: cut inside the word.
  assert.equal(quoted('x'.repeat(300), 20), `"${'x'.repeat(17)} ..."`);
});

test('showControls writes control characters out, keeping tabs and everything printable', () => {
  assert.equal(showControls('Title\u001b[1A\u001b[2K\u001b]0;x\u0007 end'), 'Title\\u001b[1A\\u001b[2K\\u001b]0;x\\u0007 end');
  assert.equal(showControls('a\nb\rc\u0000d\u007f\u0085'), 'a\\u000ab\\u000dc\\u0000d\\u007f\\u0085');
  assert.equal(showControls('tab\there — “Décision” 😀 עברית'), 'tab\there — “Décision” 😀 עברית');
});
