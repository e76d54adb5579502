import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { findLetterFiles } from '../../../server/src/host/letter-walk';
import { makeLetter } from '../../support/letters';

test('Lint Workspace finds .imr files and the .txt files that start as letters, in any encoding, and skips node_modules and hidden folders', () => {
  const folder = mkdtempSync(join(tmpdir(), 'imr-walk-'));
  try {
    const letter = makeLetter();
    const files: Record<string, string | Buffer> = {
      'a.imr': 'anything: an .imr file is a letter by its name',
      'b.txt': letter,
      'notes.txt': 'Shopping: milk\n',
      'deep/er/c.TXT': letter,
      'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(letter, 'utf16le')]),
      'node_modules/x/d.imr': letter,
      '.git/e.imr': letter,
      'empty.txt': '',
    };
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(folder, name, '..'), { recursive: true });
      writeFileSync(join(folder, name), content);
    }
    const found = findLetterFiles([folder]).map((path) => relative(folder, path).split('\\').join('/'));
    assert.deepEqual(found, ['a.imr', 'b.txt', 'deep/er/c.TXT', 'utf16.txt']);
    assert.deepEqual(findLetterFiles([folder, folder]).length, 4, 'each file once');
    assert.deepEqual(findLetterFiles([join(folder, 'missing')]), []);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('symbolic links are followed to letters and folders; a loop ends, and a letter reached twice is listed once', () => {
  const folder = mkdtempSync(join(tmpdir(), 'imr-walk-links-'));
  const elsewhere = mkdtempSync(join(tmpdir(), 'imr-walk-elsewhere-'));
  try {
    const letter = makeLetter();
    mkdirSync(join(folder, 'batch'));
    writeFileSync(join(folder, 'batch', 'a.imr'), letter);
    writeFileSync(join(elsewhere, 'b.imr'), letter);
    mkdirSync(join(elsewhere, 'more'));
    writeFileSync(join(elsewhere, 'more', 'c.imr'), letter);
    symlinkSync(join(elsewhere, 'b.imr'), join(folder, 'linked-b.imr'));
    symlinkSync(join(elsewhere, 'b.imr'), join(folder, 'batch', 'same-b.imr'));
    symlinkSync(join(elsewhere, 'more'), join(folder, 'linked-folder'));
    symlinkSync(folder, join(folder, 'batch', 'loop'));
    symlinkSync(join(folder, 'missing.imr'), join(folder, 'broken.imr'));
    const found = findLetterFiles([folder]).map((path) => relative(folder, path).split('\\').join('/'));
    assert.deepEqual(found, ['batch/a.imr', 'batch/same-b.imr', 'linked-folder/c.imr']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  }
});
