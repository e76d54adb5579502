import { Uri, window, workspace, type TextDocument } from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { EXPORT_SUMMARY_REQUEST } from '../../server/src/lsp/requests';

const FORMATS = [
  { label: 'CSV', format: 'csv', extension: 'csv', description: 'for a spreadsheet' },
  { label: 'Markdown', format: 'markdown', extension: 'md', description: 'a table for a report or a ticket' },
  { label: 'JSON', format: 'json', extension: 'json', description: 'for other tools' },
] as const;

/**
 * IMR: Export Summary: a table of the active letter's items, or of every letter in the workspace
 * (case number, item, decision, citations, daily MME, open findings by check), written where the
 * user chooses.
 */
export async function exportSummary(
  client: LanguageClient,
  started: () => Promise<void> | undefined,
  /** Given by a keybinding or a test, the scope, format and file are not asked for. */
  given: { scope?: 'letter' | 'workspace'; format?: string; target?: Uri } = {},
): Promise<void> {
  const active = window.activeTextEditor?.document;
  const document = active?.languageId === 'imr' ? active : undefined;
  const hasFolder = (workspace.workspaceFolders?.length ?? 0) > 0;
  let scope = given.scope ?? (document && hasFolder ? undefined : document ? 'letter' : hasFolder ? 'workspace' : undefined);
  if (!document && !hasFolder) {
    void window.showInformationMessage('Open a determination letter, or a folder of letters, to export a summary.');
    return;
  }
  if (!scope) {
    const picked = await window.showQuickPick(
      [
        { label: 'This letter', scope: 'letter' as const },
        { label: 'Every letter in the workspace', scope: 'workspace' as const },
      ],
      { title: 'Export Summary', placeHolder: 'Which letters' },
    );
    if (!picked) return;
    scope = picked.scope;
  }
  if (scope === 'letter' && !document) return;
  const choice = FORMATS.find((format) => format.format === given.format) ?? (await window.showQuickPick(FORMATS.map((format) => ({ ...format })), { title: 'Export Summary as', placeHolder: 'Format' }));
  if (!choice) return;
  const target =
    given.target ??
    (await window.showSaveDialog({
      defaultUri: defaultTarget(scope === 'letter' ? document : undefined, choice.extension),
      filters: { [choice.label]: [choice.extension] },
      title: 'Export Summary',
    }));
  if (!target) return;
  await started();
  const table = await client.sendRequest<string>(EXPORT_SUMMARY_REQUEST, {
    letters: scope === 'letter' && document ? [{ uri: document.uri.toString(), file: workspace.asRelativePath(document.uri, false) }] : [],
    workspace: scope === 'workspace',
    format: choice.format,
  });
  await workspace.fs.writeFile(target, new TextEncoder().encode(table));
  if (given.target) return;
  const open = await window.showInformationMessage(`Summary written to ${workspace.asRelativePath(target, false)}.`, 'Open');
  if (open) await window.showTextDocument(target);
}

/** Beside the letter, named after it; in the first workspace folder for the workspace or an untitled letter. */
function defaultTarget(document: TextDocument | undefined, extension: string): Uri | undefined {
  if (document?.uri.scheme === 'file') return document.uri.with({ path: document.uri.path.replace(/(\.[^./]*)?$/, `-summary.${extension}`) });
  const folder = workspace.workspaceFolders?.[0];
  return folder ? Uri.joinPath(folder.uri, `${document ? 'letter' : 'workspace'}-summary.${extension}`) : undefined;
}
