import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import * as esbuild from 'esbuild';

/*
 * The browser server's bundle (scripts/build-config.mjs) holds nothing of Node: esbuild, building
 * for the browser, refuses a Node built-in, and the files that read the disk (server/src/host/)
 * are not in it.
 */

async function browserBuild() {
  const { bundleOptions } = (await import(pathToFileURL(resolve('scripts', 'build-config.mjs')).href)) as {
    bundleOptions(options: { production?: boolean }): (esbuild.BuildOptions & { entryPoints: Record<string, string> })[];
  };
  const options = bundleOptions({ production: true }).find((candidate) => 'browser-server' in candidate.entryPoints);
  assert.ok(options, 'the build has a browser-server bundle');
  assert.equal(options.platform, 'browser');
  assert.equal(options.external, undefined, 'nothing is left out of the bundle for a host to supply');
  return options;
}

test('the browser server bundle holds no Node built-in and no file-system code', async () => {
  const options = await browserBuild();
  const result = await esbuild.build({ ...options, write: false, metafile: true, logLevel: 'silent' });
  const inputs = Object.keys(result.metafile.inputs);
  const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
  assert.deepEqual(inputs.filter((input) => nodeBuiltins.has(input) || input.startsWith('node:')), []);
  assert.deepEqual(inputs.filter((input) => input.startsWith('server/src/host/') || input.startsWith('server/src/cli/')), []);
  assert.ok(inputs.includes('server/src/rules/functional-improvement.ts') && inputs.some((input) => input.startsWith('server/src/knowledge/data/')), 'the rules and the embedded knowledge are in it');
});

test('a Node built-in pulled into the browser server fails the build', async () => {
  const options = await browserBuild();
  const { entryPoints: _entryPoints, outdir: _outdir, ...rest } = options;
  await assert.rejects(
    esbuild.build({ ...rest, write: false, logLevel: 'silent', stdin: { contents: "import './server/src/lsp/browser-server';\nimport { readFileSync } from 'node:fs';\nconsole.log(readFileSync);", resolveDir: resolve('.'), loader: 'ts' } }),
    /node:fs/,
  );
});
