import { BrowserMessageReader, BrowserMessageWriter, createConnection, TextDocuments } from 'vscode-languageserver/browser';
import { loadKnowledge } from '../knowledge';
import { CHECKED_TEXT_DOCUMENTS, LetterDocuments, type LetterKnowledge } from './documents';
import { EditorSettingsSource } from './editor-settings';
import { FEATURE_CAPABILITIES, registerFeatures } from './features';
import { TOOL_VERSION } from '../engine/version';

/*
 * The language server in a web worker (VS Code for the Web): the same analysis, rules, embedded
 * knowledge and editor features as the Node server (server.ts), over the worker's messages. What
 * needs files on disk is not here: .imrlintrc.json, knowledge files, Lint Workspace and its
 * exports, and the quick fixes that write files. Rule pages are linked where the client says they are.
 * esbuild bundles this for the browser and fails on any Node built-in.
 */

// In a worker, the global object is the port the editor's messages arrive on.
const worker = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
const textDocuments = new TextDocuments(CHECKED_TEXT_DOCUMENTS);
const settings = new EditorSettingsSource(connection);
const builtin = loadKnowledge();
const knowledge: LetterKnowledge = { builtin, knowledgeFor: () => builtin };
// Rule pages are linked under the folder the client names (`ruleDocsUri`): the extension's docs/rules/.
const documents = new LetterDocuments(connection, textDocuments, settings, knowledge);
registerFeatures(connection, documents, knowledge);

connection.onInitialize((params) => {
  settings.initialize(params);
  documents.initialize(params);
  return { capabilities: FEATURE_CAPABILITIES, serverInfo: { name: 'imr-language-server (web worker)', version: TOOL_VERSION } };
});

connection.onDidChangeConfiguration(() => {
  settings.forgetSettings();
  documents.revalidateAll();
});

textDocuments.listen(connection);
connection.listen();
