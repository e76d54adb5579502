import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { codeFiles, withoutComments } from '../../support/source-code';

/**
 * The layers of server/src, lowest first (docs/ARCHITECTURE.md). A file may import from its own
 * folder and from folders of lower layers, never from a higher one, and the two hosts on the top
 * layer never import each other. Type-only imports count too: they tie the layers as much as any.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['text'],
  ['language'],
  ['letter'],
  ['knowledge'],
  ['facts'],
  ['rules'],
  ['features'],
  ['engine'],
  ['host'],
  ['lsp', 'cli'],
];
/** Packages only the hosts may use: the editor protocol and the file system. */
const HOST_ONLY_PACKAGES = /^(vscode|vscode-languageserver|vscode-languageserver-textdocument|vscode-jsonrpc|node:fs|node:path|node:url|node:os|node:worker_threads|node:child_process|fs|path)(\/|$)/;

const SOURCE = resolve(__dirname, '../../../server/src');
const layerOf = new Map(LAYERS.flatMap((folders, level) => folders.map((folder) => [folder, level] as const)));

/** Every module specifier a file names: import and export `from`, side-effect imports, `import()` and `require()`. */
export function importedSpecifiers(source: string): string[] {
  const code = withoutComments(source);
  const specifiers: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;
  for (let match = pattern.exec(code); match; match = pattern.exec(code)) specifiers.push(match[2]);
  return specifiers;
}

function folderOf(path: string): string {
  return relative(SOURCE, path).split(/[\\/]/)[0];
}

test('every source file sits in a known layer folder', () => {
  const stray = codeFiles(SOURCE).filter((file) => !layerOf.has(folderOf(file))).map((file) => relative(SOURCE, file));
  assert.deepEqual(stray, []);
});

/** What is wrong with one file's imports, as readable lines; empty when it keeps to the layers. */
function violationsOf(file: string, source: string): string[] {
  const violations: string[] = [];
  const from = folderOf(file);
  const fromLevel = layerOf.get(from)!;
  const where = relative(SOURCE, file);
  for (const specifier of importedSpecifiers(source)) {
    if (!specifier.startsWith('.')) {
      if (fromLevel < layerOf.get('host')! && HOST_ONLY_PACKAGES.test(specifier)) violations.push(`${where} uses ${specifier}`);
      continue;
    }
    const target = resolve(dirname(file), specifier);
    if (!target.startsWith(SOURCE + '/')) {
      violations.push(`${where} imports ${specifier}, outside server/src`);
      continue;
    }
    const to = folderOf(target);
    if (to === from) continue;
    const toLevel = layerOf.get(to);
    if (toLevel === undefined || toLevel >= fromLevel) violations.push(`${where} (${from}) imports ${specifier} (${to})`);
  }
  return violations;
}

test('imports only go down the layers, and no package for hosts is used below them', () => {
  const files = codeFiles(SOURCE);
  assert.ok(files.length > 80, `only ${files.length} source files found`);
  assert.deepEqual(files.flatMap((file) => violationsOf(file, readFileSync(file, 'utf8'))), []);
});

test('the import reader sees every form of import', () => {
  const source = [
    "import type { A } from '../a';",
    "import { B,\n  C } from \"../b\";",
    "export { D } from './d';",
    "import '../side-effect';",
    "const e = await import('../e');",
    "const f = require('../f');",
    "// import { G } from '../commented-out';",
    "/* import { H } from '../also-commented'; */",
  ].join('\n');
  assert.deepEqual(importedSpecifiers(source), ['../a', '../b', './d', '../side-effect', '../e', '../f']);
});

test('the checker catches an upward import, a sideways host import and a host package below the hosts', () => {
  const at = (path: string) => join(SOURCE, path);
  assert.deepEqual(violationsOf(at('rules/quantity.ts'), "import { analyze } from '../engine/analyze';"), ['rules/quantity.ts (rules) imports ../engine/analyze (engine)']);
  assert.deepEqual(violationsOf(at('cli/main.ts'), "import { x } from '../lsp/server';"), ['cli/main.ts (cli) imports ../lsp/server (lsp)']);
  assert.deepEqual(violationsOf(at('knowledge/x.ts'), "import { readFileSync } from 'node:fs';"), ['knowledge/x.ts uses node:fs']);
  assert.deepEqual(violationsOf(at('letter/x.ts'), "import type { Span } from '../text/span';\nimport { y } from './y';"), []);
  assert.deepEqual(violationsOf(at('engine/x.ts'), "import { z } from '../../../test/z';"), ['engine/x.ts imports ../../../test/z, outside server/src']);
});
