/**
 * Requests of this server's own, beyond the protocol, that the extension's client sends. Kept in a
 * module of their own, with no imports, so that the client's bundle takes only these names.
 */

/** The status bar's figures for an open letter: `{ uri }` → `LetterStatus | null` (null: not a letter, or not open). */
export const LETTER_STATUS_REQUEST = 'imr/letterStatus';

/**
 * The summary table: `{ letters?: { uri, file }[], workspace?: boolean, format }` → the table's
 * text. `letters` are open letters, each with the name the table shows for it; `workspace` adds
 * every letter of the workspace folders (with work-done progress, cancellable).
 */
export const EXPORT_SUMMARY_REQUEST = 'imr/exportSummary';

/**
 * Lint Workspace: every letter under the workspace folders is analysed and its findings published;
 * no params → `WorkspaceLintResult`. The server reports work-done progress, which can be cancelled,
 * as can the request.
 */
export const LINT_WORKSPACE_REQUEST = 'imr/lintWorkspace';

/** The QA report of every letter in the workspace, as one HTML page: no params → the page. Progress as Lint Workspace's. */
export const QA_REPORT_REQUEST = 'imr/qaReport';
