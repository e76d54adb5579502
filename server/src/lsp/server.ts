import { createConnection, FileChangeType, TextDocuments } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from '../host/config-file';
import { RuleDocLinks } from '../host/rule-docs';
import { WorkspaceConfig } from '../host/workspace-config';
import { CODE_ACTION_CAPABILITIES, registerCodeActions } from './code-actions';
import { Configuration } from './configuration';
import { filePathOf } from './file-uris';
import { CHECKED_TEXT_DOCUMENTS, LetterDocuments } from './documents';
import { describeError } from './errors';
import { FEATURE_CAPABILITIES, registerFeatures } from './features';
import { KnowledgeFiles } from './knowledge';
import { findLetterFiles, hasLetterExtension } from '../host/letter-walk';
import { WorkspaceLint } from './workspace-lint';
import { TOOL_VERSION } from '../engine/version';

/*
 * The language server's entry: it creates the connection and the objects that hold the
 * server's state, once, and wires them together. Each concern lives in its own file:
 * documents.ts (open letters, validation, diagnostics), configuration.ts (settings and
 * .imrlintrc.json), knowledge.ts (knowledge files), code-actions.ts (fixes and commands)
 * features.ts (outline, folding, hover, definition, completion, semantic tokens, formatting,
 * status) and workspace-lint.ts (Lint Workspace, the workspace's export and QA report).
 */

const connection = createConnection();
const textDocuments = new TextDocuments(CHECKED_TEXT_DOCUMENTS);
const workspace = new WorkspaceConfig();
const configuration = new Configuration(connection, workspace);
const knowledge = new KnowledgeFiles(connection, workspace);
const documents = new LetterDocuments(connection, textDocuments, configuration, knowledge, new RuleDocLinks().uriOf);
registerFeatures(connection, documents, knowledge);
const workspaceLint = new WorkspaceLint(connection, documents, configuration, async (folders) => findLetterFiles(folders));
workspaceLint.register();
textDocuments.onDidClose((event) => workspaceLint.documentClosed(event.document.uri));
const codeActions = registerCodeActions(connection, documents, configuration, knowledge);

connection.onInitialize((params) => {
  configuration.initialize(params);
  knowledge.initialize(params);
  documents.initialize(params);
  codeActions.initialize(params);
  return {
    capabilities: {
      ...FEATURE_CAPABILITIES,
      ...CODE_ACTION_CAPABILITIES,
      workspace: { workspaceFolders: { supported: true, changeNotifications: configuration.followsWorkspaceFolders } },
    },
    serverInfo: { name: 'imr-language-server', version: TOOL_VERSION },
  };
});

connection.onInitialized(() => configuration.initialized());

/** Settings, and the knowledge files they name, are read again for every open letter, which is then checked again. */
function checkAgainWithNewSettings(): void {
  configuration.forgetSettings();
  knowledge.forgetAll();
  documents.revalidateAll();
  void workspaceLint.relintAll();
}

connection.onDidChangeConfiguration(() => checkAgainWithNewSettings());
// Settings are scoped by folder, and relative knowledge files are read from the letter's folder.
configuration.onDidChangeWorkspaceFolders(() => checkAgainWithNewSettings());

// Config files, knowledge files once the knowledge concern has registered them, letters (for the
// findings Lint Workspace listed), and deleted folders. A letter's change touches only that letter;
// a config or knowledge file's change re-checks everything; a deleted folder takes the listed
// findings of the letters in it, and re-checks everything when config or knowledge files were in it.
connection.onDidChangeWatchedFiles((params) => {
  let settingsChanged = false;
  for (const change of params.changes) {
    const deleted = change.type === FileChangeType.Deleted;
    const path = filePathOf(change.uri);
    if (hasLetterExtension(change.uri)) {
      void workspaceLint.fileChanged(change.uri, deleted);
    } else if (isConfigFile(change.uri) || (path !== null && knowledge.watches(path))) {
      knowledge.forgetFile(path);
      settingsChanged = true;
    } else if (deleted && path !== null) {
      // Perhaps a folder, reported alone: config and knowledge files in it go with it.
      if (knowledge.forgetFilesUnder(path) || configuration.readsConfigUnder(path)) settingsChanged = true;
    }
    if (deleted) void workspaceLint.folderDeleted(change.uri);
  }
  if (!settingsChanged) return;
  configuration.forgetConfigFiles();
  documents.revalidateAll();
  void workspaceLint.relintAll();
});
/** `.imrlintrc.json`, wherever it is. */
function isConfigFile(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`);
}

knowledge.onDidChange(() => {
  documents.revalidateAll();
  void workspaceLint.relintAll();
});

/** Lets tests and support find the server process (e.g. to check that a crashed server came back). */
connection.onRequest('imr/serverInfo', () => ({ pid: process.pid, version: TOOL_VERSION, memory: process.memoryUsage(), openDocuments: textDocuments.all().length }));

// After an unexpected error the server's state is unknown; exiting lets the client restart a clean one.
process.on('uncaughtException', (error) => {
  connection.console.error(`Unexpected error, restarting: ${describeError(error)}`);
  process.exit(1);
});

textDocuments.listen(connection);
connection.listen();
