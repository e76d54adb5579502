import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The TypeScript and JavaScript module files under `dir`, at any depth; declaration files, fixtures and node_modules left out. */
export function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') return [];
    if (statSync(path).isDirectory()) return codeFiles(path);
    return /\.(ts|mts|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The source without its block comments and whole-line comments, so that commented-out code is not read as code. */
export function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}
