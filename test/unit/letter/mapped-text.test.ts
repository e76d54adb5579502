import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapRange, normalisedText, normaliseSpace, sourceSpan, titleKey } from '../../../server/src/letter/mapped-text';

/** A deterministic mix of words and every kind of blank the normalised text collapses. */
function randomText(seed: number, length: number): string {
  const pieces = ['a', 'word', 'x.', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\ufeff', '\u2028', ' \t ', '\u2003'];
  let state = seed;
  let text = '';
  while (text.length < length) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    text += pieces[state % pieces.length];
  }
  return text;
}

test('normalisedText is mapRange’s text without the mapping, on 500 random mixes of blanks', () => {
  for (let seed = 1; seed <= 500; seed++) {
    const text = randomText(seed, 1 + (seed % 60));
    const start = seed % 3;
    const end = text.length - (seed % 2);
    const expected = mapRange(text, start, end).text;
    assert.equal(normalisedText(text, start, end), expected, JSON.stringify(text.slice(start, end)));
    // Every blank run is one space, with none at the ends.
    assert.doesNotMatch(expected, /^[ ]|[ ]$|[ ]{2}|[\t\n\r\u00a0\ufeff\u2028]/);
  }
  assert.equal(normaliseSpace('  a \t\n b  '), 'a b');
  assert.equal(normalisedText('   ', 0, 3), '');
});

test('mapRange maps every character of its text back to the same character of the source', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const source = randomText(seed, 80);
    const mapped = mapRange(source, 0, source.length);
    for (let index = 0; index < mapped.text.length; index++) {
      if (mapped.text[index] === ' ') continue;
      const span = sourceSpan(mapped, index, index + 1);
      assert.equal(source.slice(span.start, span.end), mapped.text[index]);
    }
  }
});

test('titleKey: lower case, one space per blank run, trimmed, whatever blanks the title holds', () => {
  for (let seed = 1; seed <= 500; seed++) {
    const title = randomText(seed, 1 + (seed % 40)).replace(/word/g, 'Norco');
    assert.equal(titleKey(title), title.replace(/\s+/g, ' ').trim().toLowerCase(), JSON.stringify(title));
  }
  assert.equal(titleKey('  Norco\u2003 10MG  #60 '), 'norco 10mg #60');
  // A capital sigma before a U+FEFF is not word-final once the blank is a space: the same key as "Α Σ".
  assert.equal(titleKey('\u0391\ufeff\u03a3'), titleKey('\u0391 \u03a3'));
  assert.equal(titleKey('\u0391\ufeff\u03a3'), '\u0391\ufeff\u03a3'.replace(/\s+/g, ' ').trim().toLowerCase());
});
