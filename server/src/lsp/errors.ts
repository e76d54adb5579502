import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** A cancelled request gets the protocol's "cancelled" answer rather than a stale or empty result. */
export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/** Error descriptions for the log; they never include document text. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}${error.stack ? `\n${error.stack}` : ''}`;
  return String(error);
}
