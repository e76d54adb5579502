import {
  commands,
  ConfigurationTarget,
  Range,
  SnippetString,
  languages,
  Uri,
  window,
  workspace,
  type ExtensionContext,
  type OutputChannel,
  type TextDocument,
  type TextDocumentContentProvider,
} from 'vscode';
import { CloseAction, ErrorAction, type BaseLanguageClient, type CloseHandlerResult, type ErrorHandlerResult, type LanguageClientOptions } from 'vscode-languageclient';
import { ADD_KNOWLEDGE_FILE_REQUEST, KNOWLEDGE_ENTRY_REQUEST, KNOWLEDGE_SCHEME, SAVE_KNOWLEDGE_FILE_REQUEST } from '../../server/src/lsp/knowledge-documents';
import { looksLikeLetterStart } from '../../server/src/letter/first-line';
import { LetterStatusBar } from './status-bar';
import { LINT_WORKSPACE_REQUEST } from '../../server/src/lsp/requests';
import { exportSummary } from './export-summary';
import { showQaReport } from './qa-report';

const CLIENT_ID = 'imr';
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

let client: BaseLanguageClient | undefined;

/** What differs between the desktop extension (a Node server) and the web one (a web worker). */
interface ClientHost {
  /** Where the language server runs: a Node process, or a web worker. */
  createClient(id: string, name: string, options: LanguageClientOptions): BaseLanguageClient;
  /** False in the browser, whose server has no files: no watchers, and no commands that read the workspace's files. */
  readonly files: boolean;
  /** Options the host's server needs besides the shared ones (the web worker's rule-page folder). */
  readonly initializationOptions?: Record<string, unknown>;
}

export interface ExtensionApi {
  readonly client: BaseLanguageClient | undefined;
  /** How many times the user was told the server had stopped (tests check it is once). */
  restartNotices(): number;
  /** How long `activate()` took, for the benchmarks. */
  readonly activationMs: number;
  /** The status bar's text for the active letter, or undefined when it is hidden (for tests). */
  statusBarText(): string | undefined;
  /** How many times the user was told of Restricted Mode (tests check it is once). */
  restrictedNotices(): number;
}

let restartNotices = 0;

