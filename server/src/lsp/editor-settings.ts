import type { Connection, InitializeParams } from 'vscode-languageserver';
import { EMPTY_CONFIG, type LintConfig } from '../engine/config';
import type { LetterSettings } from './documents';
import { DEFAULT_SETTINGS, readEditorSettings, type EditorSettings } from './settings';
import { showProblems } from './errors';

/**
 * The `imr` settings of each document, pulled from the client and kept until they change, with
 * Restricted Mode: what both servers know of the user's settings. The Node server's
 * `Configuration` adds the files on disk (`.imrlintrc.json`, workspace folders); the browser
 * server has none, so a letter's project config is empty there.
 */
export class EditorSettingsSource implements LetterSettings {
  private canPullSettings = false;
  private trusted = true;
  private readonly settingsByUri = new Map<string, Promise<EditorSettings>>();
  private readonly reportedSettingsProblems = new Set<string>();

  constructor(protected readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    this.canPullSettings = params.capabilities.workspace?.configuration === true;
    // The IMR client says when the workspace is in Restricted Mode; other clients are trusted.
    this.trusted = (params.initializationOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted !== false;
  }

  /**
   * False in Restricted Mode (VS Code's untrusted workspace): what the workspace supplies that could
   * change what the checks say, its `.imrlintrc.json` and knowledge files, is ignored; VS Code itself
   * withholds the workspace's values of the settings package.json lists as restricted.
   */
  get workspaceTrusted(): boolean {
    return this.trusted;
  }

  /** The `imr` settings for a document, asked of the client once and kept until `forgetSettings`; each problem with them is shown once. */
  settingsFor(uri: string): Promise<EditorSettings> {
    if (!this.canPullSettings) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.settingsByUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'imr' }).then(
        (section) => {
          const given = readEditorSettings(section);
          const read = this.trusted ? given : { ...given, knowledgeFiles: [] };
          const fresh = read.problems.filter((problem) => !this.reportedSettingsProblems.has(problem));
          for (const problem of fresh) this.reportedSettingsProblems.add(problem);
          showProblems(this.connection, 'warning', 'IMR settings: ', fresh);
          return read;
        },
        () => DEFAULT_SETTINGS,
      );
      this.settingsByUri.set(uri, settings);
    }
    return settings;
  }

  /** Forgets the settings of one closed document, or of every document when the settings changed. */
  forgetSettings(uri?: string): void {
    if (uri === undefined) this.settingsByUri.clear();
    else this.settingsByUri.delete(uri);
  }

  /** No project config without files on disk. */
  projectConfigFor(_uri: string): LintConfig {
    return EMPTY_CONFIG;
  }
}
