import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ConfigProblem } from '../engine/config';
import { describeConfigProblem } from '../host/config-file';

/*
 * What the Node server needs to relate URIs to files on disk; the browser server has no files.
 */

/** A problem in a config file, shown on the file's first character, where the user opens it. */
export function toConfigDiagnostic(problem: ConfigProblem): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    severity: DiagnosticSeverity.Error,
    source: 'imr',
    code: 'config',
    message: describeConfigProblem(problem),
  };
}

/** The file path of a `file:` URI; null for any other (an unsaved or virtual document) and for a malformed one. */
export function filePathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** The file paths of those of `uris` that have one. */
export function filePathsOf(uris: readonly string[]): string[] {
  return uris.map(filePathOf).filter((path): path is string => path !== null);
}
