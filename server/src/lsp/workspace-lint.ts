import { fileURLToPath, pathToFileURL } from 'node:url';
import { relative, sep } from 'node:path';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { Analysis } from '../engine/analyze';
import { ALL_RULES } from '../engine/catalogue';
import { formatSummary, summaryRows, SUMMARY_FORMATS, type SummaryFormat, type SummaryRow } from '../features/summary-table';
import { describeFsError } from '../host/fs-errors';
import { readLetterFile } from '../host/letter-files';
import type { Configuration } from './configuration';
import type { LetterDocuments } from './documents';
import { EXPORT_SUMMARY_REQUEST, LINT_WORKSPACE_REQUEST, QA_REPORT_REQUEST } from './requests';
import { renderQaReport, type ReportLetter } from '../features/qa-report';
import type { LineMap } from '../text/line-map';

interface ExportSummaryParams {
  /** Open letters, each with the name the table shows for it. */
  readonly letters?: readonly { uri: string; file: string }[];
  /** Every letter of the workspace folders, named by its path in its folder. */
  readonly workspace?: boolean;
  readonly format: SummaryFormat;
}

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
type LetterFinder = (folders: readonly string[]) => Promise<readonly string[]>;



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
    this.connection.onRequest(EXPORT_SUMMARY_REQUEST, (params: ExportSummaryParams, token: CancellationToken) => this.exportSummary(params, token));
    this.connection.onRequest(QA_REPORT_REQUEST, (_params: unknown, token: CancellationToken) => this.qaReport(token));
  }

  async run(token: CancellationToken): Promise<WorkspaceLintResult> {
    let findings = 0;
    const unreadable: string[] = [];
    const { files, analysed, cancelled } = await this.eachWorkspaceLetter('IMR: Linting the workspace', token, async (uri, path) => {
      const result = await this.lintFile(uri, path);
      if (typeof result === 'string') unreadable.push(`${path}: ${result}`);
      else findings += result;
    });
    return { files, analysed, findings, cancelled, unreadable };
  }

  /**
   * The summary table of the letters named (open ones), or of every letter in the workspace: open
   * letters as the editor has them, the others as their files are.
   */
  private async exportSummary(params: ExportSummaryParams, token: CancellationToken): Promise<string> {
    if (!SUMMARY_FORMATS.includes(params.format)) throw new Error(`unknown summary format ${String(params.format)}`);
    const rows: SummaryRow[] = [];
    if (params.workspace) {
      await this.eachWorkspaceLetter('IMR: Exporting the summary', token, async (uri, path, file) => {
        const state = await this.analysisOf(uri, path);
        if (state) for (const row of summaryRows(file, state.analysis.letter, state.analysis)) rows.push(row);
      });
    }
    for (const { uri, file } of params.letters ?? []) {
      const state = await this.documents.letterFor(uri, token);
      if (state) for (const row of summaryRows(file, state.letter, state.analysis)) rows.push(row);
    }
    return formatSummary(rows, params.format, ALL_RULES.map((rule) => rule.id));
  }

  /** The QA report of the workspace's letters; each finding links to its file and line. */
  private async qaReport(token: CancellationToken): Promise<string> {
    const letters: ReportLetter[] = [];
    const links = new Map<string, string>();
    await this.eachWorkspaceLetter('IMR: Building the QA report', token, async (uri, path, file) => {
      const state = await this.analysisOf(uri, path);
      if (!state?.analysis.letter) {
        letters.push({ file, rows: [], findings: [], error: state ? undefined : 'could not be read' });
        return;
      }
      const findings = state.analysis.findings.map((finding) => ({ code: finding.ruleId, severity: finding.severity, message: finding.message, line: state.lines.positionAt(finding.span.start).line }));
      links.set(file, uri);
      letters.push({ file, rows: summaryRows(file, state.analysis.letter, state.analysis), findings });
    });
    return renderQaReport(letters, { title: 'IMR QA report: workspace', checkOrder: ALL_RULES.map((rule) => rule.id), link: (file, line) => (links.has(file) ? `${links.get(file)}#L${line + 1}` : null) });
  }

  /**
   * Visits every letter file of the workspace folders in order, with cancellable work-done
   * progress, turning the event loop between letters so that the editor's requests are answered.
   * `file` is the letter's path in its folder, with "/", as tables and reports show it.
   */
  private async eachWorkspaceLetter(
    title: string,
    token: CancellationToken,
    visit: (uri: string, path: string, file: string) => Promise<void>,
  ): Promise<{ files: number; analysed: number; cancelled: boolean }> {
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin(title, 0, 'Looking for letters…', true);
    try {
      const folders = (await this.configuration.workspaceFolders()).flatMap((folder) => (folder.uri.startsWith('file:') ? [fileURLToPath(folder.uri)] : []));
      const files: { path: string; folder: string }[] = [];
      for (const folder of folders) for (const path of await this.findLetters([folder])) files.push({ path, folder });
      let analysed = 0;
      for (const { path, folder } of files) {
        await new Promise((resolve) => setImmediate(resolve));
        if (token.isCancellationRequested || progress.token.isCancellationRequested) return { files: files.length, analysed, cancelled: true };
        progress.report(Math.round((100 * analysed) / files.length), `${analysed + 1} of ${files.length} letters`);
        await visit(pathToFileURL(path).toString(), path, relative(folder, path).split(sep).join('/'));
        analysed++;
      }
      return { files: files.length, analysed, cancelled: false };
    } finally {
      progress.done();
    }
  }

  /** A letter's analysis: the editor's when it is open, else its file's (null when it cannot be read). */
  private async analysisOf(uri: string, path: string): Promise<{ analysis: Analysis; lines: LineMap } | null> {
    const open = await this.documents.stateFor(uri);
    if (open) return open;
    let text: string;
    try {
      text = readLetterFile(path);
    } catch {
      return null;
    }
    return this.documents.analyzeText(uri, text, await this.configuration.settingsFor(uri));
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

  /**
   * Something was deleted on disk: when it was a folder (or a folder was renamed), the listed
   * findings of the closed letters that were in it go, since the client reports the folder alone.
   */
  async folderDeleted(uri: string): Promise<void> {
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    for (const listed of [...this.published]) {
      if (!listed.startsWith(prefix) || this.documents.isOpen(listed)) continue;
      this.published.delete(listed);
      await this.connection.sendDiagnostics({ uri: listed, diagnostics: [] });
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
