import { existsSync, unwatchFile, watchFile } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Diagnostic,
  type Disposable,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../engine/analyze';
import { innermostFolderHolding } from '../host/paths';
import { ruleDocPath } from '../host/rule-docs';
import { EMPTY_CONFIG, mergeConfigs, type LintConfig } from '../engine/config';
import { findConfigFile, loadConfigFile, type LoadedConfigFile } from '../host/config-file';
import { DEFAULT_SETTINGS, readEditorSettings, type EditorSettings } from './settings';
import { completionsAt } from '../features/completion';
import { foldingSpans } from '../features/folding';
import { hoverAt } from '../features/hover';
import { outline } from '../features/outline';
import { loadKnowledge, type KnowledgeBase } from '../knowledge';
import { renderKnowledgeEntry } from '../features/knowledge-markdown';
import { knowledgeFilesKey, loadKnowledgeFiles } from '../host/knowledge-files';
import { knowledgeRefFromUri, knowledgeUri, KNOWLEDGE_ENTRY_REQUEST } from './knowledge-documents';
import { ignoreCommandActions, IGNORE_COMMANDS, runIgnoreCommand } from './ignore-commands';
import { filePathOf, filePathsOf, toCodeAction, toCompletionItem, toConfigDiagnostic, toDiagnostic, toDocumentSymbol, toFoldingRanges } from './convert';
import { describeError, throwIfCancelled } from './errors';
import { LineMap } from '../text/line-map';
import type { Finding } from '../rules/types';

declare const IMR_VERSION: string | undefined;
const SERVER_VERSION = typeof IMR_VERSION === 'string' ? IMR_VERSION : '0.0.0-dev';
const connection = createConnection();
const documents = new TextDocuments(TextDocument);
const builtinKnowledge = loadKnowledge();

interface DocumentState {
  readonly version: number;
  /** The settings generation the analysis was made with; see `settingsGeneration`. */
  readonly generation: number;
  readonly knowledge: KnowledgeBase;
  readonly analysis: Analysis;
  readonly lines: LineMap;
  readonly diagnostics: readonly Diagnostic[];
}

const analyzed = new Map<string, DocumentState>();
const pendingValidation = new Map<string, NodeJS.Timeout>();
/** Typing pauses shorter than this are one burst; benchmarks set it to 0 through initializationOptions. */
let validationDelayMs = 30;
const settingsByUri = new Map<string, Promise<EditorSettings>>();
/** One knowledge base per list of knowledge files, rebuilt when one of them changes on disk. */
const knowledgeByFiles = new Map<string, { filesKey: string; paths: readonly string[]; knowledge: KnowledgeBase }>();
/**
 * Bumped whenever settings or config files change, so an analysis that was
 * started with the old settings is never reused for the same document version.
 */
let settingsGeneration = 0;
const reportedKnowledgeProblems = new Set<string>();
const configFiles = new Map<string, LoadedConfigFile | null>();
const publishedConfigProblems = new Set<string>();
const reportedSettingsProblems = new Set<string>();
let canPullSettings = false;
let canListWorkspaceFolders = false;
/** Whether the client watches files the server names after start-up (the knowledge files) given a folder and a pattern. */
let clientWatchesAnyFile = false;
/** Knowledge files the client watches for the server, under one registration that is replaced when one is added. */
const clientWatchedKnowledgeFiles = new Set<string>();
let knowledgeWatchRegistration: Promise<Disposable> | null = null;
/** Knowledge files the server polls itself, for clients that cannot watch a file outside the workspace. */
const polledKnowledgeFiles = new Set<string>();

const docUris = new Map<string, string | undefined>();
function ruleDocUri(ruleId: string): string | undefined {
  if (!docUris.has(ruleId)) {
    const path = ruleDocPath(ruleId);
    docUris.set(ruleId, existsSync(path) ? pathToFileURL(path).toString() : undefined);
  }
  return docUris.get(ruleId);
}

