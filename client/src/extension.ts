import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient, deactivateClient, type ExtensionApi } from './activate';
import { SERVER_NODE_ARGS } from './server-node-args';

/** The desktop extension: the language server runs in a Node process (dist/server.js). */
export function activate(context: ExtensionContext): Promise<ExtensionApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6011'] } },
  };
  return activateClient(context, { files: true, createClient: (id, name, options) => new LanguageClient(id, name, serverOptions, options) });
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
