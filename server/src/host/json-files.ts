import { chmodSync, existsSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { MAX_SETTINGS_FILE_BYTES, readRegularFile } from './read-file';

type JsonObjectRead = { readonly content: Record<string, unknown> } | { readonly problem: string };

/**
 * The JSON object in a settings-like file for a command to update: empty when the file is missing
 * or blank, or why it cannot be updated safely (not JSON, or not an object).
 */
export function readJsonObject(path: string): JsonObjectRead {
  const existing = existsSync(path) ? readRegularFile(path, MAX_SETTINGS_FILE_BYTES, 'utf8') : null;
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

/** One replacement in a JSON text: `[start, end)` becomes `newText`. */
export interface JsonTextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

type JsonListAddition = { readonly edit: JsonTextEdit } | { readonly alreadyThere: true } | { readonly problem: string };

/**
 * How to add an item to the list under `key` of the JSON object in `text` (without a byte-order
 * mark), as one edit that leaves the rest of the text as it was, in its indentation and line ends.
 * `makeItem` sees the list as it stands and returns null when what it would add is there already.
 * The edited text is parsed again before the edit is returned: an edit never leaves invalid JSON.
 */
export function jsonListAddition(text: string, key: string, makeItem: (list: readonly unknown[]) => unknown): JsonListAddition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { problem: 'is not valid JSON' };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { problem: 'is not a JSON object' };
  const list = (parsed as Record<string, unknown>)[key] ?? [];
  if (!Array.isArray(list)) return { problem: `has a "${key}" value that is not a list` };
  const item = makeItem(list);
  if (item === null) return { alreadyThere: true };
  const edit = listEdit(text, key, item);
  const after = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  try {
    const added = (JSON.parse(after) as Record<string, unknown[]>)[key];
    if (added.length === list.length + 1 && JSON.stringify(added[added.length - 1]) === JSON.stringify(item)) return { edit };
  } catch {
    // Reported below, as for a result of the wrong shape.
  }
  return { problem: 'could not be updated without rewriting it' };
}

function listEdit(text: string, key: string, item: unknown): JsonTextEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  const object = scanContainer(text, text.indexOf('{'));
  // The last member of that name is the one JSON.parse keeps.
  const member = [...object.members].reverse().find((candidate) => candidate.key === key);
  if (!member) {
    const value = (indent: string) => `"${key}": [${eol}${indent}${unit}${unit}${indented(item, unit, indent + unit + unit, eol)}${eol}${indent}${unit}]`;
    const last = object.members[object.members.length - 1];
    if (last) return { start: last.end, end: last.end, newText: `,${eol}${lineIndent(text, last.start)}${value(lineIndent(text, last.start).slice(unit.length))}` };
    const indent = lineIndent(text, object.start);
    return { start: object.start + 1, end: object.end - 1, newText: `${eol}${indent}${unit}${value(indent)}${eol}${indent}` };
  }
  const list = scanContainer(text, member.valueStart);
  const last = list.members[list.members.length - 1];
  if (last) {
    const ownLine = /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', last.start - 1) + 1, last.start));
    if (!ownLine) return { start: last.end, end: last.end, newText: `, ${JSON.stringify(item)}` };
    const indent = lineIndent(text, last.start);
    return { start: last.end, end: last.end, newText: `,${eol}${indent}${indented(item, unit, indent, eol)}` };
  }
  const indent = lineIndent(text, member.start);
  return { start: list.start + 1, end: list.end - 1, newText: `${eol}${indent}${unit}${indented(item, unit, indent + unit, eol)}${eol}${indent}` };
}

/** `item` as JSON indented by `unit`, its lines after the first starting with `indent`. */
function indented(item: unknown, unit: string, indent: string, eol: string): string {
  return JSON.stringify(item, null, unit).split('\n').join(eol + indent);
}

/** The whitespace that starts the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

interface ScannedMember {
  /** Where the member starts (its key in an object) and its value ends. */
  readonly start: number;
  readonly end: number;
  readonly key: string | null;
  readonly valueStart: number;
}

/** The members of the object or array that opens at `open` in valid JSON, and where it ends (after its closing bracket). */
function scanContainer(text: string, open: number): { start: number; end: number; members: ScannedMember[] } {
  const members: ScannedMember[] = [];
  const isObject = text[open] === '{';
  let at = skipSpace(text, open + 1);
  while (text[at] !== '}' && text[at] !== ']') {
    const start = at;
    let key: string | null = null;
    if (isObject) {
      const keyEnd = valueEnd(text, at);
      key = JSON.parse(text.slice(at, keyEnd)) as string;
      at = skipSpace(text, skipSpace(text, keyEnd) + 1);
    }
    const valueStart = at;
    at = valueEnd(text, at);
    members.push({ start, end: at, key, valueStart });
    at = skipSpace(text, at);
    if (text[at] === ',') at = skipSpace(text, at + 1);
  }
  return { start: open, end: at + 1, members };
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++;
  return at;
}

/** Where the JSON value starting at `at` ends. */
function valueEnd(text: string, at: number): number {
  const first = text[at];
  if (first === '"') {
    let end = at + 1;
    while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
    return end + 1;
  }
  if (first === '{' || first === '[') return scanContainer(text, at).end;
  let end = at;
  while (end < text.length && !',}] \t\r\n'.includes(text[end])) end++;
  return end;
}
