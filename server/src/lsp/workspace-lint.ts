import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CancellationToken, Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { describeFsError } from '../host/fs-errors';
import { readLetterFile } from '../host/letter-files';
import type { Configuration } from './configuration';
import type { LetterDocuments } from './documents';
import { LINT_WORKSPACE_REQUEST } from './requests';

/** What Lint Workspace answers when it is done or cancelled. */
export interface WorkspaceLintResult {
  /** Letter files found in the workspace folders. */
  readonly files: number;
  /** Of those, how many were analysed before the run ended. */
  readonly analysed: number;
  /** Findings published for them. */
  readonly findings: number;
  readonly cancelled: boolean;
  /** Files that could not be read, with the reason; never letter text. */
  readonly unreadable: readonly string[];
}

/** The letter files under some folders (`.imr`, and `.txt` files that start as letters), sorted. */
export type LetterFinder = (folders: readonly string[]) => Promise<readonly string[]>;



/**
 * Lint Workspace: every letter under the workspace folders is analysed as an open letter would be,
 * and its findings are published, with work-done progress that can be cancelled. Letters are read
 * one at a time, with the event loop turned between them, so the editor's own requests are answered
 * while a large folder is linted. The findings of a letter that is not open stay listed until the
 * file changes (it is then linted again) or is deleted; an open letter's findings are the editor's,
 * and when it is closed its file is linted again.
 */
export class WorkspaceLint {
  /** Letters not open in the editor whose findings this class published. */
  private readonly published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: LetterDocuments,
    private readonly configuration: Configuration,
    private readonly findLetters: LetterFinder,
  ) {}

  register(): void {
    this.connection.onRequest(LINT_WORKSPACE_REQUEST, (_params: unknown, token: CancellationToken) => this.run(token));
  }

  async run(token: CancellationToken): Promise<WorkspaceLintResult> {
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin('IMR: Linting the workspace', 0, 'Looking for letters…', true);
    try {
      const folders = (await this.configuration.workspaceFolders()).flatMap((folder) => (folder.uri.startsWith('file:') ? [fileURLToPath(folder.uri)] : []));
      const files = await this.findLetters(folders);
      return await this.lintFiles(files, progress, () => token.isCancellationRequested || progress.token.isCancellationRequested);
    } finally {
      progress.done();
    }
  }

  private async lintFiles(files: readonly string[], progress: WorkDoneProgressServerReporter, cancelled: () => boolean): Promise<WorkspaceLintResult> {
    let analysed = 0;
    let findings = 0;
    const unreadable: string[] = [];
    for (const path of files) {
      // Between letters, whatever else the editor asked is answered first.
      await new Promise((resolve) => setImmediate(resolve));
      if (cancelled()) return { files: files.length, analysed, findings, cancelled: true, unreadable };
      progress.report(Math.round((100 * analysed) / files.length), `${analysed + 1} of ${files.length} letters`);
      const result = await this.lintFile(pathToFileURL(path).toString(), path);
      if (typeof result === 'string') unreadable.push(`${path}: ${result}`);
      else findings += result;
      analysed++;
    }
    return { files: files.length, analysed, findings, cancelled: false, unreadable };
  }

  /** Analyses one letter file that is not open and publishes its findings: their number, or why it could not be read. */
  private async lintFile(uri: string, path: string): Promise<number | string> {
    if (this.documents.isOpen(uri)) return 0;
    let text: string;
    try {
      text = readLetterFile(path);
    } catch (error) {
      return describeFsError(error);
    }
    const settings = await this.configuration.settingsFor(uri);
    // Opened while its settings were fetched: the editor publishes for it now.
    if (this.documents.isOpen(uri)) return 0;
    const { diagnostics } = this.documents.analyzeText(uri, text, settings);
    this.published.add(uri);
    await this.connection.sendDiagnostics({ uri, diagnostics: [...diagnostics] });
    return diagnostics.length;
  }

  /** A letter file changed or was deleted on disk; its listed findings follow it. */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    if (!this.published.has(uri) || this.documents.isOpen(uri)) return;
    if (deleted) {
      this.published.delete(uri);
      await this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    this.configuration.forgetSettings(uri);
    const result = await this.lintFile(uri, fileURLToPath(uri));
    if (typeof result === 'string') {
      this.published.delete(uri);
      await this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  /** An open letter was closed: if Lint Workspace had listed it, its file's findings are listed again. */
  documentClosed(uri: string): void {
    if (this.published.has(uri) && uri.startsWith('file:')) void this.lintFile(uri, fileURLToPath(uri));
  }

  /** Settings or knowledge changed: the listed letters are linted again with them. */
  async relintAll(): Promise<void> {
    for (const uri of [...this.published]) {
      await new Promise((resolve) => setImmediate(resolve));
      await this.fileChanged(uri, false);
    }
  }
}
