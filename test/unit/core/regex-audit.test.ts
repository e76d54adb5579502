import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { parse } from 'acorn';
import { simple } from 'acorn-walk';
import { transformSync } from 'esbuild';
import { checkSync } from 'recheck';

/** Every regular expression in the analysis core, found in the compiled JavaScript so nothing hides in type syntax. */
const CORE = join(process.cwd(), 'server', 'src');
const EXCLUDED = [join(CORE, 'cli'), join(CORE, 'lsp'), join(CORE, 'server.ts')];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (EXCLUDED.some((excluded) => path === excluded)) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

interface FoundPattern {
  readonly file: string;
  readonly source: string;
  readonly flags: string;
}

function patternsIn(file: string): { found: FoundPattern[]; dynamic: number } {
  const { code } = transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' });
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  const found: FoundPattern[] = [];
  let dynamic = 0;
  simple(ast, {
    Literal(node) {
      const regex = (node as unknown as { regex?: { pattern: string; flags: string } }).regex;
      if (regex) found.push({ file, source: regex.pattern, flags: regex.flags });
    },
    NewExpression(node) {
      const callee = node.callee as { type: string; name?: string };
      if (callee.type !== 'Identifier' || callee.name !== 'RegExp') return;
      const [pattern, flags] = node.arguments as { type: string; value?: unknown }[];
      if (pattern?.type === 'Literal' && typeof pattern.value === 'string') {
        found.push({ file, source: pattern.value, flags: flags?.type === 'Literal' && typeof flags.value === 'string' ? flags.value : '' });
      } else dynamic++;
    },
  });
  return { found, dynamic };
}

test('no regular expression in the core can backtrack catastrophically', () => {
  const files = sourceFiles(CORE);
  const patterns = files.flatMap((file) => patternsIn(file).found);
  assert.ok(patterns.length > 20, `found only ${patterns.length} patterns; is the scan working?`);
  const vulnerable: string[] = [];
  for (const pattern of patterns) {
    const result = checkSync(pattern.source, pattern.flags.replace(/[gy]/g, ''), { timeout: 10_000 });
    if (result.status !== 'safe') {
      vulnerable.push(`${relative(process.cwd(), pattern.file)}: /${pattern.source}/${pattern.flags} is ${result.status}${'attack' in result && result.attack ? ` (attack: ${JSON.stringify(result.attack.pattern)})` : ''}`);
    }
  }
  console.log(`regex audit: ${patterns.length} patterns in ${files.length} files checked`);
  assert.deepEqual(vulnerable, []);
});
