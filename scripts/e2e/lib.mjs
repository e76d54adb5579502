// Shared helpers for the end-to-end scripts: project paths, logging and
// child processes that can never outlive their time limit.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheRoot = process.env.IMR_E2E_CACHE ?? join(projectRoot, '.cache', 'e2e');
export const resultsRoot = join(projectRoot, 'test-results');

export const NODE_MAJOR = 24;
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM_PATH = process.env.IMR_E2E_CHROMIUM ?? '/usr/bin/chromium';

export function log(message) {
  const stamp = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[e2e ${stamp}] ${message}\n`);
}

/**
 * Runs a command to completion. Output is inherited unless `quiet` is set,
 * in which case it is kept and shown only when the command fails (installers
 * are noisy and the interesting part is the failure).
 */
export function run(command, args, { timeoutMs, env, cwd, quiet = false } = {}) {
  if (!timeoutMs) throw new Error('run() needs a timeout');
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: cwd ?? projectRoot,
      env: env ?? process.env,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    let output = '';
    const keep = (chunk) => {
      output += chunk;
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(output);
      const why = timedOut ? `timed out after ${Math.round(timeoutMs / 1000)} s` : `exited with ${code ?? signal}`;
      const tail = quiet ? `\n${lastLines(output, 15)}` : '';
      reject(new Error(`${command} ${args.join(' ')} ${why}${tail}`));
    });
  });
}

function lastLines(text, count) {
  return text
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('npm warn'))
    .slice(-count)
    .join('\n');
}

/** Kills a detached child together with everything it started. */
export function killGroup(pid, signal = 'SIGKILL') {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

export function withPathFirst(dir, extra = {}) {
  return { ...outsideNpmScript(), PATH: `${dir}:${process.env.PATH ?? ''}`, ...extra };
}

/**
 * The environment without what an enclosing `npm test` exported: a nested npm
 * would read those `npm_*` variables as its own settings (code-server's install
 * script, for one, checks the Node version in `npm_config_user_agent`).
 */
function outsideNpmScript() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE' && name !== 'INIT_CWD'));
}

/**
 * A throwaway folder for VS Code to open: copies of examples/ and the
 * integration fixtures, outside the project so edits and .imrlintrc.json
 * lookups never touch the repository.
 */
/**
 * The folder the untrusted window opens: two copies of a letter with findings, and a
 * .imrlintrc.json turning one of them off, which Restricted Mode must ignore.
 */
export function makeRestrictedWorkspace() {
  const workspace = mkdtempSync(join(tmpdir(), 'imr-e2e-restricted-'));
  for (const name of ['letter.imr', 'second.imr']) cpSync(join(projectRoot, 'examples', 'draft-with-gaps.imr'), join(workspace, name));
  writeFileSync(join(workspace, '.imrlintrc.json'), JSON.stringify({ rules: { 'item-decision': 'off' } }, null, 2));
  return workspace;
}

export function makeWorkspace() {
  const workspace = mkdtempSync(join(tmpdir(), 'imr-e2e-workspace-'));
  const copies = [
    [join(projectRoot, 'examples'), join(workspace, 'examples')],
    [join(projectRoot, 'test', 'integration', 'fixtures'), join(workspace, 'fixtures')],
  ];
  for (const [from, to] of copies) if (existsSync(from)) cpSync(from, to, { recursive: true });
  return workspace;
}
