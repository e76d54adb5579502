import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { makeLetter } from '../support/letters';

const CLI = resolve(process.cwd(), 'dist', 'cli.js');

function run(args: string[], cwd = process.cwd(), options: { unprivileged?: boolean } = {}) {
  // Root reads any file whatever its mode, so a permission test runs the CLI as "nobody" there,
  // from a copy beside the letters: the checkout itself may not be readable by nobody.
  const asRoot = options.unprivileged && process.getuid?.() === 0;
  let cli = CLI;
  if (asRoot) {
    // The bundle the launcher runs is the whole CLI by itself.
    cli = join(cwd, 'imr-lint.js');
    copyFileSync(join(dirname(CLI), 'imr-lint.js'), cli);
    chmodSync(cli, 0o644);
  }
  const [command, prefix] = asRoot ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath]] : [process.execPath, []];
  const result = spawnSync(command, [...prefix, cli, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'imr-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

const good = makeLetter();
const bad = makeLetter({ items: [{ title: 'Tizanidine 4mg #60', decision: 'Uphold' }] });

test('prints compiler-style lines and exits 1 on errors', () => {
  const folder = workspace({ 'good.imr': good, 'bad.imr': bad });
  const { code, stdout } = run(['.'], folder);
  assert.equal(code, 1);
  const line = bad.split('\n').findIndex((text) => text.includes(': Uphold')) + 1;
  const column = bad.split('\n')[line - 1].indexOf('Uphold') + 1;
  assert.equal(stdout.trim(), `bad.imr:${line}:${column} error item-decision "Uphold" is not a decision word; did you mean "Upheld"?`);
});

test('exits 0 when nothing reaches --fail-on, and 2 on usage errors', () => {
  const folder = workspace({ 'good.imr': good, 'bad.imr': bad });
  assert.equal(run(['good.imr'], folder).code, 0);
  assert.equal(run(['--fail-on', 'never', 'bad.imr'], folder).code, 0);
  const usage = run(['--format', 'xml', 'bad.imr'], folder);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--format must be one of text, json, sarif/);
  assert.equal(run([], folder).code, 2);
});

test('JSON output keeps the documented contract', () => {
  const folder = workspace({ 'bad.imr': bad });
  const { stdout } = run(['--format', 'json', 'bad.imr'], folder);
  const output = JSON.parse(stdout);
  const [file] = output.files;
  assert.equal(file.path, 'bad.imr');
  assert.equal(file.letter.header.caseNumber, 'CM99-0000001');
  assert.deepEqual(
    file.letter.sections.map((section: { kind: string }) => section.kind),
    ['determination', 'summary', 'issues'],
  );
  for (const section of file.letter.sections) assert.ok(section.title && section.range.start.line >= 0);
  const [item] = file.letter.items;
  for (const key of ['title', 'decision', 'quantity', 'refills', 'claimsAdministratorGuideline', 'maximusGuideline', 'citations', 'rationaleConclusion', 'range']) {
    assert.ok(key in item, `item has ${key}`);
  }
  assert.equal(item.title, 'Tizanidine 4mg #60');
  assert.equal(item.quantity, 60);
  assert.equal(item.decision, null, 'a misspelt decision is not a decision');
  assert.equal(item.decisionText, 'Uphold');
  assert.deepEqual(Object.keys(item.citations[0]).sort(), ['guideline', 'pages', 'sections', 'source', 'year']);
  const [diagnostic] = file.diagnostics;
  assert.deepEqual(Object.keys(diagnostic).sort(), ['code', 'message', 'range', 'severity']);
  assert.equal(diagnostic.severity, 'error');
});

test('an unreadable path gets a clear message and the other files are still checked', () => {
  const folder = workspace({ 'bad.imr': bad, 'locked.imr': good });
  chmodSync(folder, 0o755);
  chmodSync(join(folder, 'bad.imr'), 0o644);
  chmodSync(join(folder, 'locked.imr'), 0o000);
  const { code, stdout, stderr } = run(['missing.imr', 'bad.imr', 'locked.imr'], folder, { unprivileged: true });
  assert.equal(code, 1);
  assert.match(stderr, /missing\.imr: no such file or folder/);
  assert.match(stderr, /locked\.imr: permission denied/);
  assert.match(stdout, /bad\.imr:\d+:\d+ error item-decision/);
});

test('--outline prints the items with their decisions', () => {
  const folder = workspace({ 'good.imr': good });
  const { stdout } = run(['--outline', 'good.imr'], folder);
  assert.match(stdout, /IMR ISSUES, DECISIONS AND RATIONALES — 1 item: 1 Upheld, 0 Overturned/);
  assert.match(stdout, /Tizanidine 4mg #60 — Upheld/);
});

test('--outline adds each letter\'s outline to the JSON output, one entry per line of the outline', () => {
  const folder = workspace({ 'good.imr': good });
  const withOutline = JSON.parse(run(['--outline', '--format', 'json', 'good.imr'], folder).stdout);
  const outline = withOutline.files[0].outline as { depth: number; name: string; detail?: string; line: number }[];
  const item = outline.find((entry) => entry.name === 'Tizanidine 4mg #60');
  assert.ok(item, `outline: ${JSON.stringify(outline)}`);
  assert.equal(item.detail, 'Upheld');
  assert.equal(good.split('\n')[item.line].includes('Tizanidine 4mg #60'), true, 'line is zero-based, like the diagnostics');
  assert.ok(outline.some((entry) => entry.depth === 0 && /IMR ISSUES, DECISIONS AND RATIONALES/.test(entry.name)));
  const without = JSON.parse(run(['--format', 'json', 'good.imr'], folder).stdout);
  assert.equal('outline' in without.files[0], false, 'only when asked for');
});

test('output is identical and in input order whatever --jobs is', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) {
    files[`letter-${String(i).padStart(2, '0')}.imr`] = i % 3 === 0 ? bad : i % 3 === 1 ? good : makeLetter({ omitSections: ['summary'] });
  }
  files['notes.txt'] = 'Just some notes\n';
  const folder = workspace(files);
  const single = run(['--jobs', '1', '--format', 'json', '.'], folder);
  const parallel = run(['--jobs', '4', '--format', 'json', '.'], folder);
  assert.equal(parallel.stdout, single.stdout);
  assert.equal(run(['--jobs', '2', '--format', 'json', '.'], folder).stdout, single.stdout, 'the main thread and one worker');
  const paths = JSON.parse(parallel.stdout).files.map((file: { path: string }) => file.path);
  assert.deepEqual(paths, [...paths].sort());
  assert.equal(paths.length, 41);
  assert.equal(run(['--jobs', '4', '.'], folder).stdout, run(['--jobs', '1', '.'], folder).stdout);
});

