import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

/*
 * The code cache of the CLI's bundle (server/src/cli/compile-cache.ts), run in child processes as
 * the CLI runs it: a small CommonJS module stands in for the bundle and reports what it was given.
 */

const LOADER = resolve('server/src/cli/compile-cache.ts');

function setup() {
  const folder = mkdtempSync(join(tmpdir(), 'imr-compile-cache-'));
  const bundle = join(folder, 'bundle.js');
  // A module that reads its own CommonJS arguments, requires a built-in and a neighbour by relative path.
  writeFileSync(join(folder, 'neighbour.js'), 'module.exports = 42;\n');
  writeFileSync(
    bundle,
    "#!/usr/bin/env node\nconst { basename } = require('node:path');\nconsole.log(JSON.stringify({ file: basename(__filename), dir: __dirname, neighbour: require('./neighbour'), same: module.exports === exports, argv: process.argv.slice(-2) }));\n",
  );
  const cache = join(folder, 'cache');
  const run = (setting: string | undefined = cache, ...args: string[]) => {
    const script = `const { runCompiled } = require(${JSON.stringify(LOADER)}); const { fromCache } = runCompiled(${JSON.stringify(bundle)}, ${JSON.stringify(setting)}); process.stderr.write(String(fromCache));`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, '--', ...args], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    return { output: JSON.parse(result.stdout) as Record<string, unknown>, fromCache: result.stderr.trim().endsWith('true') };
  };
  return { folder, bundle, cache, run, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

test('the bundle runs as a CommonJS module, compiles the first time and comes from the cache the next', () => {
  const { folder, cache, run, cleanup } = setup();
  try {
    const first = run(cache, 'a', 'b');
    assert.deepEqual(first.output, { file: 'bundle.js', dir: folder, neighbour: 42, same: true, argv: ['a', 'b'] });
    assert.equal(first.fromCache, false);
    const files = readdirSync(cache);
    assert.equal(files.length, 1, 'one cache file for the bundle');
    const second = run(cache, 'a', 'b');
    assert.deepEqual(second.output, first.output);
    assert.equal(second.fromCache, true);
    if (process.getuid) assert.equal(readFileSync(join(cache, files[0])).length > 40, true);
  } finally {
    cleanup();
  }
});

test('a changed bundle or a damaged cache file is not used, and is replaced', () => {
  const { bundle, cache, run, cleanup } = setup();
  try {
    run();
    const [file] = readdirSync(cache);
    writeFileSync(join(cache, file), Buffer.concat([readFileSync(join(cache, file)).subarray(0, 40), Buffer.from('not bytecode at all')]));
    assert.equal(run().fromCache, false, 'V8 refuses the damaged data');
    assert.equal(run().fromCache, true, 'and it was rewritten');
    // Same length, other text: the key is made from the bytes, not the size.
    writeFileSync(bundle, readFileSync(bundle, 'utf8').replace('neighbour:', 'neighbouR:'));
    const changed = run();
    assert.equal(changed.fromCache, false);
    assert.ok('neighbouR' in changed.output);
  } finally {
    cleanup();
  }
});

test('"off" turns it off, and a folder others can write to is never used', () => {
  const { folder, cache, run, cleanup } = setup();
  try {
    assert.equal(run('off').fromCache, false);
    assert.equal(run('off').fromCache, false);
    assert.equal(existsSync(cache), false, 'nothing written');
    if (process.getuid) {
      const shared = join(folder, 'shared');
      mkdirSync(shared);
      chmodSync(shared, 0o777);
      run(shared);
      assert.equal(run(shared).fromCache, false);
      assert.deepEqual(readdirSync(shared), [], 'a world-writable folder is left alone');
    }
  } finally {
    cleanup();
  }
});

test('the extension package holds every bundle the build writes, the CLI launcher and its bundle included', () => {
  const build = readFileSync('scripts/build-config.mjs', 'utf8');
  const bundles = [...build.matchAll(/'?([\w-]+)'?: '(?:client|server)\/src\/[\w/-]+\.ts'/g)].map((match) => match[1]);
  assert.ok(['cli', 'cli-main', 'cli-worker', 'server', 'client', 'browser-server'].every((name) => bundles.includes(name)), bundles.join(', '));
  const ignore = readFileSync('.vscodeignore', 'utf8');
  for (const bundle of bundles) assert.match(ignore, new RegExp(`^!dist/${bundle}\\.js$`, 'm'), `dist/${bundle}.js is packaged`);
});
