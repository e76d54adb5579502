import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const SOURCE = resolve(__dirname, '../../../server/src');

/**
 * The server's state lives in objects that its entry creates once and passes to each concern
 * (yaml-language-server's habit), and the host layer's in the objects that use it: no file of
 * lsp/ or host/ keeps a variable, a map, a set or a list at module level.
 */
test('lsp/ and host/ keep no mutable state at module level', () => {
  const found: string[] = [];
  for (const folder of ['lsp', 'host']) {
    for (const name of readdirSync(join(SOURCE, folder)).filter((file) => file.endsWith('.ts'))) {
      const lines = readFileSync(join(SOURCE, folder, name), 'utf8').split('\n');
      lines.forEach((line, index) => {
        const variable = /^(export )?(let|var) /.test(line);
        // A collection is state unless it is typed read-only or is a constant tuple.
        const collection = /^(export )?const \w+(: (?!Readonly)[^=]+)? = (new (Map|Set|WeakMap|Array)\b|\[)/.test(line) && !/ as const;$/.test(line);
        if (variable || collection) found.push(`${folder}/${name}:${index + 1}: ${line.trim()}`);
      });
    }
  }
  assert.deepEqual(found, []);
});
