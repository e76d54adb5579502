import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Worker } from 'node:worker_threads';
import {
  createProtocolConnection,
  PortMessageReader,
  PortMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { SERVER_NODE_ARGS } from '../../client/src/server-node-args';

export const SERVER_PATH = resolve(process.cwd(), 'dist', 'server.js');
export const BROWSER_SERVER_PATH = resolve(process.cwd(), 'dist', 'browser-server.js');

/**
 * Runs the browser server's bundle (built for a web worker) in a Node worker thread, with the
 * little of a web worker's global object it uses: `onmessage`, `postMessage` and `addEventListener`.
 */
const WEB_WORKER_SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
let onmessage = null;
Object.defineProperty(globalThis, 'onmessage', { get: () => onmessage, set: (handler) => { onmessage = handler; } });
globalThis.postMessage = (message) => parentPort.postMessage(message);
globalThis.addEventListener = () => {};
parentPort.on('message', (data) => onmessage && onmessage({ data }));
require(workerData.bundle);
`;

/** A real LSP client talking to `dist/server.js --stdio`, as another editor would. */
export class TestClient {
  readonly connection: ProtocolConnection;
  /** The Node server's process; for the browser server, a stand-in whose `kill` ends its worker thread. */
  readonly process: ChildProcess;
  private readonly diagnosticWaiters: { uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  stderr = '';

  private constructor(nodeArgs: readonly string[], env: NodeJS.ProcessEnv | undefined, webWorker: boolean) {
    if (webWorker) {
      const worker = new Worker(WEB_WORKER_SHIM, { eval: true, workerData: { bundle: BROWSER_SERVER_PATH }, stderr: true });
      worker.stderr.on('data', (chunk) => (this.stderr += chunk));
      this.process = { exitCode: null, kill: () => void worker.terminate() } as unknown as ChildProcess;
      this.connection = createProtocolConnection(new PortMessageReader(worker as never), new PortMessageWriter(worker as never));
    } else {
      this.process = spawn(process.execPath, [...SERVER_NODE_ARGS, ...nodeArgs, SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: env ?? process.env });
      this.process.stderr!.on('data', (chunk) => (this.stderr += chunk));
      this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    }
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      for (let i = this.diagnosticWaiters.length - 1; i >= 0; i--) {
        const waiter = this.diagnosticWaiters[i];
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.diagnosticWaiters.splice(i, 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    // The protocol's misspelt field name, as the specification has it.
    this.connection.onRequest('client/unregisterCapability', (params: { unregisterations: { id: string }[] }) => {
      const ids = new Set(params.unregisterations.map((unregistration) => unregistration.id));
      for (let i = this.registrations.length - 1; i >= 0; i--) if (ids.has(this.registrations[i].id)) this.registrations.splice(i, 1);
      return null;
    });
    this.connection.onRequest('workspace/workspaceFolders', () => this.workspaceFolders);
    this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.messages.push(params);
    });
    this.connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      this.messages.push(params);
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      this.progress.push({ token: params.token, value: { kind: 'create' } });
      return null;
    });
    this.connection.onNotification('$/progress', (params: { token: string | number; value: { kind: string; message?: string; percentage?: number } }) => {
      this.progress.push(params);
    });
    this.connection.listen();
  }

  settings: unknown = {};
  workspaceFolders: { uri: string; name: string }[] = [];
  /** Capabilities the server registered after start-up and has not unregistered (file watchers, for one). */
  readonly registrations: Registration[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: string[] = [];
  /** Work-done progress the server created and reported, in order. */
  readonly progress: { token: string | number; value: { kind: string; message?: string; percentage?: number; title?: string; cancellable?: boolean } }[] = [];
  /** What the server answered to `initialize`: its capabilities. */
  initializeResult!: InitializeResult;

  static async start(
    options: {
      settings?: unknown;
      rootUri?: string | null;
      initializationOptions?: unknown;
      nodeArgs?: readonly string[];
      env?: NodeJS.ProcessEnv;
      /** False for a client that cannot watch files the server names (no dynamic registration of watchers). */
      watchesFiles?: boolean;
      /** False for a client whose workspace edits cannot create files. */
      createsFiles?: boolean;
      /** Talk to the browser server (dist/browser-server.js) in a worker thread instead of the Node server. */
      webWorker?: boolean;
    } = {},
  ): Promise<TestClient> {
    const client = new TestClient(options.nodeArgs ?? [], options.env, options.webWorker === true);
    if (options.settings !== undefined) client.settings = options.settings;
    client.workspaceFolders = options.rootUri ? [{ uri: options.rootUri, name: 'root' }] : [];
    client.initializeResult = await client.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          applyEdit: true,
          workspaceEdit: options.createsFiles === false ? { documentChanges: false } : { documentChanges: true, resourceOperations: ['create'] },
          didChangeWatchedFiles: options.watchesFiles === false ? undefined : { dynamicRegistration: true, relativePatternSupport: true },
        },
        window: { workDoneProgress: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          synchronization: { dynamicRegistration: false },
          codeAction: { disabledSupport: true },
        },
      },
      workspaceFolders: client.workspaceFolders.length > 0 ? client.workspaceFolders : null,
      initializationOptions: options.initializationOptions,
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'imr', version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `accept`, or rejects after `timeoutMs`. */
  diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const already = this.published.find((params) => params.uri === uri && accept(params));
    if (already) return Promise.resolve(already);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.diagnosticWaiters.push({
        uri,
        accept,
        resolve: (params) => {
          clearTimeout(timer);
          resolvePromise(params);
        },
      });
    });
  }

  /** Adds a workspace folder and tells the server, as an editor does when the user adds one. */
  addWorkspaceFolder(uri: string, name = uri): Promise<void> {
    const folder = { uri, name };
    this.workspaceFolders.push(folder);
    return this.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
  }

  /** Replaces the settings the client answers with and tells the server, as an editor does when the user edits them. */
  settingsChanged(settings: unknown): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** Tells the server files changed on disk (type 2 = changed), as an editor's file watcher does. */
  filesChanged(uris: readonly string[]): Promise<void> {
    return this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: uris.map((uri) => ({ uri, type: 2 })) });
  }

  /**
   * Applies a workspace edit to the files on disk, as an editor does that saves what it edits:
   * text edits, in `changes` or `documentChanges`, and file creations (which fail on an existing file).
   */
  applyEdit(edit: WorkspaceEdit): void {
    const editFile = (uri: string, edits: readonly TextEdit[]) => {
      const path = fileURLToPath(uri);
      const document = TextDocument.create(uri, 'json', 1, readFileSync(path, 'utf8'));
      writeFileSync(path, TextDocument.applyEdits(document, [...edits]));
    };
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) editFile(uri, edits);
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind !== 'create' || existsSync(fileURLToPath(change.uri))) throw new Error(`cannot apply this ${change.kind}`);
        writeFileSync(fileURLToPath(change.uri), '');
      } else {
        editFile(change.textDocument.uri, change.edits as TextEdit[]);
      }
    }
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; the kill below makes sure.
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
