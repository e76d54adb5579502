import type { CancellationToken, Connection, Diagnostic, InitializeParams, TextDocuments, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../engine/analyze';
import { mergeConfigs, type LintConfig } from '../engine/config';
import type { KnowledgeBase } from '../knowledge';
import type { Letter } from '../letter/model';
import { LineMap } from '../text/line-map';
import { toDiagnostic } from './convert';
import { describeError, throwIfCancelled } from './errors';
import type { EditorSettings } from './settings';

/** Where an open letter's settings and project config come from (`Configuration` in the Node server). */
export interface LetterSettings {
  settingsFor(uri: string): Promise<EditorSettings>;
  forgetSettings(uri?: string): void;
  /** The `.imrlintrc.json` config that applies to a letter; none where there are no files. */
  projectConfigFor(uri: string): LintConfig;
}

/** The knowledge a letter is checked with: built-in, or with the knowledge files its settings name. */
export interface LetterKnowledge {
  readonly builtin: KnowledgeBase;
  knowledgeFor(uri: string, settings: EditorSettings): KnowledgeBase;
}

/** One open letter, analysed at one version with one generation of settings. */
interface DocumentState {
  readonly version: number;
  /** The settings generation the analysis was made with; see `LetterDocuments.settingsGeneration`. */
  readonly generation: number;
  readonly knowledge: KnowledgeBase;
  readonly analysis: Analysis;
  readonly lines: LineMap;
  readonly diagnostics: readonly Diagnostic[];
}

/** The analysis of an open document that is a letter. */
export interface LetterState extends DocumentState {
  readonly letter: Letter;
}

/**
 * Documents as the documents manager keeps them, for both servers: an opened document without a
 * string address or text (a client's mistake) is refused there, which the connection logs as a
 * failed notification, instead of being kept and failing every later analysis of it.
 */
export const CHECKED_TEXT_DOCUMENTS: TextDocumentsConfiguration<TextDocument> = {
  create(uri, languageId, version, content) {
    if (typeof uri !== 'string' || typeof content !== 'string') throw new Error('textDocument/didOpen needs a string "uri" and "text"; the document was not opened');
    return TextDocument.create(uri, languageId, version, content);
  },
  update: (document, changes, version) => TextDocument.update(document, changes, version),
};

/**
 * The open letters: each analysed once per version and settings, validated after a pause in
 * typing, with its diagnostics published; and the analysis that every request about it uses.
 */
export class LetterDocuments {
  private readonly analyzed = new Map<string, DocumentState>();
  private readonly pendingValidation = new Map<string, ReturnType<typeof setTimeout>>();
  /** Typing pauses shorter than this are one burst; benchmarks set it to 0 through initializationOptions. */
  private validationDelayMs = 30;
  /**
   * Bumped whenever settings or config files change, so an analysis that was
   * started with the old settings is never reused for the same document version.
   */
  private settingsGeneration = 0;
  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly configuration: LetterSettings,
    private readonly knowledge: LetterKnowledge,
    /**
     * The page documenting a rule, for a diagnostic's link; undefined where none ships. Without it,
     * pages are linked under the folder the client names in `initializationOptions.ruleDocsUri`.
     */
    private ruleDocUri: (ruleId: string) => string | undefined = () => undefined,
  ) {
    // Opening a document also fires onDidChangeContent, which schedules its first validation.
    documents.onDidChangeContent((event) => this.scheduleValidation(event.document.uri));
    documents.onDidClose((event) => {
      const uri = event.document.uri;
      clearTimeout(this.pendingValidation.get(uri));
      this.pendingValidation.delete(uri);
      this.analyzed.delete(uri);
      configuration.forgetSettings(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    });
  }

  initialize(params: InitializeParams): void {
    const requestedDelay = (params.initializationOptions as { validationDelayMs?: unknown } | undefined)?.validationDelayMs;
    if (typeof requestedDelay === 'number' && requestedDelay >= 0 && requestedDelay <= 5000) this.validationDelayMs = requestedDelay;
    const ruleDocs = (params.initializationOptions as { ruleDocsUri?: unknown } | undefined)?.ruleDocsUri;
    if (typeof ruleDocs === 'string' && ruleDocs.endsWith('/')) this.ruleDocUri = (ruleId) => `${ruleDocs}${ruleId}.md`;
  }

  /** Every open letter is analysed again, with the settings, config and knowledge as they are now. */
  revalidateAll(): void {
    this.settingsGeneration++;
    this.analyzed.clear();
    for (const document of this.documents.all()) this.scheduleValidation(document.uri);
  }

  /** Analysis for requests: the cached result for this version and settings, else a fresh one. */
  async stateFor(uri: string): Promise<DocumentState | null> {
    for (;;) {
      const generation = this.settingsGeneration;
      const settings = await this.configuration.settingsFor(uri);
      const document = this.documents.get(uri);
      if (!document) return null;
      // Settings changed while they were fetched: fetch the new ones rather than analyse with stale ones.
      if (generation === this.settingsGeneration) return this.analyzeDocument(document, settings);
    }
  }

  /** The editor settings that apply to a document. */
  settingsFor(uri: string): Promise<EditorSettings> {
    return this.configuration.settingsFor(uri);
  }

  /** What a request about a letter works on: null when the document is not open or not a letter; a cancelled request throws. */
  async letterFor(uri: string, token: CancellationToken): Promise<LetterState | null> {
    const state = await this.stateFor(uri);
    throwIfCancelled(token);
    return state?.analysis.letter ? { ...state, letter: state.analysis.letter } : null;
  }

  /** Each edit restarts the wait, so a burst of edits is analysed once, at its final version. */
  private scheduleValidation(uri: string): void {
    clearTimeout(this.pendingValidation.get(uri));
    this.pendingValidation.set(
      uri,
      setTimeout(() => {
        this.pendingValidation.delete(uri);
        void this.validate(uri);
      }, this.validationDelayMs),
    );
  }

  private async validate(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const generation = this.settingsGeneration;
    const settings = await this.configuration.settingsFor(uri);
    const current = this.documents.get(uri);
    // Newer edits or settings arrived while the settings were fetched; their own validation publishes instead.
    if (!current || current.version !== version || generation !== this.settingsGeneration) return;
    const state = this.analyzeDocument(current, settings);
    await this.connection.sendDiagnostics({ uri, version, diagnostics: [...state.diagnostics] });
  }

  private analyzeDocument(document: TextDocument, settings: EditorSettings): DocumentState {
    const cached = this.analyzed.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === this.settingsGeneration) return cached;
    const state: DocumentState = { version: document.version, generation: this.settingsGeneration, ...this.analyzeText(document.uri, document.getText(), settings) };
    this.analyzed.set(document.uri, state);
    return state;
  }

  /**
   * A letter's analysis and diagnostics with the settings, config and knowledge that apply to its
   * URI, as an open letter gets them; for a letter that is not open too (Lint Workspace). Not cached.
   */
  analyzeText(uri: string, text: string, settings: EditorSettings): Pick<DocumentState, 'knowledge' | 'analysis' | 'lines' | 'diagnostics'> {
    const config = mergeConfigs(settings.config, this.configuration.projectConfigFor(uri));
    const knowledge = this.knowledge.knowledgeFor(uri, settings);
    const analysis = analyze(text, {
      knowledge,
      config,
      maxFileSize: settings.maxFileSize,
      onRuleError: (ruleId, error) => this.connection.console.error(`Rule ${ruleId} failed: ${describeError(error)}`),
    });
    const lines = new LineMap(text);
    const diagnostics = analysis.findings.map((finding) => toDiagnostic(finding, lines, uri, this.ruleDocUri));
    return { knowledge, analysis, lines, diagnostics };
  }

  /** Whether a document is open in the editor (its diagnostics are then this class's to publish). */
  isOpen(uri: string): boolean {
    return this.documents.get(uri) !== undefined;
  }
}
