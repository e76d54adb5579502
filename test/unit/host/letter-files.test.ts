import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readLetterFile } from '../../../server/src/host/letter-files';
import { decodeLetterBytes } from '../../../server/src/text/decode';

const folder = mkdtempSync(join(tmpdir(), 'imr-letter-files-'));
let written = 0;
function read(bytes: Uint8Array): string {
  const path = join(folder, `${written++}.txt`);
  writeFileSync(path, bytes);
  return readLetterFile(path);
}

test('a letter file reads as decodeLetterBytes decodes it, whatever its encoding', () => {
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Case Number: CM15-0000001\r\nZanaflex: Upheld', 'utf16le')]);
  const utf16be = Buffer.from(utf16le.subarray(2)).swap16();
  const cases: [string, Uint8Array][] = [
    ['empty', new Uint8Array()],
    ['ASCII', Buffer.from('Case Number: CM15-0000001\nNorco 10/325mg #90: Upheld\n')],
    ['UTF-8', Buffer.from('Décision — “Upheld” ≥ 4 A’s 😀')],
    ['UTF-8 with a byte-order mark', Buffer.from('\ufeffCase Number: CM15-0000001')],
    ['a byte-order mark further in', Buffer.from('Case\ufeff Number')],
    ['UTF-16 LE', utf16le],
    ['UTF-16 BE', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be])],
    ['Windows-1252', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96, 0x0a])],
    ['UTF-8 that holds U+FFFD itself', Buffer.from('a \ufffd b')],
    ['an encoded surrogate', Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x62])],
    ['an overlong slash', Buffer.from([0x61, 0xc0, 0xaf, 0x62])],
    ['a sequence cut at the end', Buffer.from([0x61, 0xe2, 0x80])],
    ['UTF-16 LE without a byte-order mark', utf16le.subarray(2)],
    ['UTF-16 BE without a byte-order mark', utf16be],
    ['NUL bytes in UTF-8', Buffer.from('Case Number:\u0000 CM15-0000001\u0000\u0000')],
  ];
  for (const [name, bytes] of cases) assert.equal(read(bytes), decodeLetterBytes(bytes).text, name);
});

test('random bytes read alike both ways', () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < 300; n++) {
    const bytes = Uint8Array.from({ length: Math.floor(random() * 64) }, () => (random() < 0.7 ? 32 + Math.floor(random() * 95) : Math.floor(random() * 256)));
    assert.equal(read(bytes), decodeLetterBytes(bytes).text, Buffer.from(bytes).toString('hex'));
  }
});

test('UTF-16 without a byte-order mark is told by its zero bytes; text with a few NUL bytes stays UTF-8', () => {
  const text = 'Case Number: CM15-0000001\r\nHOW THE IMR FINAL DETERMINATION WAS MADE\r\nZanaflex 2mg #60: Upheld — “quoted”';
  assert.deepEqual(decodeLetterBytes(Buffer.from(text, 'utf16le')), { text, encoding: 'utf-16le' });
  assert.deepEqual(decodeLetterBytes(Buffer.from(text, 'utf16le').swap16()), { text, encoding: 'utf-16be' });
  assert.equal(read(Buffer.from(text, 'utf16le')), text);
  const withNuls = `${text}\u0000\u0000${text}`;
  assert.deepEqual(decodeLetterBytes(Buffer.from(withNuls)), { text: withNuls, encoding: 'utf-8' });
  // Too short to tell: read as it is.
  assert.equal(decodeLetterBytes(Buffer.from('Hi', 'utf16le')).encoding, 'utf-8');
});
