import { pathToFileURL } from 'node:url';
import { Emitter, type Connection, type InitializeParams, type WorkspaceFolder } from 'vscode-languageserver';
import { EMPTY_CONFIG, type LintConfig } from '../engine/config';
import type { LoadedConfigFile } from '../host/config-file';
import type { WorkspaceConfig } from '../host/workspace-config';
import { filePathOf, filePathsOf, toConfigDiagnostic } from './file-uris';
import { EditorSettingsSource } from './editor-settings';

/**
 * What the user configured for a letter: the `imr` settings, pulled from the client per
 * document; the project's `.imrlintrc.json`, through the shared `WorkspaceConfig`, with its
 * problems published on the file itself; and the workspace folders, which scope both.
 */
export class Configuration extends EditorSettingsSource {
  private canListWorkspaceFolders = false;
  /** Config files that were given diagnostics, so that a fixed one gets them cleared. */
  private readonly publishedConfigProblems = new Set<string>();
  private readonly workspaceFoldersChanged = new Emitter<void>();
  /** Workspace folders were added or removed: settings are scoped by folder, and relative knowledge files are read from the letter's folder. */
  readonly onDidChangeWorkspaceFolders = this.workspaceFoldersChanged.event;

  constructor(
    connection: Connection,
    private readonly workspace: WorkspaceConfig,
  ) {
    super(connection);
  }

  override initialize(params: InitializeParams): void {
    super.initialize(params);
    this.canListWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
    let folders = filePathsOf((params.workspaceFolders ?? []).map((folder) => folder.uri));
    if (folders.length === 0 && params.rootUri) folders = filePathsOf([params.rootUri]);
    this.workspace.workspaceFolders = folders;
  }

  /** Whether the client tells the server its workspace folders, and so can be asked to tell it about changes. */
  get followsWorkspaceFolders(): boolean {
    return this.canListWorkspaceFolders;
  }

  /** Once the client is initialised: follows the workspace folders it adds and removes. */
  initialized(): void {
    if (!this.canListWorkspaceFolders) return;
    this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((folder) => filePathOf(folder.uri)));
      const added = filePathsOf(event.added.map((folder) => folder.uri));
      this.workspace.workspaceFolders = [...this.workspace.workspaceFolders.filter((path) => !removed.has(path)), ...added];
      this.workspaceFoldersChanged.fire();
    });
  }

  /** The workspace folders as the client has them now; none for a client that does not say. */
  async workspaceFolders(): Promise<readonly WorkspaceFolder[]> {
    return this.canListWorkspaceFolders ? ((await this.connection.workspace.getWorkspaceFolders().catch(() => null)) ?? []) : [];
  }

  /** The nearest `.imrlintrc.json`'s config for a letter; a config file read for the first time gets its problems published. */
  override projectConfigFor(uri: string): LintConfig {
    const letterPath = filePathOf(uri);
    if (!letterPath || !this.workspaceTrusted) return EMPTY_CONFIG;
    const { config, justRead } = this.workspace.configFor(letterPath);
    if (justRead) this.publishConfigProblems(justRead);
    return config;
  }

  /** Whether a config file in use lies inside `folder`. */
  readsConfigUnder(folder: string): boolean {
    return this.workspace.readsConfigUnder(folder);
  }

  /** A config file was created, changed or deleted (by the user or by a command): every config file is read again. */
  forgetConfigFiles(): void {
    this.workspace.forgetConfigFiles();
  }

  /** A broken config file gets its own diagnostics, so the user sees why their settings do not apply. */
  private publishConfigProblems(loaded: LoadedConfigFile): void {
    const uri = pathToFileURL(loaded.path).toString();
    if (loaded.problems.length === 0 && !this.publishedConfigProblems.has(uri)) return;
    this.publishedConfigProblems.add(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: loaded.problems.map(toConfigDiagnostic) });
  }
}
