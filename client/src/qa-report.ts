import { Range, Uri, ViewColumn, window, type Disposable } from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { QA_REPORT_REQUEST } from '../../server/src/lsp/requests';

/**
 * IMR: Show QA Report: the workspace's QA report (the page `imr-lint --format html` writes) in a
 * webview. It runs only the report's own inline script, loads nothing (no local resources either),
 * and a link in it opens the letter at the finding's line.
 */
export async function showQaReport(client: LanguageClient, started: () => Promise<void> | undefined): Promise<void> {
  await started();
  const html = await client.sendRequest<string>(QA_REPORT_REQUEST, {});
  const panel = window.createWebviewPanel('imr.qaReport', 'IMR QA Report', ViewColumn.Active, { enableScripts: true, localResourceRoots: [], enableFindWidget: true });
  panel.webview.html = html;
  const subscription: Disposable = panel.webview.onDidReceiveMessage(async (message: { open?: unknown }) => {
    if (typeof message.open !== 'string') return;
    const [uri, fragment] = message.open.split('#');
    // Only the report's own links to letter files are followed.
    if (!uri.startsWith('file:')) return;
    const line = Math.max(0, Number(/^L(\d+)$/.exec(fragment ?? '')?.[1] ?? 1) - 1);
    await window.showTextDocument(Uri.parse(uri), { selection: new Range(line, 0, line, 0), viewColumn: ViewColumn.Beside });
  });
  panel.onDidDispose(() => subscription.dispose());
}
