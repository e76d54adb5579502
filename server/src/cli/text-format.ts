import type { FileResult } from './lint-file';

/** Compiler-style lines, `path:line:col severity code message`, with one-based line and column. */
export function formatText(result: FileResult, path: string): string {
  let out = '';
  if (result.outline?.length) {
    out += `${path}\n`;
    for (const node of result.outline) {
      out += `${'  '.repeat(node.depth + 1)}${node.name}${node.detail ? ` — ${node.detail}` : ''}  (line ${node.line + 1})\n`;
    }
  }
  for (const diagnostic of result.diagnostics) {
    const { line, character } = diagnostic.range.start;
    out += `${path}:${line + 1}:${character + 1} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}\n`;
  }
  if (result.outline?.length) out += '\n';
  return out;
}