test('a reader that stops early (`imr-lint … | head`) gets no stack trace, and the exit code still tells the findings', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 60; i++) files[`letter-${String(i).padStart(2, '0')}.imr`] = bad;
  const folder = workspace(files);
  for (const format of ['text', 'json', 'sarif']) {
    const expected = run(['--jobs', '1', '--format', format, '.'], folder).code;
    assert.equal(expected, 1, 'the letters have errors');
    // `head -c 1` closes the pipe after one byte, long before the CLI has written everything.
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" --jobs 1 --format ${format} . | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: folder, encoding: 'utf8' });
    assert.equal(result.stderr, '', `${format}: no stack trace`);
    assert.equal(result.stdout.trim(), String(expected), `${format}: the CLI's exit code`);
  }
});

test('a batch split over threads reports a broken .imrlintrc.json once and prints what one thread prints', () => {
  const files: Record<string, string> = { '.imrlintrc.json': '{ "rules": { "quantty": "off" } }' };
  for (let i = 0; i < 30; i++) files[`letter-${String(i).padStart(2, '0')}.imr`] = i % 2 ? bad : good;
  const folder = workspace(files);
  const single = run(['--jobs', '1', '.'], folder);
  assert.equal(single.code, 1);
  assert.equal(single.stderr.match(/There is no rule "quantty"/g)?.length, 1, single.stderr);
  for (const jobs of ['2', '3']) {
    // Every thread has a linter of its own that finds the broken file; the run still reports it once.
    const split = run(['--jobs', jobs, '.'], folder);
    assert.equal(split.code, 1);
    assert.equal(split.stdout, single.stdout, `--jobs ${jobs}`);
    assert.equal(split.stderr, single.stderr, `--jobs ${jobs}`);
    assert.equal(run(['--jobs', jobs, '--format', 'sarif', '.'], folder).stdout, run(['--jobs', '1', '--format', 'sarif', '.'], folder).stdout);
  }
});

