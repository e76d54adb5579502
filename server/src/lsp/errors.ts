import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';

/** A cancelled request gets the protocol's "cancelled" answer rather than a stale or empty result. */
export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/** Error descriptions for the log; they never include document text. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}${error.stack ? `\n${error.stack}` : ''}`;
  return String(error);
}

/** Pop-ups one batch of problems may open; the rest go to the log, with one pop-up that says so. */
const MAX_POPUPS = 3;

/**
 * Tells the user of a batch of problems (with a settings file or list) without a flood: the first
 * few as pop-ups of `kind`, each with `prefix`; the others in the server's log, counted in one more.
 */
export function showProblems(connection: Connection, kind: 'error' | 'warning', prefix: string, problems: readonly string[]): void {
  const show = kind === 'error' ? (message: string) => connection.window.showErrorMessage(message) : (message: string) => connection.window.showWarningMessage(message);
  for (const problem of problems.slice(0, MAX_POPUPS)) void show(`${prefix}${problem}`);
  if (problems.length <= MAX_POPUPS) return;
  for (const problem of problems.slice(MAX_POPUPS)) connection.console.warn(`${prefix}${problem}`);
  void show(`${prefix}${problems.length - MAX_POPUPS} more problems; see the IMR language server's output.`);
}