export async function activateClient(context: ExtensionContext, host: ClientHost): Promise<ExtensionApi> {
  const activationStarted = performance.now();
  const output = window.createOutputChannel('IMR Letters', { log: true });
  context.subscriptions.push(output);

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'imr' },
      { scheme: 'untitled', language: 'imr' },
      // A virtual folder's letters (a repository opened without cloning it): the server gets their text.
      ...[...new Set((workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme))]
        .filter((scheme) => scheme !== 'file' && scheme !== 'untitled')
        .map((scheme) => ({ scheme, language: 'imr' })),
    ],
    synchronize: {
      configurationSection: 'imr',
      // Config files; letters, so that findings Lint Workspace listed for a closed letter follow its
      // file; and deletions of anything, since a deleted or renamed folder is reported as the folder
      // alone, not as the letters in it.
      fileEvents: host.files
        ? [
            workspace.createFileSystemWatcher('**/.imrlintrc.json'),
            workspace.createFileSystemWatcher('**/*.{imr,txt}'),
            workspace.createFileSystemWatcher('**/*', true, true, false),
          ]
        : [],
    },
    outputChannel: output,
    errorHandler: restartingErrorHandler(output),
    // Read at every start: in Restricted Mode the server ignores what the workspace supplies.
    initializationOptions: () => ({ ...host.initializationOptions, workspaceTrusted: workspace.isTrusted }),
  };

  client = host.createClient(CLIENT_ID, 'IMR Language Server', clientOptions);
  const languageClient = client;
  languageClient.onRequest(ADD_KNOWLEDGE_FILE_REQUEST, (params: { folderUri: string | null; path: string }) => addKnowledgeFileSetting(params) as Promise<unknown>);
  languageClient.onRequest(SAVE_KNOWLEDGE_FILE_REQUEST, (params: { uri: string }) => saveKnowledgeFile(params.uri) as Promise<unknown>);
  // The extension also wakes for plain-text files; the server starts only once a letter is open.
  let started: Promise<void> | undefined;
  const start = () => {
    started ??= languageClient
      .start()
      .then(() => {
        // Which server answered (the Node process or the web worker), for support and the web screen check.
        const info = languageClient.initializeResult?.serverInfo;
        output.info(`Language server started: ${info?.name ?? 'unknown'} ${info?.version ?? ''}`.trimEnd());
      })
      .catch((error: unknown) => {
        // Forget the failed start so the next letter (or the restart command) tries again.
        started = undefined;
        output.error(`The IMR language server could not start: ${error instanceof Error ? error.message : String(error)}`);
      });
    return started;
  };
  // A new server process or worker: the old one stops first (what the Node client's restart() does).
  const restart = async () => {
    await languageClient.stop();
    await languageClient.start();
  };
  const startForLetters = (document: TextDocument) => {
    if (document.languageId === 'imr') {
      void start();
      tellOfRestrictedMode();
    }
    else
      claimPlainTextLetter(document).catch((error: unknown) =>
        output.warn(`Could not switch a plain-text letter to IMR: ${error instanceof Error ? error.message : String(error)}`),
      );
  };
  context.subscriptions.push(
    commands.registerCommand('imr.restartServer', async () => {
      output.info('Restarting the language server on request.');
      if (started && languageClient.isRunning()) await restart();
      else await start();
    }),
    commands.registerCommand('imr.showOutput', () => output.show(true)),
    commands.registerCommand('imr.newLetter', () => openNewLetter(context)),
    commands.registerCommand('imr.lintWorkspace', async () => {
      if (!host.files) return needsFiles('IMR: Lint Workspace');
      await start();
      // Sent with params: a request without them hands the server's handler no cancellation token.
      return languageClient.sendRequest(LINT_WORKSPACE_REQUEST, {});
    }),
    // The language server is the imr documents' formatter; this names what it does.
    commands.registerCommand('imr.normaliseLetter', () => commands.executeCommand('editor.action.formatDocument')),
    commands.registerCommand('imr.showQaReport', async () => {
      if (!host.files) return needsFiles('IMR: Show QA Report');
      await start();
      await showQaReport(languageClient, () => started);
    }),
    commands.registerCommand('imr.exportSummary', (given?: { scope?: 'letter' | 'workspace'; format?: string; target?: Uri }) =>
      host.files ? exportSummary(languageClient, () => started, given) : needsFiles('IMR: Export Summary'),
    ),
    workspace.registerTextDocumentContentProvider(KNOWLEDGE_SCHEME, knowledgeDocuments()),
    workspace.onDidOpenTextDocument(startForLetters),
    // Trusted now: a new server reads the folder's .imrlintrc.json and knowledge files.
    workspace.onDidGrantWorkspaceTrust(async () => {
      if (started && languageClient.isRunning()) await restart();
    }),
  );
  // The commands that read the workspace's files leave the Command Palette where there are none.
  if (!host.files) void commands.executeCommand('setContext', 'imr.withoutFiles', true);
  const statusBar = new LetterStatusBar(languageClient, () => started);
  context.subscriptions.push(statusBar);
  workspace.textDocuments.forEach(startForLetters);
  await started;
  return {
    client,
    restartNotices: () => restartNotices,
    activationMs: performance.now() - activationStarted,
    statusBarText: () => statusBar.text,
    restrictedNotices: () => restrictedNotices,
  };
}

/** In the browser, a command that reads the workspace's files says why it does nothing. */
function needsFiles(command: string): undefined {
  void window.showInformationMessage(`${command} needs the desktop extension: in the browser the IMR language server cannot read the workspace's files. Open letters are still checked.`);
  return undefined;
}

let restrictedNotices = 0;

/**
 * In Restricted Mode letters are still checked, but with the built-in knowledge and the user's own
 * settings only: the folder's .imrlintrc.json and knowledge files could change what the checks say.
 * The user is told once, when the first letter opens.
 */
function tellOfRestrictedMode(): void {
  if (workspace.isTrusted || restrictedNotices > 0) return;
  restrictedNotices++;
  const manage = 'Manage Workspace Trust';
  void window
    .showInformationMessage(
      "IMR Letters is in Restricted Mode: letters are checked with the built-in knowledge and your own settings. This folder's .imrlintrc.json, knowledge files and settings that change the checks are ignored until you trust it.",
      manage,
    )
    .then((choice) => (choice === manage ? commands.executeCommand('workbench.trust.manage') : undefined));
}

