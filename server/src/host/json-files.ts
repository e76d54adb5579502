import { chmodSync, existsSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

export type JsonObjectRead = { readonly content: Record<string, unknown> } | { readonly problem: string };

/**
 * The JSON object in a settings-like file for a command to update: empty when the file is missing
 * or blank, or why it cannot be updated safely (not JSON, or not an object).
 */
export function readJsonObject(path: string): JsonObjectRead {
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (existing === null || existing.trim() === '') return { content: {} };
  try {
    const parsed: unknown = JSON.parse(existing.replace(/^\uFEFF/, ''));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { content: parsed as Record<string, unknown> };
  } catch {
    // The same answer as for JSON of the wrong shape.
  }
  return { problem: 'is not valid JSON' };
}

/**
 * Writes beside the real file and renames over it, so a crash mid-write never
 * leaves a truncated file; a symlinked file stays a symlink and keeps its mode.
 */
export function writeFileSafely(path: string, text: string): void {
  const target = existsSync(path) ? realpathSync(path) : path;
  const mode = existsSync(target) ? statSync(target).mode : undefined;
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    if (mode !== undefined) chmodSync(temporary, mode);
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}
