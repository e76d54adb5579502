// Runs the Node test runner over the TypeScript tests under the given folders
// (default: test/unit and test/protocol), loading them through tsx.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

function collect(dir, found) {
  if (!existsSync(dir)) return found;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, found);
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const roots = process.argv.slice(2);
const files = (roots.length ? roots : ['test/unit', 'test/protocol']).flatMap((root) =>
  root.endsWith('.ts') ? [root] : collect(root, []),
);
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