connection.onInitialize((params: InitializeParams) => {
  canPullSettings = params.capabilities.workspace?.configuration === true;
  canListWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
  const watching = params.capabilities.workspace?.didChangeWatchedFiles;
  clientWatchesAnyFile = watching?.dynamicRegistration === true && watching.relativePatternSupport === true;
  workspaceFolderPaths = filePathsOf((params.workspaceFolders ?? []).map((folder) => folder.uri));
  if (workspaceFolderPaths.length === 0 && params.rootUri) workspaceFolderPaths = filePathsOf([params.rootUri]);
  const requestedDelay = (params.initializationOptions as { validationDelayMs?: unknown } | undefined)?.validationDelayMs;
  if (typeof requestedDelay === 'number' && requestedDelay >= 0 && requestedDelay <= 5000) validationDelayMs = requestedDelay;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'IMR letter' },
      foldingRangeProvider: true,
      hoverProvider: true,
      definitionProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', ','] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll + '.imr'] },
      executeCommandProvider: { commands: [...IGNORE_COMMANDS] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: canListWorkspaceFolders } },
    },
    serverInfo: { name: 'imr-language-server', version: SERVER_VERSION },
  };
});

// Opening a document also fires onDidChangeContent, which schedules its first validation.
documents.onDidChangeContent((event) => scheduleValidation(event.document.uri));
documents.onDidClose((event) => {
  const uri = event.document.uri;
  clearTimeout(pendingValidation.get(uri));
  pendingValidation.delete(uri);
  analyzed.delete(uri);
  settingsByUri.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(() => checkAgainWithNewSettings());

// Config files, and knowledge files once registered below.
connection.onDidChangeWatchedFiles((params) => {
  for (const change of params.changes) forgetKnowledgeFile(filePathOf(change.uri));
  configFiles.clear();
  revalidateAll();
});

connection.onInitialized(() => {
  if (!canListWorkspaceFolders) return;
  connection.workspace.onDidChangeWorkspaceFolders((event) => {
    const removed = new Set(event.removed.map((folder) => filePathOf(folder.uri)));
    const added = filePathsOf(event.added.map((folder) => folder.uri));
    workspaceFolderPaths = [...workspaceFolderPaths.filter((path) => !removed.has(path)), ...added];
    // Settings are scoped by folder, and relative knowledge files are read from the letter's folder.
    checkAgainWithNewSettings();
  });
});

/** Settings, and the knowledge files they name, are read again for every open letter, which is then checked again. */
function checkAgainWithNewSettings(): void {
  settingsByUri.clear();
  forgetAllKnowledgeFiles();
  revalidateAll();
}

function revalidateAll(): void {
  settingsGeneration++;
  analyzed.clear();
  for (const document of documents.all()) scheduleValidation(document.uri);
}

/** Each edit restarts the wait, so a burst of edits is analysed once, at its final version. */
function scheduleValidation(uri: string): void {
  clearTimeout(pendingValidation.get(uri));
  pendingValidation.set(
    uri,
    setTimeout(() => {
      pendingValidation.delete(uri);
      void validate(uri);
    }, validationDelayMs),
  );
}

async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  const generation = settingsGeneration;
  const settings = await settingsFor(uri);
  const current = documents.get(uri);
  // Newer edits or settings arrived while the settings were fetched; their own validation publishes instead.
  if (!current || current.version !== version || generation !== settingsGeneration) return;
  const state = analyzeDocument(current, settings);
  await connection.sendDiagnostics({ uri, version, diagnostics: [...state.diagnostics] });
}

function analyzeDocument(document: TextDocument, settings: EditorSettings): DocumentState {
  const cached = analyzed.get(document.uri);
  if (cached && cached.version === document.version && cached.generation === settingsGeneration) return cached;
  const text = document.getText();
  const config = mergeConfigs(settings.config, projectConfigFor(document.uri));
  const knowledge = knowledgeFor(document.uri, settings);
  const analysis = analyze(text, {
    knowledge,
    config,
    maxFileSize: settings.maxFileSize,
    onRuleError: (ruleId, error) => connection.console.error(`Rule ${ruleId} failed: ${describeError(error)}`),
  });
  const lines = new LineMap(text);
  const diagnostics = analysis.findings.map((finding) => toDiagnostic(finding, lines, document.uri, ruleDocUri));
  const state: DocumentState = { version: document.version, generation: settingsGeneration, knowledge, analysis, lines, diagnostics };
  analyzed.set(document.uri, state);
  return state;
}

/** Analysis for requests: the cached result for this version and settings, else a fresh one. */
async function stateFor(uri: string): Promise<DocumentState | null> {
  for (;;) {
    const generation = settingsGeneration;
    const settings = await settingsFor(uri);
    const document = documents.get(uri);
    if (!document) return null;
    // Settings changed while they were fetched: fetch the new ones rather than analyse with stale ones.
    if (generation === settingsGeneration) return analyzeDocument(document, settings);
  }
}

function settingsFor(uri: string): Promise<EditorSettings> {
  if (!canPullSettings) return Promise.resolve(DEFAULT_SETTINGS);
  let settings = settingsByUri.get(uri);
  if (!settings) {
    settings = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'imr' })
      .then(
        (section) => {
          const read = readEditorSettings(section);
          for (const problem of read.problems) {
            if (reportedSettingsProblems.has(problem)) continue;
            reportedSettingsProblems.add(problem);
            void connection.window.showWarningMessage(`IMR settings: ${problem}`);
          }
          return read;
        },
        () => DEFAULT_SETTINGS,
      );
    settingsByUri.set(uri, settings);
  }
  return settings;
}

