import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { readLetterFile } from '../../../server/src/host/letter-files';
import { expandInputs, findLetterFiles } from '../../../server/src/host/letter-walk';
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
    // A link named as a letter that leads nowhere is listed, so that reading it says why.
    assert.deepEqual(found, ['batch/a.imr', 'batch/same-b.imr', 'broken.imr', 'linked-folder/c.imr']);
    // For the CLI, a link named as a letter that leads nowhere is listed, so that reading it says why; other names are not.
    symlinkSync('round.imr', join(folder, 'round.imr'));
    symlinkSync(join(folder, 'missing'), join(folder, 'notes.md'));
    const { files, problems } = expandInputs([folder]);
    assert.deepEqual(files.map((path) => relative(folder, path).split('\\').join('/')), ['batch/a.imr', 'batch/same-b.imr', 'broken.imr', 'linked-folder/c.imr', 'round.imr']);
    assert.deepEqual(problems, []);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test('what a .gitignore ignores is skipped in folders and globs, unless the file is named; globs behave as in other tools', () => {
  const folder = mkdtempSync(join(tmpdir(), 'imr-walk-ignore-'));
  try {
    const letter = makeLetter();
    const files: Record<string, string> = {
      '.gitignore': 'drafts/\n*.bak.imr\n',
      'a.imr': letter,
      'old.bak.imr': letter,
      'drafts/d.imr': letter,
      'batch/.gitignore': 'private.imr\n',
      'batch/b.imr': letter,
      'batch/private.imr': letter,
      'batch/c.txt': letter,
    };
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(folder, name, '..'), { recursive: true });
      writeFileSync(join(folder, name), content);
    }
    const shown = (paths: readonly string[]) => paths.map((path) => relative(folder, path).split('\\').join('/'));
    assert.deepEqual(shown(expandInputs(['.'], folder).files), ['a.imr', 'batch/b.imr', 'batch/c.txt']);
    assert.deepEqual(shown(findLetterFiles([folder])), ['a.imr', 'batch/b.imr', 'batch/c.txt']);
    // Named on the command line, an ignored file is linted.
    assert.deepEqual(shown(expandInputs(['drafts/d.imr', 'batch/private.imr'], folder).files), ['batch/private.imr', 'drafts/d.imr']);
    // Globs: braces, globstar, character sets; ignored files stay out.
    assert.deepEqual(shown(expandInputs(['**/*.{imr,txt}'], folder).files), ['a.imr', 'batch/b.imr', 'batch/c.txt']);
    assert.deepEqual(shown(expandInputs(['batch/[bc].*'], folder).files), ['batch/b.imr', 'batch/c.txt']);
    assert.deepEqual(expandInputs(['nothing/*.imr'], folder).problems, [{ input: 'nothing/*.imr', message: 'no files match this pattern' }]);
    // A folder whose letters are all ignored says so, rather than that it holds none.
    writeFileSync(join(folder, 'drafts', '.gitignore'), '*.imr\n');
    writeFileSync(join(folder, 'drafts', 'e.imr'), letter);
    assert.deepEqual(expandInputs(['drafts'], folder).problems, [{ input: 'drafts', message: 'a .gitignore ignores every .imr and .txt file in the folder (2); name a file to lint it anyway' }]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a deep tree is walked to the bottom, and every .gitignore above a file still applies there', () => {
  const folder = mkdtempSync(join(tmpdir(), 'imr-walk-deep-'));
  try {
    const letter = makeLetter();
    const level = (depth: number) => join(folder, ...Array.from({ length: depth }, () => 'a'));
    mkdirSync(level(400), { recursive: true });
    writeFileSync(join(folder, '.gitignore'), '*.bak.imr\n');
    writeFileSync(join(level(200), '.gitignore'), 'private.imr\n');
    for (const depth of [100, 400]) for (const name of ['x.imr', 'y.bak.imr', 'private.imr']) writeFileSync(join(level(depth), name), letter);
    const found = findLetterFiles([folder]).map((path) => relative(folder, path).split('\\').join('/'));
    const at = (depth: number, name: string) => [...Array.from({ length: depth }, () => 'a'), name].join('/');
    assert.deepEqual(found, [at(100, 'private.imr'), at(100, 'x.imr'), at(400, 'x.imr')].sort());
    assert.deepEqual(expandInputs([folder]).files.map((path) => relative(folder, path).split('\\').join('/')), found);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a letter whose file name is not valid UTF-8 is said to be so, in a folder and on the command line, not "no such file"', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'imr-walk-names-'));
  try {
    try {
      writeFileSync(Buffer.concat([Buffer.from(join(folder, 'Jos')), Buffer.from([0xe9]), Buffer.from('.imr')]), makeLetter());
    } catch {
      t.skip('this file system takes only UTF-8 names');
      return;
    }
    writeFileSync(join(folder, 'ok.imr'), makeLetter());
    const message = 'the name is not valid UTF-8, and only files with UTF-8 names can be opened; rename the file';
    // Found in a folder, it is listed, and reading it says why it cannot be read.
    const inFolder = expandInputs([folder]);
    assert.deepEqual(inFolder.files, [join(folder, 'Jos\ufffd.imr'), join(folder, 'ok.imr')]);
    assert.deepEqual(inFolder.problems, []);
    assert.throws(() => readLetterFile(join(folder, 'Jos\ufffd.imr')), { message });
    assert.deepEqual(expandInputs([join(folder, 'Jos\ufffd.imr')]).problems, [{ input: join(folder, 'Jos\ufffd.imr'), message }]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
