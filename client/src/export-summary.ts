import { Uri, window, workspace, type TextDocument } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPORT_SUMMARY_REQUEST } from '../../server/src/lsp/requests';

const FORMATS = [
  { label: 'CSV', format: 'csv', extension: 'csv', description: 'for a spreadsheet' },
  { label: 'Markdown', format: 'markdown', extension: 'md', description: 'a table for a report or a ticket' },
  { label: 'JSON', format: 'json', extension: 'json', description: 'for other tools' },
] as const;

/**
 * IMR: Export Summary: a table of the active letter's items (case number, item, decision,
 * citations, daily MME, open findings by check) written where the user chooses.
 */
export async function exportSummary(
  client: LanguageClient,
  started: () => Promise<void> | undefined,
  /** Given by a keybinding or a test, the format and file are not asked for. */
  given: { format?: string; target?: Uri } = {},
): Promise<void> {
  const document = window.activeTextEditor?.document;
  if (document?.languageId !== 'imr') {
    void window.showInformationMessage('Open a determination letter to export its summary.');
    return;
  }
  const choice = FORMATS.find((format) => format.format === given.format) ?? (await window.showQuickPick(FORMATS.map((format) => ({ ...format })), { title: 'Export the summary of this letter as', placeHolder: 'Format' }));
  if (!choice) return;
  const target =
    given.target ??
    (await window.showSaveDialog({
      defaultUri: defaultTarget(document, choice.extension),
      filters: { [choice.label]: [choice.extension] },
      title: 'Export Summary',
    }));
  if (!target) return;
  await started();
  const table = await client.sendRequest<string>(EXPORT_SUMMARY_REQUEST, {
    letters: [{ uri: document.uri.toString(), file: workspace.asRelativePath(document.uri, false) }],
    format: choice.format,
  });
  await workspace.fs.writeFile(target, new TextEncoder().encode(table));
  if (given.target) return;
  const open = await window.showInformationMessage(`Summary written to ${workspace.asRelativePath(target, false)}.`, 'Open');
  if (open) await window.showTextDocument(target);
}

/** Beside the letter, named after it; in the first workspace folder for an untitled letter. */
function defaultTarget(document: TextDocument, extension: string): Uri | undefined {
  if (document.uri.scheme === 'file') return document.uri.with({ path: document.uri.path.replace(/(\.[^./]*)?$/, `-summary.${extension}`) });
  const folder = workspace.workspaceFolders?.[0];
  return folder ? Uri.joinPath(folder.uri, `letter-summary.${extension}`) : undefined;
}
