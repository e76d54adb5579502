// Drives the VS Code workbench (code-server in Chromium) the way a person
// does: keyboard shortcuts, the command palette, the mouse. Selectors are
// VS Code's own DOM classes, which have been stable across many releases.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { waitFor } from '../support/polling';

const isMac = process.platform === 'darwin';
const ctrl = isMac ? 'Meta' : 'Control';

export { sleep } from '../support/polling';

/** Polls `probe` until it returns something other than undefined; the workbench needs a slower pace. */
export function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  return waitFor(what, probe, timeoutMs, 200);
}

export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  // Enter on the focused row once it is the command's, as openFile does: clicking a row could land on
  // another command, since the list reuses its row elements while it filters (seen in the web window).
  const row = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: label });
  await row.waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

export async function openFile(page: Page, relativePath: string): Promise<void> {
  const name = relativePath.split('/').pop()!;
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${ctrl}+P`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relativePath);
  // Until the list has filtered, Enter would open whatever was picked last.
  const row = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: name });
  await row.waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await activeTab(page, name).waitFor({ state: 'visible' });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
}

export function activeTab(page: Page, name: string): Locator {
  return page.locator('.tabs-container .tab.active', { hasText: name });
}

export async function closeAllEditors(page: Page): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
}

/** Moves the cursor with Go to Line/Column (1-based, as the status bar shows). */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${ctrl}+G`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

export interface Row {
  readonly label: string;
  readonly description: string;
  readonly text: string;
}

async function rowsOf(list: Locator): Promise<Row[]> {
  return list.locator('.monaco-list-row').evaluateAll((rows) =>
    rows.map((row) => ({
      label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
      text: ((row as unknown as { innerText?: string }).innerText ?? row.textContent ?? '').replace(/\s+/g, ' ').trim(),
    })),
  );
}

export async function showProblems(page: Page): Promise<Locator> {
  await runCommand(page, 'View: Focus Problems');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible' });
  return panel;
}

export async function problemRows(page: Page): Promise<Row[]> {
  return rowsOf(page.locator('.markers-panel'));
}

const OUTLINE_PANE = '.pane:has(.pane-header[aria-label^="Outline"])';

/**
 * Shows the Outline view with room to read it: the folders section is
 * collapsed, the outline collapsed to its top level, then `expand` rows opened.
 */
export async function showOutline(page: Page, expand: readonly string[] = []): Promise<Locator> {
  await runCommand(page, 'Explorer: Focus on Outline View');
  await widenSideBar(page, 520);
  const folders = page.locator('.pane-header.expanded[aria-label^="Explorer Section"]');
  if (await folders.count()) await folders.first().click();
  const pane = page.locator(`${OUTLINE_PANE} .pane-body`);
  await pane.waitFor({ state: 'visible' });
  await pane.locator('.monaco-list-row').first().waitFor({ state: 'visible' });
  await page.locator(`${OUTLINE_PANE} .pane-header`).hover();
  await page.locator(`${OUTLINE_PANE} .pane-header .action-label[aria-label^="Collapse All"]`).click();
  for (const label of expand) {
    const row = pane.locator('.monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible' });
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
  }
  return pane;
}

export async function outlineRows(page: Page): Promise<Row[]> {
  return rowsOf(page.locator(`${OUTLINE_PANE} .pane-body`));
}

/** The text of the visible editor line that contains `needle`. */
export function editorText(page: Page, needle: string): Locator {
  return page.locator('.editor-instance .monaco-editor .view-lines .view-line span', { hasText: needle }).last();
}

export function assertIncludes(haystack: readonly string[], needle: string | RegExp, what: string): void {
  const found = haystack.some((text) => (typeof needle === 'string' ? text.includes(needle) : needle.test(text)));
  assert.ok(found, `${what}: expected ${needle} among\n  ${haystack.join('\n  ')}`);
}

/** Drags the sash between the side bar and the editor so outline details are readable. */
export async function widenSideBar(page: Page, width: number): Promise<void> {
  const sideBar = page.locator('.part.sidebar');
  const box = await sideBar.boundingBox();
  if (!box || box.width >= width) return;
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + (width - box.width) / 2, y, { steps: 4 });
  await page.mouse.move(box.x + width, y, { steps: 4 });
  await page.mouse.up();
}
