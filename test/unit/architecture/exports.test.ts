import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { codeFiles, withoutComments } from '../../support/source-code';

/**
 * No unused exports: every name a module of server/src or client/src exports is imported by
 * another file (source, test or script). An export nothing imports is either dead or only used
 * in its own file, where it needs no export. The extension's entry points are called by VS Code.
 */
const ROOT = resolve(__dirname, '../../..');
const ENTRY_POINTS: Readonly<Record<string, readonly string[]>> = {
  'client/src/extension.ts': ['activate', 'deactivate'],
  'client/src/browser-extension.ts': ['activate', 'deactivate'],
};

/** The names a module exports by declaration (`export function f`) or in a list (`export { a, b }`, `export { c } from './d'`). */
function exportedNames(source: string): string[] {
  const code = withoutComments(source);
  const names: string[] = [];
  for (const match of code.matchAll(/^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\*?|const|let|var|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm)) names.push(match[1]);
  for (const match of code.matchAll(/^export\s*(?:type\s*)?\{([^}]*)\}/gm)) {
    for (const part of match[1].split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()!.trim();
      if (name) names.push(name);
    }
  }
  return names;
}

/** What a file takes from other modules: by specifier, the names it imports, or `*` for the whole module. */
function importedNames(source: string): Map<string, Set<string>> {
  const code = withoutComments(source);
  const taken = new Map<string, Set<string>>();
  const add = (specifier: string, name: string) => {
    let names = taken.get(specifier);
    if (!names) taken.set(specifier, (names = new Set()));
    names.add(name);
  };
  for (const match of code.matchAll(/\b(?:import|export)\s+(?:type\s+)?([\w$\s,*{}]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    const [, clause, specifier] = match;
    const braces = /\{([^}]*)\}/.exec(clause);
    if (braces) {
      for (const part of braces[1].split(',')) {
        const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0].trim();
        if (name) add(specifier, name);
      }
    }
    if (clause.includes('*')) add(specifier, '*');
  }
  for (const match of code.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]/g)) add(match[1], '*');
  return taken;
}

function resolveModule(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.mts`, join(base, 'index.ts')].find((path) => existsSync(path) && statSync(path).isFile());
}

test('every export of server/src and client/src is imported somewhere else', () => {
  const files = ['client/src', 'server/src', 'test', 'scripts'].flatMap((dir) => codeFiles(join(ROOT, dir)));
  const imported = new Map<string, Set<string>>();
  for (const file of files) {
    for (const [specifier, names] of importedNames(readFileSync(file, 'utf8'))) {
      const target = resolveModule(file, specifier);
      if (!target) continue;
      const known = imported.get(target) ?? new Set<string>();
      for (const name of names) known.add(name);
      imported.set(target, known);
    }
  }
  const unused: string[] = [];
  for (const file of files) {
    const path = relative(ROOT, file).split('\\').join('/');
    if (!/^(server|client)\/src\//.test(path)) continue;
    const taken = imported.get(file) ?? new Set<string>();
    if (taken.has('*')) continue;
    for (const name of exportedNames(readFileSync(file, 'utf8'))) {
      if (!taken.has(name) && !ENTRY_POINTS[path]?.includes(name)) unused.push(`${path}: ${name}`);
    }
  }
  assert.deepEqual(unused, [], 'exports nothing imports (drop the export, or the code)');
});

test('the export reader sees every form of export and import', () => {
  assert.deepEqual(
    exportedNames(['export function a() {}', 'export const b = 1;', 'export interface C {}', 'export type D = 1;', 'export class E {}', 'export { f, g as h };', "export { i, type J } from './x';", '// export const k = 1;'].join('\n')),
    ['a', 'b', 'C', 'D', 'E', 'f', 'h', 'i', 'J'],
  );
  const taken = importedNames(["import { a, b as c, type D } from './x';", "import type { E } from './y';", "import * as z from './z';", "export { f } from './w';", "const lazy = require('./v');", "import './side-effect';"].join('\n'));
  assert.deepEqual(Object.fromEntries([...taken].map(([specifier, names]) => [specifier, [...names]])), {
    './x': ['a', 'b', 'D'],
    './y': ['E'],
    './z': ['*'],
    './w': ['f'],
    './v': ['*'],
  });
});