/** Built-in knowledge, or built-in plus the user's `imr.knowledgeFiles`, rebuilt only when a file changes. */
function knowledgeFor(uri: string, settings: EditorSettings): KnowledgeBase {
  if (settings.knowledgeFiles.length === 0) return builtinKnowledge;
  const letterPath = filePathOf(uri);
  const base = letterPath ? workspaceFolderOf(letterPath) ?? dirname(letterPath) : process.cwd();
  const paths = settings.knowledgeFiles.map((path) => resolve(base, path));
  const pathsKey = paths.join('\n');
  const filesKey = knowledgeFilesKey(paths);
  const cached = knowledgeByFiles.get(pathsKey);
  if (cached?.filesKey === filesKey) return cached.knowledge;
  const loaded = loadKnowledgeFiles(paths);
  knowledgeByFiles.set(pathsKey, { filesKey, paths, knowledge: loaded.knowledge });
  watchKnowledgeFiles(paths);
  for (const problem of loaded.problems) {
    if (reportedKnowledgeProblems.has(problem)) continue;
    reportedKnowledgeProblems.add(problem);
    void connection.window.showErrorMessage(`IMR knowledge file not used: ${problem}`);
  }
  return loaded.knowledge;
}

/**
 * Keeps open letters in step with their knowledge files, which can live outside
 * the workspace: the client watches them when it can watch any path (a folder
 * and a pattern); otherwise the server polls their modification time itself.
 */
function watchKnowledgeFiles(paths: readonly string[]): void {
  if (!clientWatchesAnyFile) {
    for (const path of paths) {
      if (polledKnowledgeFiles.has(path)) continue;
      polledKnowledgeFiles.add(path);
      watchFile(path, { interval: KNOWLEDGE_POLL_MS, persistent: false }, () => {
        forgetKnowledgeFile(path);
        revalidateAll();
      });
    }
    return;
  }
  const fresh = paths.filter((path) => !clientWatchedKnowledgeFiles.has(path));
  if (fresh.length === 0) return;
  for (const path of fresh) clientWatchedKnowledgeFiles.add(path);
  const watchers = [...clientWatchedKnowledgeFiles].map((path) => ({
    globPattern: { baseUri: pathToFileURL(dirname(path)).toString(), pattern: globLiteral(basename(path)) },
  }));
  const previous = knowledgeWatchRegistration;
  const registering = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  knowledgeWatchRegistration = registering;
  registering.then(
    // The new registration covers every file the previous one did.
    () => void previous?.then((registration) => registration.dispose(), () => undefined),
    (error: unknown) => {
      for (const path of fresh) clientWatchedKnowledgeFiles.delete(path);
      if (knowledgeWatchRegistration === registering) knowledgeWatchRegistration = previous;
      connection.console.error(`Could not watch knowledge files: ${describeError(error)}`);
    },
  );
}