test('--summary counts letters, decisions and findings per rule; piped stderr stays clean', () => {
  const folder = workspace({ 'a.imr': good, 'b.imr': bad, 'c.imr': makeLetter({ items: [{ title: 'Home exercise kit', decision: 'Overturned' }] }) });
  const { stdout, stderr } = run(['--summary', '*.imr'], folder);
  assert.match(stdout, /Letters\s+3\n/);
  assert.match(stdout, /Disputed items\s+3\n/);
  assert.match(stdout, /Upheld\s+1\n/);
  assert.match(stdout, /Overturned\s+1\n/);
  assert.match(stdout, /item-decision\s+1\s+1\n/);
  assert.equal(stderr, '');
  const json = run(['--summary', '--format', 'json', '*.imr'], folder);
  assert.doesNotThrow(() => JSON.parse(json.stdout), 'the summary goes to stderr when stdout is JSON');
  assert.match(json.stderr, /Letters\s+3/);
});

test('a glob that matches nothing and a non-letter get clear messages', () => {
  const folder = workspace({ 'notes.txt': 'Groceries\napples\n' });
  const { code, stdout, stderr } = run(['nothing/*.imr', 'notes.txt'], folder);
  assert.equal(code, 1);
  assert.match(stderr, /nothing\/\*\.imr: no files match this pattern/);
  assert.match(stdout, /notes\.txt:1:1 information not-a-letter/);
});

test('a file name with glob characters is read as a file', () => {
  const folder = workspace({ 'letter [1].imr': bad });
  const { code, stdout } = run(['letter [1].imr'], folder);
  assert.equal(code, 1);
  assert.match(stdout, /^letter \[1\]\.imr:\d+:\d+ error item-decision/m);
  assert.equal(run(['[z-a]*.imr'], folder).code, 1, 'a pattern with a reversed range is taken literally, not a crash');
});

test('a broken or mistyped .imrlintrc.json is reported once and fails the run; the defaults still apply', () => {
  const folder = workspace({ 'a.imr': bad, 'b.imr': bad, '.imrlintrc.json': '{ "rules": { "quantty": "off", "item-decision": "loud" } }' });
  const { code, stdout, stderr } = run(['.'], folder);
  assert.equal(code, 1);
  assert.equal(stderr.match(/There is no rule "quantty"/g)?.length, 1, stderr);
  assert.match(stderr, /rules\.item-decision: Rule "item-decision" has an invalid setting/);
  assert.equal(stdout.match(/item-decision/g)?.length, 2);
});

test('a broken --config is reported as the help says: exit 1 (0 with --fail-on never), and the letters are still checked', () => {
  const folder = workspace({ 'good.imr': good, 'broken.json': '{ "rules": {', 'typo.json': '{ "rules": { "quantty": "off" } }' });
  for (const config of ['broken.json', 'missing.json', 'typo.json']) {
    const failed = run(['--config', config, 'good.imr'], folder);
    assert.equal(failed.code, 1, `${config}: ${failed.stderr}`);
    assert.doesNotMatch(failed.stderr, /Usage:/);
    assert.equal(run(['--config', config, '--fail-on', 'never', 'good.imr'], folder).code, 0);
  }
  assert.match(run(['--config', 'broken.json', 'good.imr'], folder).stderr, /^imr-lint: --config broken\.json: Not valid JSON \(syntax error at character \d+\)/);
  assert.match(run(['--config', 'missing.json', 'good.imr'], folder).stderr, /^imr-lint: --config missing\.json: Could not read the file: no such file or folder\.$/m);
  // The valid part of a mistyped --config still applies: the bad letter's item-decision error is turned off.
  writeFileSync(join(folder, 'off.json'), '{ "rules": { "quantty": "off", "item-decision": "off" } }');
  writeFileSync(join(folder, 'bad.imr'), bad);
  assert.doesNotMatch(run(['--config', 'off.json', 'bad.imr'], folder).stdout, /item-decision/);
});

