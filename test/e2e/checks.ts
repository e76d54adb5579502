// Screen checks: what a reviewer sees in the workbench, driven through
// Playwright in the same code-server run as the integration suite. Each check
// saves a screenshot under test-results/e2e/.
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { makeLetter } from '../support/letters';
import {
  assertIncludes,
  closeAllEditors,
  editorText,
  eventually,
  goTo,
  openFile,
  outlineRows,
  problemRows,
  runCommand,
  showOutline,
  showProblems,
  sleep,
} from './workbench';

export interface CheckContext {
  readonly page: Page;
  /** The folder code-server opened: copies of examples/ and test/integration/fixtures/. */
  readonly workspace: string;
  readonly screenshotsDir: string;
  /** Put before each screenshot's name, so that a second run of a check keeps the first one's. */
  readonly screenshotPrefix?: string;
}

export interface Check {
  readonly name: string;
  run(context: CheckContext): Promise<void>;
}

const GAPS = 'examples/draft-with-gaps.imr';
const ISSUES = 'IMR ISSUES, DECISIONS AND RATIONALES';

async function screenshot(context: CheckContext, name: string): Promise<void> {
  await context.page.screenshot({ path: join(context.screenshotsDir, `${context.screenshotPrefix ?? ''}${name}.png`) });
}

/** 1-based line and column of `needle` in a workspace file, as Go to Line expects. */
function lineColumnOf(context: CheckContext, file: string, needle: string): { line: number; column: number } {
  const text = readFileSync(join(context.workspace, file), 'utf8');
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `"${needle}" not in ${file}`);
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/** Each rendered run of text on the editor's visible lines, with its colour as the theme gives it. */
async function visibleWordColours(page: Page): Promise<{ text: string; color: string }[]> {
  return page.locator('.editor-instance .view-lines .view-line span span').evaluateAll((elements) =>
    elements.map((element) => {
      const view = element.ownerDocument.defaultView as unknown as { getComputedStyle(target: unknown): { color: string } };
      // The editor renders spaces as no-break spaces.
      return { text: (element.textContent ?? '').replace(/\u00a0/g, ' '), color: view.getComputedStyle(element).color };
    }),
  );
}

async function problemTexts(page: Page): Promise<string[]> {
  return (await problemRows(page)).map((row) => row.text);
}

/** Runs once before the checks: a clean editor area, whatever the window restored. */
export async function prepare(context: CheckContext): Promise<void> {
  await closeAllEditors(context.page);
}

