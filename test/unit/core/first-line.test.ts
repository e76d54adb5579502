import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { LETTER_FIRST_LINE, looksLikeLetterStart } from '../../../server/src/letter/first-line';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const contributed = new RegExp(manifest.contributes.languages[0].firstLine);

const SAMPLES: [string, boolean][] = [
  ['Case Number:          CM99-0000001', true],
  ['   Case Number: CM99-0000001', true],
  ['\tHOW THE IMR FINAL DETERMINATION WAS MADE', true],
  [' HOW THE IMR FINAL DETERMINATION WAS MADE ', true],
  ['Case number: lower case is not the form', false],
  ['Shopping list', false],
  ['', false],
];

test('the client recognises a letter by its first line exactly as the contributed firstLine pattern does', () => {
  for (const [line, expected] of SAMPLES) {
    assert.equal(contributed.test(line), expected, `package.json firstLine on ${JSON.stringify(line)}`);
    assert.equal(LETTER_FIRST_LINE.test(line), expected, `client pattern on ${JSON.stringify(line)}`);
    assert.equal(looksLikeLetterStart(`${line}\r\nsecond line`), expected);
  }
});
