import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FileLinter, type FileResult } from '../../../server/src/cli/lint-file';
import { loadKnowledge } from '../../../server/src/knowledge';
import { makeLetter } from '../../support/letters';

test('lintEach reads ahead but gives every file, in order, the result lint gives it alone', () => {
  const folder = mkdtempSync(join(tmpdir(), 'imr-lint-each-'));
  try {
    const paths: string[] = [];
    for (let index = 0; index < 75; index++) {
      const path = join(folder, `${String(index).padStart(3, '0')}.txt`);
      if (index === 10) {
        mkdirSync(path); // a folder where a file was expected: an error result, and the next files still come
      } else if (index !== 40) {
        // Index 40 is never written: a missing file. Some letters are large, so a read-ahead stops on size too.
        const items = Array.from({ length: index % 7 === 0 ? 400 : 1 + (index % 3) }, (_, item) => ({ title: `Tizanidine 4mg #${item + index}` }));
        writeFileSync(path, makeLetter({ items }));
      }
      paths.push(path);
    }
    const linter = new FileLinter({ knowledge: loadKnowledge() });
    const seen: [FileResult, number][] = [];
    linter.lintEach(paths, (result, index) => seen.push([result, index]));
    assert.deepEqual(
      seen.map(([, index]) => index),
      paths.map((_, index) => index),
    );
    seen.forEach(([result, index]) => assert.deepEqual(result, linter.lint(paths[index]!), paths[index]));
    assert.match(seen[10]![0].error ?? '', /folder|directory/i);
    assert.ok(seen[40]![0].error, 'the missing file has an error');
    assert.ok(seen[7]![0].letter && seen[7]![0].letter.items.length === 400);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('when a turn fails, every file before the one that fails still gets its result, config problems included', () => {
  const folder = mkdtempSync(join(tmpdir(), 'imr-lint-each-'));
  try {
    // A config with a problem: reported with the first letter it applies to, once.
    writeFileSync(join(folder, '.imrlintrc.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const paths = Array.from({ length: 6 }, (_, index) => {
      const path = join(folder, `${index}.txt`);
      writeFileSync(path, makeLetter({ items: [{ title: index === 4 ? 'BOOM 4mg #60' : `Tizanidine 4mg #${index}` }] }));
      return path;
    });
    /** A linter whose analysis fails on any group of files that holds the letter with "BOOM" in it. */
    const failing = () => {
      const linter = new FileLinter({ knowledge: loadKnowledge() });
      const internals = linter as unknown as { lintFiles(files: readonly { text?: string }[]): FileResult[] };
      const lintFiles = internals.lintFiles.bind(linter);
      internals.lintFiles = (files) => {
        if (files.some((file) => file.text?.includes('BOOM'))) throw new Error('boom');
        return lintFiles(files);
      };
      return linter;
    };

    // Without onCrash (one thread): files 0 to 3 are handed on, then the error is thrown.
    const handed: [FileResult, number][] = [];
    assert.throws(() => failing().lintEach(paths, (result, index) => handed.push([result, index])), /boom/);
    assert.deepEqual(handed.map(([, index]) => index), [0, 1, 2, 3]);
    assert.match(handed[0]![0].problems?.join('\n') ?? '', /no-such-rule/);
    assert.equal(handed[1]![0].problems, undefined);

    // With onCrash (a worker): the failing file gets its error, the others their results.
    const all: FileResult[] = [];
    failing().lintEach(paths, (result) => all.push(result), (path, error) => ({ path, error: `internal error: ${(error as Error).message}`, diagnostics: [] }));
    assert.deepEqual(all.map((result) => result.error ?? 'ok'), ['ok', 'ok', 'ok', 'ok', 'internal error: boom', 'ok']);
    assert.match(all[0]!.problems?.join('\n') ?? '', /no-such-rule/, 'the config problem survives the retry');
    assert.ok(all[5]!.letter);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
