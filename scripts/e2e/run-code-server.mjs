// One command for the real-VS-Code tests on this kind of machine:
//   node scripts/e2e/run-code-server.mjs [--skip-package] [--skip-e2e] [--grep TEXT]
// It installs what is missing (Node 24, code-server, Chromium), packages the
// extension, installs exactly that .vsix plus a test-runner extension into a
// fresh code-server, opens the workbench in headless Chromium, collects the
// integration suite's results from the extension host, then runs the screen
// checks (screenshots in test-results/e2e/). Exits non-zero on any failure.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildTests } from './build-tests.mjs';
import { installExtension, prepareProfile, startCodeServer } from './code-server.mjs';
import { ensureAll } from './install.mjs';
import { CODE_SERVER_VERSION, killGroup, log, makeRestrictedWorkspace, makeWorkspace, projectRoot, resultsRoot, run } from './lib.mjs';
import { Report } from './report.mjs';
import { checkVsixContents } from './vsix-contents.mjs';

const MINUTE = 60_000;
const INTEGRATION_TIMEOUT_MS = Number(process.env.IMR_INTEGRATION_TIMEOUT_MS ?? 10 * MINUTE);
const RUNNER_START_TIMEOUT_MS = 90_000;
// Longer than mocha's own per-test timeout, so a hung test is reported by mocha first.
const TEST_IDLE_TIMEOUT_MS = 3 * MINUTE;
const E2E_CHECK_TIMEOUT_MS = 120_000;
const EXTENSION_ID = 'imr-tools.imr-letters';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

const argv = process.argv.slice(2);
const options = {
  skipPackage: argv.includes('--skip-package'),
  skipE2E: argv.includes('--skip-e2e'),
  grep: argv.includes('--grep') ? argv[argv.indexOf('--grep') + 1] : process.env.IMR_INTEGRATION_GREP,
};

const stateRoot = join(projectRoot, '.vscode-test', 'code-server');
const pidFile = join(stateRoot, 'code-server.pid');
// IMR_E2E_VSIX tests another build (say, a release candidate) instead of packaging this tree.
const vsixPath = process.env.IMR_E2E_VSIX ?? join(projectRoot, 'imr-letters.vsix');
const report = new Report();
const cleanups = [];

