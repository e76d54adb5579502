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