const KNOWLEDGE_POLL_MS = 2000;

/**
 * Drops every knowledge base built from knowledge files, and stops watching the files, when the
 * settings or workspace folders change: the files named may no longer be the same, and those
 * still named are read and watched again when the open letters are checked.
 */
function forgetAllKnowledgeFiles(): void {
  knowledgeByFiles.clear();
  for (const path of polledKnowledgeFiles) unwatchFile(path);
  polledKnowledgeFiles.clear();
  clientWatchedKnowledgeFiles.clear();
  const registration = knowledgeWatchRegistration;
  knowledgeWatchRegistration = null;
  void registration?.then((watching) => watching.dispose(), () => undefined);
}

/** Drops every knowledge base built from `path`, so that the next analysis reads the file again. */
function forgetKnowledgeFile(path: string | null): void {
  if (path === null) return;
  for (const [pathsKey, entry] of knowledgeByFiles) {
    if (entry.paths.includes(path)) knowledgeByFiles.delete(pathsKey);
  }
}

/** `text` as a glob pattern that matches only itself: each glob character becomes a one-character class. */
function globLiteral(text: string): string {
  return text.replace(/[*?[\]{}]/g, (character) => `[${character}]`);
}

let workspaceFolderPaths: string[] = [];

function workspaceFolderOf(path: string): string | undefined {
  return innermostFolderHolding(path, workspaceFolderPaths);
}

function projectConfigFor(uri: string): LintConfig {
  const letterPath = filePathOf(uri);
  if (!letterPath) return EMPTY_CONFIG;
  const folder = dirname(letterPath);
  if (!configFiles.has(folder)) {
    const path = findConfigFile(letterPath);
    const loaded = path ? loadConfigFile(path) : null;
    configFiles.set(folder, loaded);
    if (loaded) publishConfigProblems(loaded);
  }
  return configFiles.get(folder)?.config ?? EMPTY_CONFIG;
}

/** A broken config file gets its own diagnostics, so the user sees why their settings do not apply. */
function publishConfigProblems(loaded: LoadedConfigFile): void {
  const uri = pathToFileURL(loaded.path).toString();
  if (loaded.problems.length === 0 && !publishedConfigProblems.has(uri)) return;
  publishedConfigProblems.add(uri);
  void connection.sendDiagnostics({ uri, diagnostics: loaded.problems.map(toConfigDiagnostic) });
}

connection.onDocumentSymbol(async (params, token) => {
  const state = await stateFor(params.textDocument.uri);
  throwIfCancelled(token);
  if (!state?.analysis.letter) return null;
  return outline(state.analysis.letter).map((node) => toDocumentSymbol(node, state.lines));
});

connection.onFoldingRanges(async (params, token) => {
  const state = await stateFor(params.textDocument.uri);
  throwIfCancelled(token);
  if (!state?.analysis.letter) return null;
  return toFoldingRanges(foldingSpans(state.analysis.letter), state.lines, state.analysis.letter.text);
});

connection.onHover(async (params, token) => {
  const state = await stateFor(params.textDocument.uri);
  throwIfCancelled(token);
  if (!state?.analysis.letter) return null;
  const hover = hoverAt(state.analysis.letter, state.lines.offsetAt(params.position), state.knowledge);
  if (!hover) return null;
  return { contents: { kind: 'markdown', value: hover.markdown }, range: state.lines.rangeOf(hover.span) };
});

/** A cited section, drug or term leads to its knowledge entry, shown as a read-only virtual document. */
connection.onDefinition(async (params, token) => {
  const state = await stateFor(params.textDocument.uri);
  throwIfCancelled(token);
  if (!state?.analysis.letter) return null;
  const hover = hoverAt(state.analysis.letter, state.lines.offsetAt(params.position), state.knowledge);
  if (!hover?.entry) return null;
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { uri: knowledgeUri(hover.entry, params.textDocument.uri), range };
});

connection.onRequest(KNOWLEDGE_ENTRY_REQUEST, async (params: { uri: string }) => {
  const parsed = knowledgeRefFromUri(params.uri);
  if (!parsed) return null;
  const knowledge = parsed.letterUri ? (await stateFor(parsed.letterUri))?.knowledge ?? builtinKnowledge : builtinKnowledge;
  return renderKnowledgeEntry(knowledge, parsed.ref);
});

