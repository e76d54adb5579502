#!/usr/bin/env node
/*
 * `imr-lint` itself: a small launcher that runs the CLI's bundle (imr-lint.js, built from
 * main.ts) with a V8 code cache, so that a run does not parse and compile again the functions
 * every run compiles. The build writes the cache (imr-lint.js.cache) by running this launcher
 * over examples/ and the test letters with IMR_LINT_CODE_CACHE=write. V8 rejects a cache made
 * by another Node version or under other engine flags, and the bundle is then compiled as usual.
 * A run over one letter is about 20 ms faster, over 995 letters about 3% (BENCHMARKS.md, tenth
 * session). The cache holds compiled code, never letter text.
 */
// First, so that the flags the cache was made under are set before anything is compiled.
import './engine-tuning';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

const bundle = join(__dirname, 'imr-lint.js');
const cachePath = `${bundle}.cache`;
/** IMR_LINT_CODE_CACHE: `write` (the build), `off` (compile as usual, to compare), `report` (say on stderr whether the cache was used). */
const mode = process.env.IMR_LINT_CODE_CACHE;

let cachedData: Buffer | undefined;
let state = 'off';
if (mode !== 'write' && mode !== 'off') {
  try {
    // V8 checks a cache against the source's length only, so a cache older than the bundle (a
    // rebuild in watch mode, a bundle edited by hand) is never used.
    if (statSync(cachePath).mtimeMs >= statSync(bundle).mtimeMs) cachedData = readFileSync(cachePath);
    else state = 'stale';
  } catch {
    // No cache (a build without one, or a package that left it out): compile as usual.
    state = 'missing';
  }
}
// Wrapped as Node wraps a CommonJS module, so that the bundle's top-level declarations stay local
// to it rather than becoming properties of the global object. The shebang goes, the line count stays.
const source = readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
if (cachedData) state = script.cachedDataRejected ? 'rejected' : 'used';
if (mode === 'report') process.stderr.write(`imr-lint: code cache ${state}\n`);
if (mode === 'write') process.once('exit', () => writeFileSync(cachePath, script.createCachedData()));
const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(bundle), module, bundle, __dirname);
