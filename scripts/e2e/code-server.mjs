// Starts and stops code-server (VS Code in a browser) for the tests, with its
// own user-data and extensions folders so nothing leaks between runs.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, openSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { killGroup, log, run } from './lib.mjs';

const QUIET_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  // Edits made by the tests must stay unsaved so they can be reverted.
  'files.autoSave': 'off',
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'editor.minimap.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function prepareProfile(userDataDir, extraSettings = {}) {
  const userDir = join(userDataDir, 'User');
  mkdirSync(userDir, { recursive: true });
  writeFileSync(join(userDir, 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...extraSettings }, null, 2));
}

function baseArgs({ userDataDir, extensionsDir }) {
  return ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check'];
}

export async function installExtension({ node, codeServer, userDataDir, extensionsDir, vsix }) {
  await run(node.nodeBinary, [codeServer.entry, ...baseArgs({ userDataDir, extensionsDir }), '--install-extension', vsix, '--force'], {
    timeoutMs: 120_000,
    quiet: true,
  });
}

/** Starts code-server on a free loopback port; resolves once it answers HTTP. */
/** `trust`: keep VS Code's workspace trust on, so that an untrusted folder opens in Restricted Mode. */
export async function startCodeServer({ node, codeServer, userDataDir, extensionsDir, folder, logFile, env = {}, trust = false }) {
  const port = await freePort();
  const args = [
    codeServer.entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    ...baseArgs({ userDataDir, extensionsDir }),
    ...(trust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    folder,
  ];
  const out = openSync(logFile, 'a');
  const child = spawn(node.nodeBinary, args, {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...env },
  });
  closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = code ?? signal;
  });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited early (${exited}); see ${logFile}`);
    try {
      const response = await fetch(`${url}healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      killGroup(child.pid);
      throw new Error(`code-server did not answer within 60 s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log(`code-server listening on ${url} (pid ${child.pid})`);
  return {
    url,
    pid: child.pid,
    isRunning: () => exited === null,
    async stop() {
      if (exited !== null) return;
      killGroup(child.pid, 'SIGTERM');
      const gone = await new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (!gone) killGroup(child.pid, 'SIGKILL');
    },
  };
}
