import type { FileResult } from './lint-file';
import { showControls } from '../text/quote';

/**
 * Compiler-style lines, `path:line:col severity code message`, with one-based line and column. Control
 * characters of the letter's text or the file's name are shown, not sent to the terminal.
 */
export function formatText(result: FileResult, shownPath: string): string {
  let out = '';
  const path = showControls(shownPath);
  if (result.outline?.length) {
    out += `${path}\n`;
    for (const node of result.outline) {
      out += `${'  '.repeat(node.depth + 1)}${showControls(node.name)}${node.detail ? ` — ${showControls(node.detail)}` : ''}  (line ${node.line + 1})\n`;
    }
  }
  for (const diagnostic of result.diagnostics) {
    const { line, character } = diagnostic.range.start;
    out += `${path}:${line + 1}:${character + 1} ${diagnostic.severity} ${diagnostic.code} ${showControls(diagnostic.message)}\n`;
  }
  if (result.outline?.length) out += '\n';
  return out;
}