test('a device or a named pipe where a letter, a config, a knowledge file or a .gitignore is read gets a message, never a hang or a crash', { skip: process.platform === 'win32' ? 'no /dev/zero or named pipes' : false, timeout: 60_000 }, () => {
  const folder = workspace({ 'good.imr': good });
  spawnSync('mkfifo', [join(folder, '.imrlintrc.json')]);
  spawnSync('mkfifo', [join(folder, 'pipe.imr')]);
  symlinkSync('/dev/zero', join(folder, 'zero.imr'));
  symlinkSync('/dev/zero', join(folder, '.gitignore'));
  const notRegular = /not a regular file \(a device, pipe or socket\)/;
  const inFolder = run(['.'], folder);
  assert.equal(inFolder.code, 1);
  assert.match(inFolder.stderr, /\.imrlintrc\.json: Could not read the file: not a regular file/);
  assert.match(inFolder.stderr, /pipe\.imr: not a regular file/);
  assert.match(inFolder.stderr, /zero\.imr: not a regular file/);
  for (const args of [['--config', '/dev/zero', 'good.imr'], ['--knowledge', '/dev/zero', 'good.imr'], ['zero.imr'], ['pipe.imr']]) {
    const result = run(args, folder);
    assert.equal(result.code, 1, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, notRegular, args.join(' '));
  }
});

test('a run\'s own problems (a broken config, an unused knowledge file, an input that names nothing) are in the JSON, SARIF and HTML too', () => {
  const folder = workspace({ 'good.imr': good, '.imrlintrc.json': '{ "rules": ', 'knowledge.json': '[' });
  const args = ['--knowledge', 'knowledge.json', 'good.imr', 'nothing/*.imr'];
  const json = run(['--format', 'json', ...args], folder);
  assert.equal(json.code, 1);
  const { files, problems } = JSON.parse(json.stdout);
  assert.equal(files.length, 1);
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.match(problems[0], /^knowledge file not used: .*knowledge\.json/);
  assert.equal(problems[1], 'nothing/*.imr: no files match this pattern');
  assert.match(problems[2], /\.imrlintrc\.json: Not valid JSON/);
  const sarif = JSON.parse(run(['--format', 'sarif', ...args], folder).stdout);
  assert.deepEqual(sarif.runs[0].invocations[0].toolExecutionNotifications.map((notification: { message: { text: string } }) => notification.message.text), problems);
  const html = run(['--format', 'html', ...args], folder).stdout;
  assert.match(html, /Problems with this run/);
  assert.match(html, /nothing\/\*\.imr: no files match this pattern/);
  // Without problems, the JSON is as it always was.
  assert.deepEqual(Object.keys(JSON.parse(run(['--format', 'json', 'good.imr'], workspace({ 'good.imr': good })).stdout)), ['files']);
});

test('control characters of a letter never reach the terminal: text, CSV and Markdown show them written out', () => {
  const escaped = makeLetter({ items: [{ title: 'Tizanidine 4mg #60\u001b[1A\u001b[2K\u001b]0;title\u0007', decision: 'Uphold' }] });
  const folder = workspace({ 'esc.imr': escaped });
  for (const format of ['text', 'csv', 'markdown']) {
    const { stdout } = run(['--format', format, '--outline', 'esc.imr'], folder);
    assert.doesNotMatch(stdout, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/, format);
    // Markdown also escapes the backslash itself.
    assert.match(stdout, /Tizanidine 4mg #60\\{1,2}u001b\[1A\\{1,2}u001b\[2K\\{1,2}u001b\]0;title\\{1,2}u0007/, format);
  }
});

test('an empty argument (an unset shell variable) is a usage error, not the current folder', () => {
  const folder = workspace({ 'bad.imr': bad });
  const result = run([''], folder);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /an empty argument names no file, folder or glob/);
  assert.equal(result.stdout, '');
});

test('--version prints the package version', () => {
  const { stdout } = run(['--version']);
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.equal(stdout.trim(), `imr-lint ${version}`);
});

