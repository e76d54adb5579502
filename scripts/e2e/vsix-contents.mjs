// What the packaged extension must and must not hold, checked on the folder
// code-server unpacked it into (so it is exactly what a user installs).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const MAX_VSIX_BYTES = 1024 * 1024;
const FORBIDDEN = [
  { pattern: /(^|\/)node_modules\//, why: 'node_modules' },
  { pattern: /(^|\/)(client|server)\/src\//, why: 'sources' },
  { pattern: /(?<!\.d)\.ts$/, why: 'TypeScript sources' },
  { pattern: /\.map$/, why: 'source maps' },
  { pattern: /(^|\/)test\//, why: 'tests' },
  { pattern: /(^|\/)\.(cache|vscode-test|git|ci)\//, why: 'caches or repository files' },
  { pattern: /\.vsix$/, why: 'a nested .vsix' },
];

function filesUnder(root, dir = root, found = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(root, path, found);
    else found.push(relative(root, path).split('\\').join('/'));
  }
  return found;
}

/** Throws with every problem found; returns a one-line description when all is well. */
export function checkVsixContents(vsixPath, installedDir) {
  const problems = [];
  const size = statSync(vsixPath).size;
  if (size >= MAX_VSIX_BYTES) problems.push(`the .vsix is ${size} bytes, over 1 MB`);
  const files = filesUnder(installedDir);
  const lower = new Set(files.map((file) => file.toLowerCase()));
  const manifest = JSON.parse(readFileSync(join(installedDir, 'package.json'), 'utf8'));
  const required = [
    manifest.main?.replace(/^\.\//, ''),
    'dist/server.js',
    ...(manifest.contributes?.grammars ?? []).map((grammar) => grammar.path.replace(/^\.\//, '')),
    manifest.icon,
    'readme.md',
    'changelog.md',
  ].filter(Boolean);
  for (const file of required) if (!lower.has(file.toLowerCase())) problems.push(`missing ${file}`);
  if (!files.some((file) => /^license(\.(md|txt))?$/i.test(file))) problems.push('missing LICENSE');
  for (const file of files) {
    const bad = FORBIDDEN.find((rule) => rule.pattern.test(file));
    if (bad) problems.push(`${file} (${bad.why}) should not be packaged`);
  }
  if (!existsSync(join(installedDir, 'dist', 'server.js'))) problems.push('the language server bundle is missing');
  if (problems.length) throw new Error(`the packaged extension is not right:\n${problems.join('\n')}`);
  return `${Math.round(size / 1024)} KiB, ${files.length} files`;
}
