// Installs what the real-VS-Code tests need, reusing whatever is already there:
//   - Node 24 from the npm package node-linux-<arch> (code-server requires it);
//   - Debian's chromium and libkrb5-dev (apt, only when missing);
//   - code-server, built with Node 24 headers into .cache/e2e.
// Every step is idempotent: a second run only checks and returns.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_PATH, CODE_SERVER_VERSION, NODE_MAJOR, cacheRoot, log, run, withPathFirst } from './lib.mjs';

const NODE_PACKAGE_VERSION = process.env.IMR_E2E_NODE_VERSION ?? '24.21.0';
const MINUTE = 60_000;

function nodePackageName() {
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (process.platform !== 'linux' || !arch) {
    throw new Error(`No Node ${NODE_MAJOR} package for ${process.platform}-${process.arch}; only Linux x64/arm64 are supported.`);
  }
  return `node-linux-${arch}`;
}

function versionOf(nodeBinary) {
  const result = spawnSync(nodeBinary, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Returns { nodeBinary, nodeBinDir, nodeDir } for a Node 24 with headers. */
export async function ensureNode24() {
  const prefix = join(cacheRoot, 'node24');
  const nodeDir = join(prefix, 'node_modules', nodePackageName());
  const nodeBinary = join(nodeDir, 'bin', 'node');
  const current = existsSync(nodeBinary) ? versionOf(nodeBinary) : null;
  const hasHeaders = existsSync(join(nodeDir, 'include', 'node', 'node.h'));
  if (current?.startsWith(`v${NODE_MAJOR}.`) && hasHeaders) {
    log(`Node ${current} (cached)`);
  } else {
    log(`Installing Node ${NODE_PACKAGE_VERSION} from npm (${nodePackageName()})`);
    rmSync(prefix, { recursive: true, force: true });
    mkdirSync(prefix, { recursive: true });
    writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
    await run('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts',
      `${nodePackageName()}@${NODE_PACKAGE_VERSION}`], { cwd: prefix, timeoutMs: 10 * MINUTE, quiet: true });
    const installed = versionOf(nodeBinary);
    if (!installed?.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`Node ${NODE_MAJOR} install failed (got ${installed})`);
    log(`Node ${installed} installed`);
  }
  return { nodeBinary, nodeBinDir: join(nodeDir, 'bin'), nodeDir };
}

function debianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8', timeout: 30_000 });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** Installs Debian packages that are missing; runs `apt-get update` once first. */
export async function ensureDebianPackages({ needBuildTools }) {
  const wanted = [];
  if (!existsSync(CHROMIUM_PATH)) wanted.push('chromium');
  if (needBuildTools && !debianPackageInstalled('libkrb5-dev')) wanted.push('libkrb5-dev');
  if (wanted.length === 0) {
    log('chromium' + (needBuildTools ? ' and libkrb5-dev' : '') + ' already installed');
    return;
  }
  const isRoot = process.getuid?.() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  if (!isRoot && spawnSync('sudo', ['-n', 'true'], { timeout: 30_000 }).status !== 0) {
    throw new Error(`Missing Debian packages (${wanted.join(' ')}) and no root or password-less sudo to install them.`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const exec = (args, timeoutMs) => run(sudo[0] ?? args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), { env, timeoutMs, quiet: true });
  log(`apt-get update, then install ${wanted.join(' ')}`);
  await exec(['apt-get', 'update'], 10 * MINUTE);
  await exec(['apt-get', '-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '--no-install-recommends', ...wanted], 20 * MINUTE);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`chromium installed but ${CHROMIUM_PATH} is missing`);
}

/** Returns the path of code-server's entry script, installing it when needed. */
export async function ensureCodeServer(node) {
  const prefix = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
  const packageDir = join(prefix, 'node_modules', 'code-server');
  const entry = join(packageDir, 'out', 'node', 'entry.js');
  const marker = join(prefix, '.installed');
  const expectedMarker = `${CODE_SERVER_VERSION} ${versionOf(node.nodeBinary)}`;
  if (existsSync(entry) && existsSync(marker) && readFileSync(marker, 'utf8').trim() === expectedMarker) {
    log(`code-server ${CODE_SERVER_VERSION} (cached)`);
    return { entry, packageDir };
  }
  log(`Installing code-server ${CODE_SERVER_VERSION} with Node 24 (takes a few minutes)`);
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
  const env = withPathFirst(node.nodeBinDir, {
    npm_config_nodedir: node.nodeDir,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  });
  const started = Date.now();
  await run('npm', ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: prefix, env, timeoutMs: 25 * MINUTE, quiet: true,
  });
  if (!existsSync(entry)) throw new Error(`code-server installed but ${entry} is missing`);
  writeFileSync(marker, expectedMarker + '\n');
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return { entry, packageDir };
}

/** Everything the code-server run needs, installed or reused. */
export async function ensureAll() {
  mkdirSync(cacheRoot, { recursive: true });
  const node = await ensureNode24();
  const codeServerReady = existsSync(join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`, '.installed'));
  await ensureDebianPackages({ needBuildTools: !codeServerReady });
  const codeServer = await ensureCodeServer(node);
  return { node, codeServer, chromium: CHROMIUM_PATH };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureAll().then(
    (found) => log(`ready: node ${found.node.nodeBinary}, code-server ${found.codeServer.entry}, chromium ${found.chromium}`),
    (error) => {
      log(`install failed: ${error.message}`);
      process.exit(1);
    },
  );
}