test('--format csv and markdown give one row per item with the findings by check, the same with worker threads', () => {
  const folder = workspace({ 'a.imr': bad, 'b.imr': good });
  const csv = run(['--jobs', '1', '--format', 'csv', '--fail-on', 'never', '.'], folder);
  assert.equal(csv.code, 0, csv.stderr);
  const lines = csv.stdout.split('\r\n');
  assert.match(lines[0], /^File,Case number,Item,Decision,Citations,Daily MME,item-decision(,|$)/);
  assert.match(lines[1], /^a\.imr,[^,]*,Tizanidine 4mg #60,Uphold,/);
  const header = lines[0].split(',');
  assert.equal(lines[1].split(',')[header.indexOf('item-decision')], '1', 'the misspelt decision counted under its check');
  assert.match(lines[2], /^b\.imr,/);
  assert.equal(run(['--jobs', '2', '--format', 'csv', '--fail-on', 'never', '.'], folder).stdout, csv.stdout);
  const markdown = run(['--jobs', '1', '--format', 'markdown', '--fail-on', 'never', '.'], folder).stdout.split('\n');
  assert.match(markdown[0], /^\| File \| Case number \| Item \| Decision \| Citations \| Daily MME \| item-decision/);
  assert.match(markdown[2], /^\| a\.imr \| .* \| Tizanidine 4mg #60 \| Uphold \|/);
  // The exit code still follows --fail-on.
  assert.equal(run(['--jobs', '1', '--format', 'csv', '.'], folder).code, 1);
});

test('--format html writes one self-contained QA report with every letter, and the exit code still follows --fail-on', () => {
  const folder = workspace({ 'a.imr': bad, 'b.imr': good });
  const report = run(['--jobs', '1', '--format', 'html', '--fail-on', 'never', '.'], folder);
  assert.equal(report.code, 0, report.stderr);
  assert.equal(report.stdout.match(/<!DOCTYPE html>/g)?.length, 1);
  assert.match(report.stdout, /<span class="number">2<\/span> letters/);
  assert.match(report.stdout, /<summary>a\.imr · .* · \d+ findings<\/summary>/);
  assert.match(report.stdout, /<summary>b\.imr · /);
  assert.match(report.stdout, /href="file:\/\/[^"]*\/a\.imr#L\d+"/);
  assert.equal(run(['--jobs', '2', '--format', 'html', '--fail-on', 'never', '.'], folder).stdout, report.stdout);
  assert.equal(run(['--jobs', '1', '--format', 'html', '.'], folder).code, 1);
});

test('a folder that holds only symbolic links to letters is linted through them', () => {
  const letters = workspace({ 'a.imr': bad });
  const folder = mkdtempSync(join(tmpdir(), 'imr-cli-links-'));
  symlinkSync(join(letters, 'a.imr'), join(folder, 'link.imr'));
  const result = run(['--jobs', '1', '--fail-on', 'never', '.'], folder);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^link\.imr:\d+:\d+ error item-decision /m);
});

test('the launcher runs the bundle with the code cache the build made, and ignores a stale or missing one with the same output', () => {
  const folder = workspace({ 'good.imr': good, 'bad.imr': bad });
  const launch = (cli: string, cache: string) => {
    const result = spawnSync(process.execPath, [cli, '--format', 'json', '.'], { cwd: folder, encoding: 'utf8', env: { ...process.env, IMR_LINT_CODE_CACHE: cache } });
    return { code: result.status, stdout: result.stdout, cache: /code cache (\w+)/.exec(result.stderr)?.[1] };
  };
  const compiled = launch(CLI, 'off');
  assert.equal(compiled.code, 1);
  assert.match(compiled.stdout, /"code": "item-decision"/);
  assert.deepEqual(launch(CLI, 'report'), { ...compiled, cache: 'used' });

  // A copy of dist/ whose bundle is newer than its cache (a rebuild in watch mode), then without a cache.
  const copy = mkdtempSync(join(tmpdir(), 'imr-cli-launch-'));
  for (const name of ['cli.js', 'imr-lint.js', 'imr-lint.js.cache']) cpSync(join(dirname(CLI), name), join(copy, name), { preserveTimestamps: true });
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(copy, 'imr-lint.js'), later, later);
  assert.deepEqual(launch(join(copy, 'cli.js'), 'report'), { ...compiled, cache: 'stale' });
  rmSync(join(copy, 'imr-lint.js.cache'));
  assert.deepEqual(launch(join(copy, 'cli.js'), 'report'), { ...compiled, cache: 'missing' });
});