connection.onCompletion(async (params, token) => {
  const state = await stateFor(params.textDocument.uri);
  throwIfCancelled(token);
  if (!state?.analysis.letter) return null;
  const offset = state.lines.offsetAt(params.position);
  return completionsAt(state.analysis.letter, offset, state.knowledge).map((entry) => toCompletionItem(entry, state.lines, offset));
});

connection.onCodeAction(async (params, token) => {
  const uri = params.textDocument.uri;
  const state = await stateFor(uri);
  throwIfCancelled(token);
  if (!state?.analysis.letter) return null;
  const only = params.context.only;
  const wantsFixAll = only?.some((kind) => CodeActionKind.SourceFixAll.startsWith(kind) || kind.startsWith(CodeActionKind.SourceFixAll));
  if (wantsFixAll) return fixAllAction(uri, state);
  const start = state.lines.offsetAt(params.range.start);
  const end = state.lines.offsetAt(params.range.end);
  const actions: CodeAction[] = [];
  const suppressions = new Map<string, CodeAction>();
  state.analysis.findings.forEach((finding, index) => {
    if (finding.span.end < start || finding.span.start > end) return;
    const diagnostic = state.diagnostics[index];
    for (const fix of finding.fixes ?? []) actions.push(toCodeAction(fix, finding, diagnostic, uri, state.lines));
    // One "Ignore"/"Disable" per rule and item, however many findings sit in the range.
    for (const action of ignoreCommandActions(uri, finding, diagnostic, state.analysis.letter!)) {
      const key = JSON.stringify(action.command);
      if (!suppressions.has(key)) suppressions.set(key, action);
    }
  });
  return [...actions, ...suppressions.values()];
});

/** Applies every safe fix whose edits do not overlap an earlier one. */
function fixAllAction(uri: string, state: DocumentState): CodeAction[] {
  const edits: { start: number; end: number; newText: string }[] = [];
  const safeFindings: Finding[] = state.analysis.findings.filter((finding) => finding.fixes?.some((fix) => fix.safe));
  for (const finding of safeFindings) {
    const fix = finding.fixes!.find((candidate) => candidate.safe)!;
    const overlaps = fix.edits.some((edit) => edits.some((taken) => edit.span.start < taken.end && taken.start < edit.span.end));
    if (overlaps) continue;
    edits.push(...fix.edits.map((edit) => ({ start: edit.span.start, end: edit.span.end, newText: edit.newText })));
  }
  if (edits.length === 0) return [];
  return [
    {
      title: 'Fix all safe IMR problems',
      kind: CodeActionKind.SourceFixAll + '.imr',
      edit: { changes: { [uri]: edits.map((edit) => ({ range: state.lines.rangeOf(edit), newText: edit.newText })) } },
    },
  ];
}

/** Lets tests and support find the server process (e.g. to check that a crashed server came back). */
connection.onRequest('imr/serverInfo', () => ({ pid: process.pid, version: SERVER_VERSION, memory: process.memoryUsage(), openDocuments: documents.all().length }));

connection.onExecuteCommand(async (params) => {
  try {
    const result = await runIgnoreCommand(params, {
      // Clients without workspace folders get the config beside the letter.
      workspaceFolders: async () => (canListWorkspaceFolders ? ((await connection.workspace.getWorkspaceFolders().catch(() => null)) ?? []) : []),
      showError: (message) => void connection.window.showErrorMessage(message),
    });
    if (result) {
      configFiles.clear();
      revalidateAll();
    }
  } catch (error) {
    connection.console.error(`Command ${params.command} failed: ${describeError(error)}`);
    void connection.window.showErrorMessage(`IMR: the command failed (${describeError(error)}). Nothing was changed.`);
  }
});

// After an unexpected error the server's state is unknown; exiting lets the client restart a clean one.
process.on('uncaughtException', (error) => {
  connection.console.error(`Unexpected error, restarting: ${describeError(error)}`);
  process.exit(1);
});

documents.listen(connection);
connection.listen();
