import { Uri, workspace, type ExtensionContext } from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports, type ServerOptions } from 'vscode-languageclient/browser';
import { activateClient, deactivateClient, type ExtensionApi } from './activate';

type WebWorker = Exclude<ServerOptions, () => unknown>;
/** A web worker, as the browser gives it (the extension's types leave the DOM out). */
const WebWorker = (globalThis as unknown as { Worker: new (url: string) => WebWorker }).Worker;

/**
 * The server's worker, started from the script's text, and the transports over its messages: an extension served by a VS Code server
 * (code-server, Codespaces) has a `vscode-remote:` address a worker cannot be started from, so the
 * script is read through the editor's file system and handed over as a blob, which works everywhere.
 */
async function serverTransports(script: Uri): Promise<MessageTransports> {
  const source = await workspace.fs.readFile(script);
  const worker = new WebWorker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  // The transports are made here: the extension host replaces the Worker constructor, so the
  // client's own "is it a Worker?" test would not recognise this one.
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

/**
 * The web extension (VS Code for the Web): the language server runs in a web worker
 * (dist/browser-server.js) with the same analysis; what needs files on disk is not available.
 */
export function activate(context: ExtensionContext): Promise<ExtensionApi> {
  const serverUri = Uri.joinPath(context.extensionUri, 'dist', 'browser-server.js');
  return activateClient(context, {
    files: false,
    createClient: (id, name, options) => new LanguageClient(id, name, () => serverTransports(serverUri), options),
    // The rule pages ship with the extension; diagnostics link to them there.
    initializationOptions: { ruleDocsUri: `${Uri.joinPath(context.extensionUri, 'docs', 'rules').toString()}/` },
  });
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
