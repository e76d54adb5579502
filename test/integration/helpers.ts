// Shared helpers for the integration suite: finding the workspace copies of
// the letters, opening them, and waiting (with a bound) for the language
// server to answer.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sleep, waitFor } from '../support/polling';

export const EXTENSION_ID = 'imr-tools.imr-letters';

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  await extension.activate();
  return extension;
}

/** A file of the test workspace, which holds copies of examples/ and test/integration/fixtures/. */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/**
 * Records a figure for BENCHMARKS.md; the runner prints it after the summary.
 * Kept on globalThis because each suite file is bundled on its own.
 */
export function recordMeasurement(name: string, milliseconds: number): void {
  const holder = globalThis as { imrMeasurements?: Record<string, number> };
  holder.imrMeasurements ??= {};
  holder.imrMeasurements[name] = Math.round(milliseconds);
}

export { sleep, waitFor };

const DEFAULT_WAIT_MS = 20_000;

export async function openLetter(...segments: string[]): Promise<vscode.TextEditor> {
  await activateExtension();
  const document = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await waitForServer(document);
  return editor;
}

export async function openUntitled(content: string, language = 'imr'): Promise<vscode.TextEditor> {
  await activateExtension();
  const document = await vscode.workspace.openTextDocument({ content, language });
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await waitForServer(document);
  return editor;
}

export async function documentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[] | undefined> {
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
    'vscode.executeDocumentSymbolProvider',
    document.uri,
  );
  return symbols && symbols.length > 0 ? symbols : undefined;
}

/** The server answers outline requests once it has the document. */
export async function waitForServer(document: vscode.TextDocument): Promise<void> {
  await waitFor(`the language server to outline ${document.uri.path}`, () => documentSymbols(document));
}

export function diagnosticCodes(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => codeOf(diagnostic)).sort();
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function imrDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'imr');
}

/** Waits until the document's IMR diagnostics satisfy `accept`, returning them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics: ${what}`, () => {
    const diagnostics = imrDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  }, timeoutMs);
}

/**
 * Diagnostics of a document whose expected list may legitimately be empty:
 * waits until the list has stayed the same for `quietMs`.
 */
export async function settledDiagnostics(uri: vscode.Uri, quietMs = 1_500): Promise<vscode.Diagnostic[]> {
  let last = JSON.stringify(diagnosticCodes(imrDiagnostics(uri)));
  let stableSince = Date.now();
  const deadline = Date.now() + DEFAULT_WAIT_MS;
  while (Date.now() - stableSince < quietMs) {
    if (Date.now() > deadline) throw new Error(`diagnostics of ${uri.path} kept changing`);
    await sleep(100);
    const now = JSON.stringify(diagnosticCodes(imrDiagnostics(uri)));
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    }
  }
  return imrDiagnostics(uri);
}

/** Finds the position of the `occurrence`-th match of `needle` (1-based). */
export function positionOf(document: vscode.TextDocument, needle: string, occurrence = 1): vscode.Position {
  let from = 0;
  let index = -1;
  const text = document.getText();
  for (let seen = 0; seen < occurrence; seen++) {
    index = text.indexOf(needle, from);
    assert.ok(index >= 0, `"${needle}" (occurrence ${occurrence}) not found in ${document.uri.path}`);
    from = index + needle.length;
  }
  return document.positionAt(index);
}

export function flatten(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children)]);
}

/** Closes every editor without saving, so one test's edits never leak into the next. */
export async function closeAllEditors(): Promise<void> {
  // Showing a document can lose a race with another editor opening ("another editor opened in the
  // meantime", seen with the user settings file the extension writes): try again a few times.
  for (let attempt = 0; attempt < 5; attempt++) {
    const dirty = vscode.workspace.textDocuments.filter((document) => document.isDirty);
    if (dirty.length === 0) break;
    for (const document of dirty) {
      try {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      } catch {
        await sleep(200);
      }
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