async function cleanup() {
  while (cleanups.length) {
    const step = cleanups.pop();
    try {
      await withTimeout(step(), 15_000, 'cleanup');
    } catch (error) {
      log(`cleanup: ${error.message}`);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    log(`${signal}: stopping code-server and Chromium`);
    cleanup().finally(() => process.exit(130));
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A previous run killed outright may have left its code-server behind; end it by its recorded id. */
function stopLeftoverCodeServer() {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (commandLine.includes(stateRoot)) {
      log(`stopping code-server left over from an earlier run (pid ${pid})`);
      killGroup(pid);
    }
  } catch {
    // not running any more
  }
  rmSync(pidFile, { force: true });
}

async function packageExtension() {
  if ((options.skipPackage || process.env.IMR_E2E_VSIX) && existsSync(vsixPath)) {
    log(`using the existing ${vsixPath} (--skip-package)`);
    return;
  }
  log('packaging the extension (npm run package)');
  await run('npm', ['run', 'package'], { timeoutMs: 5 * MINUTE, quiet: true });
  if (!existsSync(vsixPath)) throw new Error(`npm run package did not produce ${vsixPath}`);
  log(`packaged ${vsixPath} (${Math.round(statSync(vsixPath).size / 1024)} KiB)`);
}

async function waitForResults(resultsPath, integration, codeServer) {
  const progressPath = `${resultsPath}.progress`;
  const started = Date.now();
  let lastChange = Date.now();
  let shown = 0;
  const fail = (fullTitle, error) => integration.add({ fullTitle, state: 'failed', error });
  const showProgress = () => {
    try {
      const { outcomes } = JSON.parse(readFileSync(progressPath, 'utf8'));
      if (outcomes.length > shown) lastChange = Date.now();
      for (; shown < outcomes.length; shown++) integration.add(outcomes[shown]);
    } catch {
      // being replaced right now; read it next time
    }
  };
  while (!existsSync(resultsPath)) {
    if (!codeServer.isRunning()) return fail('integration suite finished', 'code-server exited during the run; see .vscode-test/code-server/code-server.log');
    if (!existsSync(progressPath)) {
      if (Date.now() - started > RUNNER_START_TIMEOUT_MS) {
        return fail('the test-runner extension starts', `it did not activate within ${RUNNER_START_TIMEOUT_MS / 1000} s; see .vscode-test/code-server/user-data/logs`);
      }
    } else {
      showProgress();
      if (Date.now() - lastChange > TEST_IDLE_TIMEOUT_MS) return fail('integration suite finished', `no test finished for ${TEST_IDLE_TIMEOUT_MS / 1000} s`);
      if (Date.now() - started > INTEGRATION_TIMEOUT_MS) return fail('integration suite finished', `not finished within ${INTEGRATION_TIMEOUT_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
  for (; shown < results.outcomes.length; shown++) integration.add(results.outcomes[shown]);
  if (results.crashed) fail('integration suite ran to the end', results.crashed);
  if (results.outcomes.length === 0) fail('integration suite ran tests', 'no test ran');
  for (const [name, milliseconds] of Object.entries(results.measurements ?? {})) log(`measured: ${name}: ${milliseconds} ms`);
}

/** Opens code-server's workbench at `url` in the page and waits until it is drawn. */
async function loadWorkbench(page, url) {
  await page.goto(url, { timeout: 60_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
}

async function runScreenChecks(page, checksPath, context, group, which = 'checks') {
  const { [which]: checks, prepare } = await import(pathToFileURL(checksPath).href);
  const shotsDir = join(resultsRoot, 'e2e');
  await withTimeout(prepare({ ...context, page }), E2E_CHECK_TIMEOUT_MS, 'preparing the window');
  for (const check of checks) {
    const started = Date.now();
    try {
      await withTimeout(check.run({ ...context, page }), E2E_CHECK_TIMEOUT_MS, check.name);
      group.add({ fullTitle: check.name, state: 'passed', durationMs: Date.now() - started });
    } catch (error) {
      const shot = join(shotsDir, `FAILED-${check.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
      await page.screenshot({ path: shot, timeout: 10_000 }).catch(() => {});
      group.add({ fullTitle: check.name, state: 'failed', durationMs: Date.now() - started, error: `${error.stack ?? error}\n(screenshot: ${shot})` });
    }
  }
}

class SetupFailed extends Error {}

function vscodeVersion(codeServer) {
  try {
    return JSON.parse(readFileSync(join(codeServer.packageDir, 'lib', 'vscode', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

async function main() {
  const setup = report.group('setup');
  const step = async (title, action) => {
    const started = Date.now();
    try {
      const value = await action();
      setup.add({ fullTitle: title, state: 'passed', durationMs: Date.now() - started });
      return value;
    } catch (error) {
      setup.add({ fullTitle: title, state: 'failed', durationMs: Date.now() - started, error: error.stack ?? String(error) });
      throw new SetupFailed();
    }
  };

  const tools = await step(`Node 24, code-server ${CODE_SERVER_VERSION} and Chromium are installed`, () => ensureAll());
  await step('the extension is packaged into imr-letters.vsix', () => packageExtension());
  const built = await step('the integration suite and screen checks build', () => buildTests());

  stopLeftoverCodeServer();
  rmSync(stateRoot, { recursive: true, force: true });
  const userDataDir = join(stateRoot, 'user-data');
  const extensionsDir = join(stateRoot, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  prepareProfile(userDataDir);
  rmSync(join(resultsRoot, 'e2e'), { recursive: true, force: true });
  mkdirSync(join(resultsRoot, 'e2e'), { recursive: true });
  const resultsPath = join(resultsRoot, 'integration-results.json');
  rmSync(resultsPath, { force: true });
  rmSync(`${resultsPath}.progress`, { force: true });

  await step('code-server installs the packaged .vsix and the test-runner extension', async () => {
    await installExtension({ ...tools, userDataDir, extensionsDir, vsix: vsixPath });
    const installed = readdirSync(extensionsDir).filter((name) => name.startsWith(`${EXTENSION_ID}-`));
    if (installed.length !== 1) throw new Error(`expected one ${EXTENSION_ID} in ${extensionsDir}, found: ${readdirSync(extensionsDir).join(', ')}`);
    await installExtension({ ...tools, userDataDir, extensionsDir, vsix: built.runnerVsix });
  });
  const installedDir = join(extensionsDir, readdirSync(extensionsDir).find((name) => name.startsWith(`${EXTENSION_ID}-`)));
  let contents = '';
  await step('the .vsix is under 1 MB and holds bundles, grammar, icon and docs, but no sources, maps, tests or node_modules', () => {
    contents = checkVsixContents(vsixPath, installedDir);
  });
  log(`installed extension: ${contents}`);

  const workspace = makeWorkspace();
  cleanups.push(async () => rmSync(workspace, { recursive: true, force: true }));
  const codeServer = await step('code-server starts', () =>
    startCodeServer({
      ...tools,
      userDataDir,
      extensionsDir,
      folder: workspace,
      logFile: join(stateRoot, 'code-server.log'),
      env: {
        IMR_INTEGRATION_SUITE: built.suiteIndex,
        IMR_INTEGRATION_RESULTS: resultsPath,
        IMR_INTEGRATION_GREP: options.grep ?? '',
      },
    }),
  );
  writeFileSync(pidFile, String(codeServer.pid));
  cleanups.push(() => codeServer.stop());

  const browser = await step('headless Chromium starts', () =>
    chromium.launch({ executablePath: tools.chromium, args: CHROMIUM_ARGS, timeout: 60_000 }),
  );
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(30_000);
  const browserLog = join(stateRoot, 'browser-console.log');
  page.on('pageerror', (error) => appendFileSync(browserLog, `pageerror: ${error.stack ?? error}\n`));
  page.on('console', (message) => {
    if (message.type() === 'error') appendFileSync(browserLog, `console.error: ${message.text()}\n`);
  });
  await step('the workbench loads', () => loadWorkbench(page, codeServer.url));

  const integration = report.group(`integration (VS Code ${vscodeVersion(tools.codeServer)} extension host, installed .vsix)`);
  await waitForResults(resultsPath, integration, codeServer);
  await page.screenshot({ path: join(resultsRoot, 'e2e', '00-after-integration.png') }).catch(() => {});

  if (!options.skipE2E && built.e2eChecks) {
    const e2e = report.group('e2e (Playwright, headless Chromium)');
    // A fresh window (and extension host) so documents the suite opened do not crowd the Problems panel.
    await page.reload({ timeout: 60_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await runScreenChecks(page, built.e2eChecks, { workspace, screenshotsDir: join(resultsRoot, 'e2e') }, e2e);
  }

  // Restricted Mode: a second code-server, with workspace trust on, on a folder nobody trusted.
  let untrusted;
  if (!options.grep || /restricted/i.test(options.grep)) {
    await codeServer.stop();
    const restrictedUserData = join(stateRoot, 'user-data-restricted');
    prepareProfile(restrictedUserData, { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'always' });
    const folder = makeRestrictedWorkspace();
    cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
    const restrictedResults = join(resultsRoot, 'restricted-results.json');
    rmSync(restrictedResults, { force: true });
    rmSync(`${restrictedResults}.progress`, { force: true });
    untrusted = await step('code-server starts on an untrusted folder (Restricted Mode)', () =>
      startCodeServer({
        ...tools,
        userDataDir: restrictedUserData,
        extensionsDir,
        folder,
        trust: true,
        logFile: join(stateRoot, 'code-server-restricted.log'),
        env: { IMR_INTEGRATION_SUITE: built.suiteIndex, IMR_INTEGRATION_RESULTS: restrictedResults, IMR_INTEGRATION_FOLDER: 'restricted' },
      }),
    );
    cleanups.push(() => untrusted.stop());
    await step('the untrusted window loads', () => loadWorkbench(page, untrusted.url));
    await waitForResults(restrictedResults, report.group('integration in Restricted Mode (an untrusted folder)'), untrusted);
    await page.screenshot({ path: join(resultsRoot, 'e2e', '09-restricted-mode.png') }).catch(() => {});
  }

  // VS Code for the Web: a third code-server, whose settings hold the extension to the web worker
  // extension host, so that its language server runs in a web worker; screen checks, and no request
  // may leave the machine.
  if (!options.skipE2E && built.e2eChecks && (!options.grep || /web worker/i.test(options.grep))) {
    await codeServer.stop();
    await untrusted?.stop();
    const webUserData = join(stateRoot, 'user-data-web');
    prepareProfile(webUserData, { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } });
    const webFolder = makeWorkspace();
    cleanups.push(async () => rmSync(webFolder, { recursive: true, force: true }));
    const web = await step('code-server starts with the extension in the web worker extension host', () =>
      // No extension gallery: the workbench would ask it about extensions, and this window must ask nothing outside.
      startCodeServer({ ...tools, userDataDir: webUserData, extensionsDir, folder: webFolder, logFile: join(stateRoot, 'code-server-web.log'), env: { EXTENSIONS_GALLERY: '{}' } }),
    );
    cleanups.push(() => web.stop());
    const requests = [];
    const record = (request) => requests.push({ url: request.url(), body: request.postData() ?? '' });
    page.on('request', record);
    // Anything for another origin is stopped before it leaves (and counted below).
    const webOrigin = new URL(web.url).origin;
    const stopOutside = (route) => (route.request().url().startsWith(`${webOrigin}/`) ? route.continue() : route.abort());
    await page.route('**/*', stopOutside);
    await step('the web window loads', () => loadWorkbench(page, web.url));
    const group = report.group('e2e in the browser: the language server in a web worker (Playwright, headless Chromium)');
    await runScreenChecks(page, built.e2eChecks, { workspace: webFolder, screenshotsDir: join(resultsRoot, 'e2e'), screenshotPrefix: 'web-' }, group, 'webChecks');
    page.off('request', record);
    await page.unroute('**/*', stopOutside);
    // code-server's workbench asks its extension gallery (open-vsx.org) about installed extensions
    // whatever they are, even with EXTENSIONS_GALLERY emptied; that query is the workbench's, not the
    // extension's, and it was stopped above. Any other request for another origin fails the check.
    const GALLERY_QUERY = 'https://open-vsx.org/vscode/gallery/extensionquery';
    const outside = requests.filter(({ url }) => !url.startsWith(`${webOrigin}/`) && !/^(data|blob):/.test(url) && url !== GALLERY_QUERY).map(({ url }) => url);
    // Words only the letters hold: none may be in any request, to code-server or elsewhere.
    const letterWords = ['Tizanidine', 'Functional capacity evaluation', 'Oxycodone 10mg'];
    const carrying = requests.filter(({ url, body }) => letterWords.some((word) => url.includes(word) || body.includes(word))).map(({ url }) => url);
    group.add({
      fullTitle: 'no request for another origin is made (but the workbench\'s gallery query, stopped), and none carries letter text',
      state: outside.length === 0 && carrying.length === 0 ? 'passed' : 'failed',
      durationMs: 0,
      ...(outside.length || carrying.length ? { error: `outside: ${outside.join(', ')}; carrying letter text: ${carrying.join(', ')}` } : {}),
    });
  }
}

let exitCode = 1;
try {
  await main();
} catch (error) {
  // A failed setup step has already been reported under its own title.
  if (!(error instanceof SetupFailed)) {
    const group = report.groups.at(-1) ?? report.group('setup');
    report.add(group, { fullTitle: 'the harness ran to the end', state: 'failed', error: error.stack ?? String(error) });
  }
} finally {
  await cleanup();
  rmSync(pidFile, { force: true });
  exitCode = report.finish();
}
process.exit(exitCode);