export const checks: Check[] = [
  {
    name: 'the Problems panel shows the gaps of the draft letter',
    async run(context) {
      const { page } = context;
      await openFile(page, GAPS);
      await showProblems(page);
      const texts = await eventually('three IMR problems in the Problems panel', async () => {
        const rows = await problemTexts(page);
        return ['item-decision', 'item-parts', 'decision-conclusion'].every((code) => rows.some((row) => row.includes(code))) ? rows : undefined;
      });
      const where = (needle: string) => {
        const { line, column } = lineColumnOf(context, GAPS, needle);
        return `\\[Ln ${line}, Col ${column}\\]`;
      };
      assertIncludes(texts, new RegExp(`"Uphold" is not a decision word; did you mean "Upheld"\\?.*imr\\W*item-decision\\W*${where('Uphold')}`), 'misspelt decision');
      assertIncludes(texts, new RegExp(`"Functional capacity evaluation" has no "MAXIMUS guideline:" line\\..*imr\\W*item-parts\\W*${where('Functional capacity evaluation:')}`), 'missing part');
      assertIncludes(texts, /"Functional capacity evaluation" is Upheld, but its rationale concludes "medically necessary".*imr\W*decision-conclusion/, 'contradiction');
      // More rules may find more; the file row counts whatever is listed under it.
      const fileRow = texts.find((text) => /^draft-with-gaps\.imr\s*examples\s*\d+$/.test(text));
      assert.ok(fileRow, 'the Problems panel groups the problems under the file');
      assert.ok(Number(/\d+$/.exec(fileRow)![0]) >= 3, `at least the three gaps are counted: ${fileRow}`);
      await screenshot(context, '01-problems-panel');
    },
  },
  {
    name: 'the Outline view lists the disputed items with their decisions',
    async run(context) {
      const { page } = context;
      await openFile(page, GAPS);
      await showOutline(page, [ISSUES]);
      const rows = await eventually('the disputed items in the Outline view', async () => {
        const found = await outlineRows(page);
        return found.some((row) => row.label === 'Functional capacity evaluation') ? found : undefined;
      });
      const decisions = new Map(rows.map((row) => [row.label, row.description]));
      assert.equal(decisions.get(ISSUES), '3 items: 2 Upheld, 0 Overturned');
      assert.equal(decisions.get('Oxycodone 10mg #120'), 'Upheld');
      assert.equal(decisions.get('Tizanidine 4mg #60 with refills'), 'Uphold (not a decision)');
      assert.equal(decisions.get('Functional capacity evaluation'), 'Upheld');
      const labels = rows.map((row) => row.label);
      assert.ok(labels.indexOf('Oxycodone 10mg #120') < labels.indexOf('Functional capacity evaluation'), 'items in letter order');
      await screenshot(context, '02-outline-view');
    },
  },
  {
    name: 'hovering a guideline citation shows the MTUS hover',
    async run(context) {
      const { page } = context;
      const file = 'examples/complete-letter.imr';
      await openFile(page, file);
      const { line, column } = lineColumnOf(context, file, 'Opioids, criteria for use, Page(s): 76-80');
      await goTo(page, line, column);
      // The code lens above the item arrives after the text and moves it down a line: measure after it.
      await page.locator('.editor-instance .monaco-editor .codelens-decoration', { hasText: 'Opioids, on-going management' }).first().waitFor({ state: 'visible', timeout: 20_000 });
      await sleep(300);
      const target = editorText(page, 'criteria for use');
      await target.waitFor({ state: 'visible' });
      const box = await target.boundingBox();
      assert.ok(box, 'the cited section is on screen');
      const text = await target.textContent();
      // Point at the middle of "criteria for use" inside the rendered span.
      const offset = (text ?? '').indexOf('criteria for use') + 4;
      const x = box.x + (box.width * offset) / Math.max(1, (text ?? '').length);
      await page.mouse.move(x, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'MTUS Chronic Pain Medical Treatment Guidelines (2009)' }).first();
      await hover.waitFor({ state: 'visible', timeout: 15_000 });
      const shown = (await hover.innerText()).replace(/\s+/g, ' ');
      assert.match(shown, /Opioids, criteria for use/);
      assert.match(shown, /pp\. 76-80/);
      await screenshot(context, '03-mtus-hover');
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'typing a new item updates the outline and the Problems panel',
    async run(context) {
      const { page } = context;
      await openFile(page, GAPS);
      await showOutline(page, [ISSUES]);
      await showProblems(page);
      const lastLine = readFileSync(join(context.workspace, GAPS), 'utf8').trimEnd().split('\n').length;
      await goTo(page, lastLine, 1);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Home TENS unit: Overturned', { delay: 15 });
      // Close any completion list the typing opened, so Enter is a plain newline.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      const rows = await eventually('the new item in the Outline view', async () => {
        const found = await outlineRows(page);
        return found.some((row) => row.label === 'Home TENS unit') ? found : undefined;
      });
      assert.equal(new Map(rows.map((row) => [row.label, row.description])).get('Home TENS unit'), 'Overturned');
      const texts = await eventually('the new item in the Problems panel', async () => {
        const found = await problemTexts(page);
        return found.some((text) => text.includes('"Home TENS unit" has no')) ? found : undefined;
      });
      assertIncludes(texts, /"Home TENS unit" has no "Claims Administrator guideline:" line\..*imr\W*item-parts/, 'new item without parts');
      assertIncludes(texts, /"Home TENS unit" has no "Decision rationale:" line\./, 'new item without rationale');
      await screenshot(context, '04-typed-new-item');
      assert.equal(await page.locator('.tabs-container .tab.active.dirty').count(), 1, 'the typed item is unsaved');
      await runCommand(page, 'File: Revert File');
      await eventually('the typed item to go from the Outline view', async () => {
        const found = await outlineRows(page);
        return found.some((row) => row.label === 'Home TENS unit') ? undefined : true;
      });
      await sleep(200);
    },
  },
  {
    name: 'the code lens above an item lists the criteria of its cited sections',
    async run(context) {
      const { page } = context;
      const file = 'examples/complete-letter.imr';
      await openFile(page, file);
      const { line } = lineColumnOf(context, file, 'Norco 10/325mg #90: Overturned');
      await goTo(page, line, 1);
      const lens = page.locator('.editor-instance .monaco-editor .codelens-decoration', { hasText: 'Opioids, on-going management' }).first();
      await lens.waitFor({ state: 'visible', timeout: 20_000 });
      const shown = (await lens.innerText()).replace(/\s+/g, ' ');
      assert.match(shown, /Opioids, on-going management: analgesia \u2713 activities \u2713 adverse effects \u2713 aberrant behaviour \u2713 \(criteria not verified\)/);
      const cyclobenzaprine = lineColumnOf(context, file, 'Cyclobenzaprine 7.5mg #60 with two refills: Upheld');
      await goTo(page, cyclobenzaprine.line, 1);
      const muscle = page.locator('.editor-instance .monaco-editor .codelens-decoration', { hasText: 'Muscle relaxants' }).first();
      await muscle.waitFor({ state: 'visible', timeout: 10_000 });
      assert.match((await muscle.innerText()).replace(/\s+/g, ' '), /Muscle relaxants: duration \u2713 acute flare \u2713 function with prior use \u2713/);
      await screenshot(context, '05-code-lens');
    },
  },
  {
    name: 'the status bar sums up the letter, and drug names and decisions are coloured by meaning',
    async run(context) {
      const { page } = context;
      const file = 'examples/complete-letter.imr';
      await openFile(page, file);
      const status = page.locator('.statusbar-item', { hasText: '3 items: 2 Upheld, 1 Overturned' }).first();
      await status.waitFor({ state: 'visible', timeout: 20_000 });
      assert.match((await status.innerText()).replace(/\s+/g, ' '), /3 items: 2 Upheld, 1 Overturned · (?:no findings|\d+ findings?)/);
      const { line } = lineColumnOf(context, file, 'Norco and cyclobenzaprine. At the visit');
      await goTo(page, line, 1);
      // The grammar leaves drug names in the summary plain; semantic tokens colour them as functions.
      const colours = await eventually('drug names coloured apart from the words around them', async () => {
        const spans = await visibleWordColours(page);
        // "Norco and cyclobenzaprine": the two drugs in one colour, the word between them in another.
        const at = spans.findIndex((span, index) => span.text === 'Norco' && spans[index + 1]?.text === ' and ' && spans[index + 2]?.text.startsWith('cyclobenzaprine'));
        if (at < 0) return undefined;
        const [drug, plain, other] = spans.slice(at, at + 3).map((span) => span.color);
        return drug !== plain && drug === other ? { drug, plain } : undefined;
      });
      assert.ok(colours.drug);
      // Each decision where it stands (the two may not fit on one screen).
      const decisionColour = async (title: string, word: string) => {
        await goTo(page, lineColumnOf(context, file, `${title}: ${word}`).line, 1);
        return eventually(`${word} on screen`, async () => (await visibleWordColours(page)).find((span) => span.text === word)?.color);
      };
      const decisions = { overturned: await decisionColour('Norco 10/325mg #90', 'Overturned'), upheld: await decisionColour('Cyclobenzaprine 7.5mg #60 with two refills', 'Upheld') };
      assert.notEqual(decisions.upheld, decisions.overturned, 'Upheld and Overturned differ');
      await screenshot(context, '06-status-bar-and-semantic-colours');
    },
  },
  {
    name: 'IMR: New Determination Letter opens the template with its first placeholder selected',
    async run(context) {
      const { page } = context;
      await runCommand(page, 'IMR: New Determination Letter');
      // The template's opening lines; the integration suite reads the whole document.
      for (const part of ['Case Number:', 'HOW THE IMR FINAL DETERMINATION WAS MADE', 'The Expert Reviewer has the following credentials:', 'CLINICAL CASE SUMMARY']) {
        await editorText(page, part).waitFor({ state: 'visible', timeout: 10_000 });
      }
      await screenshot(context, '07-new-letter-template');
      await runCommand(page, 'View: Revert and Close Editor');
    },
  },
  {
    name: 'the QA report (imr-lint --format html) draws a bar for each check, sorts its table by mouse and keyboard, shows letter text as text and requests nothing, in Chromium',
    async run(context) {
      // The examples, and apart from them an invented letter whose item title holds a script.
      const folder = mkdtempSync(join(tmpdir(), 'imr-e2e-report-'));
      cpSync(join(context.workspace, 'examples'), join(folder, 'examples'), { recursive: true });
      const script = '<script>window.injected = 1</script>';
      mkdirSync(join(folder, 'invented'));
      writeFileSync(join(folder, 'invented', 'script-in-title.imr'), makeLetter({ items: [{ title: `Tizanidine ${script} 4mg #60`, decision: 'Upheld' }] }));
      const cli = (format: string, path: string) => {
        const result = spawnSync(process.execPath, [resolve('dist', 'cli.js'), '--format', format, '--fail-on', 'never', path], { encoding: 'utf8', cwd: folder });
        assert.equal(result.status, 0, result.stderr);
        return result.stdout;
      };
      // The findings per check, as the JSON output counts them.
      const expected = new Map<string, number>();
      for (const file of (JSON.parse(cli('json', 'examples')) as { files: { diagnostics: { code: string }[] }[] }).files) {
        for (const { code } of file.diagnostics) expected.set(code, (expected.get(code) ?? 0) + 1);
      }
      // A browser context of its own, apart from the workbench's.
      const browserContext = await context.page.context().browser()!.newContext({ viewport: { width: 1200, height: 1400 } });
      const page = await browserContext.newPage();
      const requests: string[] = [];
      try {
        // Any request at all fails the check: the report must be self-contained.
        page.on('request', (request) => requests.push(request.url()));
        // What the content policy stops never becomes a request, but Chromium reports it as an error.
        const errors: string[] = [];
        page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
        page.on('pageerror', (error) => errors.push(error.message));
        await page.route('**/*', (route) => route.abort());
        await page.setContent(cli('html', 'examples'), { waitUntil: 'load' });
        const bars = await page.locator('svg.chart.checks g.bar').evaluateAll((groups) =>
          groups.map((group) => {
            const box = (group.querySelector('rect') as unknown as { getBoundingClientRect(): { width: number; height: number } }).getBoundingClientRect();
            const [label, count] = [...group.querySelectorAll('text')].map((text) => text.textContent);
            return { label, count: Number(count), width: box.width, height: box.height };
          }),
        );
        assert.ok(expected.size >= 3, `${expected.size} checks with findings`);
        assert.deepEqual(new Map(bars.map((bar) => [bar.label, bar.count])), expected, 'one bar a check with findings, with its count');
        for (const bar of bars) assert.ok(bar.width > 0 && bar.height > 0, `the bar of ${bar.label} is drawn (${bar.width}×${bar.height})`);
        const decisions = await page.locator('svg.chart.decisions rect').evaluateAll((rects) => rects.map((rect) => (rect as unknown as { getBoundingClientRect(): { width: number } }).getBoundingClientRect().width));
        assert.ok(decisions.length >= 2 && decisions.every((width) => width > 0), 'the Upheld/Overturned split is drawn');

        const firstFile = async () => (await page.locator('table.letters tbody tr').first().locator('td').first().innerText()).trim();
        // By the header's own text: the sort arrow is a pseudo-element, outside it.
        const header = (column: string) => page.locator('table.letters th', { hasText: new RegExp(`^${column}$`) });
        const sortOf = (column: string) => header(column).getAttribute('aria-sort');
        assert.match(await firstFile(), /complete-letter\.imr$/, 'in the order of the walk at first');
        const warnings = header('Warnings').getByRole('button');
        await warnings.click();
        assert.equal(await sortOf('Warnings'), 'ascending');
        await warnings.click();
        assert.equal(await sortOf('Warnings'), 'descending');
        assert.match(await firstFile(), /draft-with-gaps\.imr$/, 'most warnings first');
        assert.equal(await page.getByRole('button', { name: 'Warnings', exact: true }).count(), 1, 'the arrow is shown, not read out: aria-sort says it');
        // The headers are buttons: a keyboard sorts as a click does, and the other headers go back to none.
        await header('File').getByRole('button').focus();
        await page.keyboard.press('Space');
        assert.equal(await sortOf('File'), 'ascending');
        assert.equal(await sortOf('Warnings'), 'none');
        assert.match(await firstFile(), /complete-letter\.imr$/, 'by file name');
        await page.keyboard.press('Enter');
        assert.equal(await sortOf('File'), 'descending');
        assert.match(await firstFile(), /plain-text-letter\.txt$/, 'by file name, backwards');
        await page.keyboard.press('Enter');
        assert.match(await firstFile(), /complete-letter\.imr$/, 'by file name again');
        await page.screenshot({ path: join(context.screenshotsDir, '08-qa-report.png') });

        // The script in the item title is shown as text, never run.
        await page.setContent(cli('html', 'invented'), { waitUntil: 'load' });
        assert.equal(await page.evaluate(() => (globalThis as { injected?: unknown }).injected), undefined, "the title's script did not run");
        assert.equal(await page.locator('script').count(), 1, "the report's own script only");
        await page.locator('details summary').click();
        await page.getByRole('cell', { name: `Tizanidine ${script} 4mg #60`, exact: true }).waitFor({ state: 'visible', timeout: 5_000 });
        await page.screenshot({ path: join(context.screenshotsDir, '08-qa-report-script-in-title.png') });
        assert.deepEqual(requests, [], 'the report requested nothing');
        assert.deepEqual(errors, [], 'nothing was refused and no script failed');
      } finally {
        await browserContext.close();
        rmSync(folder, { recursive: true, force: true });
      }
    },
  },
];

/**
 * VS Code for the Web: run by the harness in a window where the extension is held to the web
 * worker extension host, so its language server runs in a web worker (dist/browser-server.js).
 * The Problems panel, Outline and hover checks run again there.
 */
export const webChecks: Check[] = [
  {
    name: 'in the browser, the language server runs in a web worker',
    async run(context) {
      const { page } = context;
      await openFile(page, GAPS);
      // A server answers: the status bar's summary of the letter is the server's (imr/letterStatus). In
      // this window the extension is held to the web worker extension host, where only the browser
      // client runs, and it starts no server but the one in a web worker.
      const status = page.locator('.statusbar-item', { hasText: '3 items: 2 Upheld, 0 Overturned' }).first();
      await status.waitFor({ state: 'visible', timeout: 20_000 });
      assert.match((await status.innerText()).replace(/\s+/g, ' '), /3 items: 2 Upheld, 0 Overturned, 1 undecided · (?:no findings|\d+ findings?)/);
      await screenshot(context, '00-server-in-web-worker');
    },
  },
  ...checks.slice(0, 3),
];
