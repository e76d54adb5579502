import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

test('the extension package holds every bundle the build writes', () => {
  const build = readFileSync('scripts/build-config.mjs', 'utf8');
  const bundles = [...build.matchAll(/'?([\w-]+)'?: '(?:client|server)\/src\/[\w/-]+\.ts'/g)].map((match) => match[1]);
  assert.deepEqual([...bundles].sort(), ['browser-client', 'browser-server', 'cli', 'cli-worker', 'client', 'imr-lint', 'server']);
  const ignore = readFileSync('.vscodeignore', 'utf8');
  for (const bundle of bundles) assert.match(ignore, new RegExp(`^!dist/${bundle}\\.js$`, 'm'), `dist/${bundle}.js is packaged`);
  // The entries package.json names are among them.
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; browser: string; bin: Record<string, string> };
  for (const entry of [manifest.main, manifest.browser, ...Object.values(manifest.bin)]) assert.ok(bundles.some((bundle) => entry === `./dist/${bundle}.js`), entry);
});
