// Runs the integration suite through @vscode/test-electron, the standard way,
// on machines that can download VS Code:
//   node scripts/e2e/run-electron.mjs [--version stable|1.91.0|insiders] [--grep TEXT]
// The extension is loaded from this folder (extensionDevelopmentPath) after a
// build; VS Code itself is cached in .vscode-test/. On Linux without a display
// it re-runs itself under xvfb-run when that is installed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildTests } from './build-tests.mjs';
import { prepareProfile } from './code-server.mjs';
import { log, makeWorkspace, projectRoot, run } from './lib.mjs';

const argv = process.argv.slice(2);
const valueOf = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const version = valueOf('--version') ?? process.env.VSCODE_TEST_VERSION ?? 'stable';
const grep = valueOf('--grep') ?? process.env.IMR_INTEGRATION_GREP;

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.IMR_UNDER_XVFB) {
  const hasXvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
  if (hasXvfb) {
    const result = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, IMR_UNDER_XVFB: '1' },
    });
    process.exit(result.status ?? 1);
  }
  log('no DISPLAY and no xvfb-run: Electron may fail to start (apt-get install xvfb)');
}

let workspace;
let exitCode = 1;
try {
  log('building the extension (npm run build)');
  await run('npm', ['run', 'build'], { timeoutMs: 5 * 60_000, quiet: true });
  const built = await buildTests({ runnerVsix: false });
  workspace = makeWorkspace();
  const profile = join(projectRoot, '.vscode-test', 'electron-profile');
  rmSync(profile, { recursive: true, force: true });
  mkdirSync(profile, { recursive: true });
  prepareProfile(join(profile, 'user-data'));
  exitCode = await runTests({
    version,
    // Downloads stop after this long without data instead of hanging.
    timeout: 60_000,
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: built.suiteIndex,
    extensionTestsEnv: grep ? { IMR_INTEGRATION_GREP: grep } : undefined,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      join(profile, 'user-data'),
      '--extensions-dir',
      join(profile, 'extensions'),
    ],
  });
} catch (error) {
  log(`test-electron run failed: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
}
process.exit(exitCode);
