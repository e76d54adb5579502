import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/*
 * A code cache for the CLI's bundle. Node compiles a script's functions to bytecode as they are
 * first called; V8 can save that bytecode and take it back on the next run instead of compiling
 * again. A lint run of one letter spends about 40 ms of its 250 ms compiling the bundle, so
 * `imr-lint` runs its bundle through here (Node 22's `module.enableCompileCache` does the same, and
 * TypeScript's `tsc` turns that on; the CLI supports older Node too, so it does it itself).
 *
 * The cache holds compiled code of the bundle only, never anything read from a letter. It lives in
 * one file per installed bundle under the system's temporary folder, in a folder only this user may
 * write to: bytecode from a file someone else could write would run as this user, so the cache is
 * not used when the folder is not private. Each file starts with a key made from the bundle's
 * bytes, the Node version, the architecture and the engine's flags, and is used only when the key
 * matches; V8 checks again and refuses data that does not fit. A missing, stale or refused cache
 * means compiling as usual, and the cache is rewritten when the run ends. Any error reading or
 * writing it is ignored: the cache only ever saves time.
 *
 * IMR_LINT_COMPILE_CACHE=off turns it off; IMR_LINT_COMPILE_CACHE=<folder> puts it elsewhere.
 */

const KEY_LENGTH = 40;

/** Where the cache of `file` lives, or null when caching is off or the folder cannot be trusted. */
function cachePathFor(file: string, setting: string | undefined): string | null {
  if (setting === 'off' || setting === '0') return null;
  const folder = setting || join(tmpdir(), `imr-lint-compile-cache-${process.getuid?.() ?? 'user'}`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = lstatSync(folder);
    if (!stat.isDirectory()) return null;
    // POSIX only: the folder must be this user's and writable by nobody else.
    if (process.getuid && (stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0)) return null;
  } catch {
    return null;
  }
  return join(folder, `${createHash('sha1').update(file).digest('hex').slice(0, 16)}.bin`);
}

function cacheKey(source: string): string {
  return createHash('sha1')
    .update(source)
    .update(`\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`)
    .digest('hex');
}

function readCache(path: string, key: string): Buffer | undefined {
  try {
    const data = readFileSync(path);
    return data.length > KEY_LENGTH && data.toString('latin1', 0, KEY_LENGTH) === key ? data.subarray(KEY_LENGTH) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(path: string, key: string, data: Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, key, null, 'latin1');
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Atomic: a run starting meanwhile reads the old file or the new one, never half of one.
    renameSync(temporary, path);
  } catch {
    // Only time is lost.
  }
}

export interface CompiledRun {
  /** True when the code came from the cache. */
  readonly fromCache: boolean;
}

/**
 * Loads the CommonJS module `file` as `require` would (same `exports`, `require`, `module`,
 * `__filename`, `__dirname`), compiled with the code cache, and runs it. `setting` is the
 * IMR_LINT_COMPILE_CACHE environment variable.
 */
export function runCompiled(file: string, setting: string | undefined = process.env.IMR_LINT_COMPILE_CACHE): CompiledRun {
  // A "#!" line is not JavaScript; it becomes a comment of the same length.
  const source = readFileSync(file, 'utf8').replace(/^#!/, '//');
  const path = cachePathFor(file, setting);
  const key = path ? cacheKey(source) : '';
  const cachedData = path ? readCache(path, key) : undefined;
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  if (path && !fromCache) {
    // At the end, so that the cache holds every function the run compiled, not just the top level.
    process.once('exit', () => writeCache(path, key, script.createCachedData()));
  }
  const module = new Module(file);
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(dirname(file));
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return { fromCache };
}
