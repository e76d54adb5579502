// Bundles the integration suite, the runner extension and the screen checks
// into .vscode-test/out/, where the code-server and test-electron runs load them.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, run } from './lib.mjs';

export const outRoot = join(projectRoot, '.vscode-test', 'out');
export const integrationOut = join(outRoot, 'integration');
export const runnerExtensionOut = join(outRoot, 'runner-extension');
export const e2eOut = join(outRoot, 'e2e');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
  absWorkingDir: projectRoot,
};

function suiteEntries() {
  // suite/: the main window's tests; restricted/: the untrusted window's.
  return ['suite', 'restricted'].flatMap((folder) => {
    const dir = join(projectRoot, 'test', 'integration', folder);
    return readdirSync(dir)
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => join(dir, name));
  });
}

export async function buildTests({ runnerVsix = true } = {}) {
  rmSync(outRoot, { recursive: true, force: true });
  await esbuild.build({
    ...common,
    format: 'cjs',
    entryPoints: [join(projectRoot, 'test', 'integration', 'index.ts'), ...suiteEntries()],
    outbase: join(projectRoot, 'test', 'integration'),
    outdir: integrationOut,
    // mocha is loaded from the project's node_modules, as @vscode/test-electron suites do.
    external: ['vscode', 'mocha'],
  });
  await esbuild.build({
    ...common,
    format: 'cjs',
    entryPoints: [join(projectRoot, 'test', 'integration', 'runner-extension', 'extension.ts')],
    outdir: runnerExtensionOut,
    external: ['vscode'],
  });
  copyFileSync(join(projectRoot, 'test', 'integration', 'runner-extension', 'package.json'), join(runnerExtensionOut, 'package.json'));
  // Installed like any extension: code-server ignores folders missing from its extensions.json.
  if (runnerVsix) await run(join(projectRoot, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', join(outRoot, 'imr-integration-runner.vsix')], {
    cwd: runnerExtensionOut,
    timeoutMs: 120_000,
    quiet: true,
  });
  const e2eEntry = join(projectRoot, 'test', 'e2e', 'checks.ts');
  if (existsSync(e2eEntry)) {
    mkdirSync(e2eOut, { recursive: true });
    await esbuild.build({
      ...common,
      format: 'esm',
      entryPoints: [e2eEntry],
      outExtension: { '.js': '.mjs' },
      outdir: e2eOut,
      external: ['playwright-core'],
    });
  }
  return {
    suiteIndex: join(integrationOut, 'index.js'),
    runnerExtension: runnerExtensionOut,
    runnerVsix: join(outRoot, 'imr-integration-runner.vsix'),
    e2eChecks: existsSync(e2eEntry) ? join(e2eOut, 'checks.mjs') : null,
  };
}