/** The name of the whole-letter snippet in `snippets/imr.code-snippets`, which is also the template of a new letter. */
const LETTER_SNIPPET = 'Determination letter';

/** An untitled letter from the template, with its placeholders as tab stops. */
async function openNewLetter(context: ExtensionContext): Promise<void> {
  const file = Uri.joinPath(context.extensionUri, 'snippets', 'imr.code-snippets');
  const snippets = JSON.parse(new TextDecoder().decode(await workspace.fs.readFile(file))) as Record<string, { body: string[] }>;
  const document = await workspace.openTextDocument({ language: 'imr', content: '' });
  const editor = await window.showTextDocument(document);
  await editor.insertSnippet(new SnippetString(snippets[LETTER_SNIPPET].body.join('\n')));
}

/** A `.txt` file that opens like a determination letter becomes an `imr` document. */
async function claimPlainTextLetter(document: TextDocument): Promise<void> {
  if (document.languageId !== 'plaintext' || document.uri.scheme === 'output') return;
  if (!looksLikeLetterStart(document.getText(document.validateRange(new Range(0, 0, 0, 500))))) return;
  await languages.setTextDocumentLanguage(document, 'imr');
}

export async function deactivateClient(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/**
 * The server's "add this drug to a knowledge file" quick fix created the file: name it in
 * `imr.knowledgeFiles`, for the folder (the workspace when it has one folder) or, for a letter
 * outside any folder, in the user's settings.
 */
async function addKnowledgeFileSetting(params: { folderUri: string | null; path: string }): Promise<boolean> {
  const folder = params.folderUri ? workspace.getWorkspaceFolder(Uri.parse(params.folderUri)) : undefined;
  const settings = workspace.getConfiguration('imr', folder?.uri);
  const files = settings.get<string[]>('knowledgeFiles') ?? [];
  if (files.includes(params.path)) return true;
  const target = !folder ? ConfigurationTarget.Global : (workspace.workspaceFolders?.length ?? 0) > 1 ? ConfigurationTarget.WorkspaceFolder : ConfigurationTarget.Workspace;
  await settings.update('knowledgeFiles', [...files, params.path], target);
  return true;
}

/**
 * The quick fix's edit of a knowledge file leaves it unsaved in the editor (refactoring auto-save
 * covers edits of several files only): save it, so that the server reads the new entry.
 */
async function saveKnowledgeFile(uri: string): Promise<boolean> {
  const document = workspace.textDocuments.find((candidate) => candidate.uri.toString() === Uri.parse(uri).toString());
  return document?.isDirty ? document.save() : true;
}

/** Read-only documents for "Go to Definition" on a citation, drug or term; the server renders them. */
function knowledgeDocuments(): TextDocumentContentProvider {
  return {
    async provideTextDocumentContent(uri: Uri): Promise<string> {
      const markdown = await client?.sendRequest<string | null>(KNOWLEDGE_ENTRY_REQUEST, { uri: uri.toString() });
      return markdown ?? 'This knowledge entry is not available.';
    },
  };
}

/**
 * Restarts a crashed server and says so once; gives up (and says so) only when
 * it keeps crashing, so a broken build never loops forever.
 */
function restartingErrorHandler(output: OutputChannel) {
  const crashTimes: number[] = [];
  let toldUser = false;
  return {
    error(): ErrorHandlerResult {
      return { action: ErrorAction.Continue };
    },
    closed(): CloseHandlerResult {
      const now = Date.now();
      crashTimes.push(now);
      while (crashTimes.length && now - crashTimes[0] > RESTART_WINDOW_MS) crashTimes.shift();
      if (crashTimes.length > MAX_RESTARTS) {
        const message = `The IMR language server stopped ${crashTimes.length} times in a few minutes and will not be restarted. Run "IMR: Restart Language Server" after checking the "IMR Letters" output.`;
        output.appendLine(message);
        return { action: CloseAction.DoNotRestart, message };
      }
      output.appendLine('The IMR language server stopped unexpectedly; restarting it.');
      if (!toldUser) {
        toldUser = true;
        restartNotices++;
        void window.showWarningMessage('The IMR language server stopped unexpectedly and was restarted.');
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
