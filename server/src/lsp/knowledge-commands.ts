import { existsSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type Diagnostic,
  type ExecuteCommandParams,
  type WorkspaceEdit,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { describeFsError } from '../host/fs-errors';
import { MAX_KNOWLEDGE_FILE_BYTES, readRegularFile } from '../host/read-file';
import { jsonListAddition, writeFileSafely, type JsonTextEdit } from '../host/json-files';
import { innermostFolderHolding } from '../host/paths';
import type { DrugClass } from '../knowledge/types';
import type { Letter } from '../letter/model';
import { unknownDrug } from '../rules/unknown-drug';
import type { Finding } from '../rules/types';
import { LineMap } from '../text/line-map';
import { filePathsOf } from './file-uris';

/** Runs after the quick fix's edit: names a new file in the settings and checks the open letters again. */
export const KNOWLEDGE_FILE_EDITED = 'imr.knowledgeFileEdited';
/** Where a drug goes when `imr.knowledgeFiles` names no file yet: this file in the workspace folder, added to the setting. */
const DEFAULT_KNOWLEDGE_FILE = 'imr-knowledge.json';
/** The classes a quick fix offers: those the checks act on, and "other". */
const OFFERED_CLASSES: Readonly<DrugClass[]> = ['opioid', 'muscle relaxant', 'benzodiazepine', 'NSAID', 'anti-epilepsy', 'topical', 'other'];

/** The knowledge file an unknown drug would be added to, as it is on disk now. */
export interface KnowledgeTarget {
  readonly path: string;
  /** Its text without a byte-order mark, or null when it does not exist yet. */
  readonly text: string | null;
  /** Why it cannot be read, when it exists but cannot. */
  readonly unreadable: string | null;
  /** Whether `imr.knowledgeFiles` names it already; if not, the fix adds it there. */
  readonly named: boolean;
  /** The workspace folder holding the letter, whose settings name the file. */
  readonly folder: string | null;
}

interface KnowledgeTargetHost {
  /** The knowledge files `imr.knowledgeFiles` names for the letter, as absolute paths. */
  knowledgeFiles(letterUri: string): Promise<readonly string[]>;
  workspaceFolders(): Promise<readonly WorkspaceFolder[]>;
}

/**
 * The first file of `imr.knowledgeFiles` for the letter, or a new `imr-knowledge.json` in its
 * workspace folder (beside the letter outside any folder).
 */
export async function knowledgeTarget(letterUri: string, host: KnowledgeTargetHost): Promise<KnowledgeTarget> {
  const configured = await host.knowledgeFiles(letterUri);
  const letterPath = fileURLToPath(letterUri);
  const folder = innermostFolderHolding(letterPath, filePathsOf((await host.workspaceFolders()).map((entry) => entry.uri)));
  const path = configured[0] ?? join(folder ?? dirname(letterPath), DEFAULT_KNOWLEDGE_FILE);
  const named = configured.length > 0;
  try {
    return { path, text: existsSync(path) ? readRegularFile(path, MAX_KNOWLEDGE_FILE_BYTES, 'utf8').replace(/^\uFEFF/, '') : null, unreadable: null, named, folder: folder ?? null };
  } catch (error) {
    return { path, text: null, unreadable: describeFsError(error), named, folder: folder ?? null };
  }
}

/** What the client can do with a workspace edit and a code action. */
export interface EditCapabilities {
  /** Creates files from a workspace edit (`documentChanges` with a `create` operation). */
  readonly createsFiles: boolean;
  /** Shows a code action that cannot be applied, with the reason. */
  readonly showsDisabled: boolean;
}

export function editCapabilities(capabilities: ClientCapabilities): EditCapabilities {
  const edits = capabilities.workspace?.workspaceEdit;
  return {
    createsFiles: edits?.documentChanges === true && (edits.resourceOperations ?? []).includes('create'),
    showsDisabled: capabilities.textDocument?.codeAction?.disabledSupport === true,
  };
}

interface KnowledgeFileEditedArguments {
  readonly path: string;
  /** The file's content, for the server to create it, when the client cannot create files. */
  readonly create?: string;
  /** Added to `imr.knowledgeFiles` (of `folderUri`, or the user's settings when null) when the setting named no file. */
  readonly setting?: { readonly folderUri: string | null; readonly path: string };
}

/**
 * "Add "Zorvexin" to imr-knowledge.json as an opioid", one per class, for an unknown-drug
 * finding: a workspace edit that adds a drug entry to the target file (creating it if need be),
 * and a command the client runs after it, which names a new file in the settings and has the open
 * letters checked again.
 */
export function addDrugActions(finding: Finding, diagnostic: Diagnostic, letter: Letter, target: KnowledgeTarget, client: EditCapabilities): CodeAction[] {
  if (finding.ruleId !== unknownDrug.id) return [];
  // The finding sits on the drug's name in the title.
  const name = letter.text.slice(finding.span.start, finding.span.end).replace(/\s+/g, ' ');
  const file = basename(target.path);
  const uri = pathToFileURL(target.path).toString();
  const setting = target.named ? undefined : { folderUri: target.folder ? pathToFileURL(target.folder).toString() : null, path: target.folder ? relative(target.folder, target.path) : target.path };
  const followUp = (title: string, args: KnowledgeFileEditedArguments): Command => ({ title, command: KNOWLEDGE_FILE_EDITED, arguments: [args] });
  // One action, greyed with the reason, when the file cannot take the drug; clients that cannot show it get none.
  const cannot = (reason: string): CodeAction[] =>
    client.showsDisabled ? [{ title: `Add "${name}" to ${file}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], disabled: { reason } }] : [];
  if (target.unreadable) return cannot(`${file} cannot be read (${target.unreadable}).`);
  const text = target.text !== null && target.text.trim() !== '' ? target.text : null;
  const actions = OFFERED_CLASSES.map((drugClass) => ({ drugClass, addition: text === null ? null : jsonListAddition(text, 'drugs', (list) => drugEntry(name, drugClass, list)) }));
  const first = actions[0].addition;
  if (first && 'problem' in first) return cannot(`${file} ${first.problem}; fix the file to add drugs to it.`);
  // The file names the drug already, but the letter was checked without it: the settings do not name the file yet.
  if (first && 'alreadyThere' in first) {
    const useFile = `Use ${file}, which names "${name}", as a knowledge file`;
    return target.named ? [] : [{ title: useFile, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: followUp(useFile, { path: target.path, setting }) }];
  }
  return actions.flatMap(({ drugClass, addition }): CodeAction[] => {
    const title = `Add "${name}" to ${target.text === null ? 'a new ' : ''}${file} ${drugClass === 'other' ? 'with class "other"' : `as ${/^[aeiouAEIOUN]/.test(drugClass) ? 'an' : 'a'} ${drugClass}`}`;
    const action = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
    if (addition) return 'edit' in addition ? [{ ...action, edit: textEdit(uri, addition.edit, target.text!), command: followUp(title, { path: target.path, setting }) }] : [];
    // A new file, or an empty one.
    const content = JSON.stringify({ drugs: [drugEntry(name, drugClass, [])] }, null, 2) + '\n';
    if (target.text === null && !client.createsFiles) return [{ ...action, command: followUp(title, { path: target.path, create: content, setting }) }];
    const edit = target.text === null ? createWith(uri, content) : textEdit(uri, { start: 0, end: target.text.length, newText: content }, target.text);
    return [{ ...action, edit, command: followUp(title, { path: target.path, setting }) }];
  });
}

function createWith(uri: string, content: string): WorkspaceEdit {
  // Without `ignoreIfExists`, a file made meanwhile fails the whole edit rather than getting a second object.
  return { documentChanges: [{ kind: 'create', uri }, { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }] }] };
}

function textEdit(uri: string, edit: JsonTextEdit, text: string): WorkspaceEdit {
  return { changes: { [uri]: [{ range: new LineMap(text).rangeOf(edit), newText: edit.newText }] } };
}

/** A schema-valid entry for the drug, with an id no other entry of the file has; null when the file names it already. */
function drugEntry(name: string, drugClass: DrugClass, existing: readonly unknown[]) {
  const entries = existing.filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null);
  const names = (entry: Record<string, unknown>) => [entry.generic, ...(Array.isArray(entry.brands) ? entry.brands : []), ...(Array.isArray(entry.otherNames) ? entry.otherNames : [])];
  if (entries.some((entry) => names(entry).some((known) => typeof known === 'string' && known.toLowerCase() === name.toLowerCase()))) return null;
  const base = `user-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'drug'}`;
  const ids = new Set(entries.map((entry) => entry.id));
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  return {
    id,
    generic: name.toLowerCase(),
    brands: [name],
    otherNames: [],
    classes: [drugClass],
    sections: [],
    verified: false,
    sourceRef: 'Added by the IMR quick fix from a letter.',
    notes: 'Check the generic name and the class, and add the governing sections.',
  };
}

interface KnowledgeFileEditedHost {
  /** Asks the editor to save the file if it holds it with unsaved changes, as after the quick fix's edit. */
  saveFile(uri: string): Promise<void>;
  /** Asks the editor to add `path` to `imr.knowledgeFiles` (of `folderUri`, or the user's settings when null). */
  addKnowledgeFileSetting(folderUri: string | null, path: string): Promise<boolean>;
  showError(message: string): void;
}

/**
 * After the quick fix's edit: creates the file for a client that cannot (never over an existing
 * one), has the editor save it, and names it in the settings if they named no file. Returns the
 * path of the knowledge file, for the caller to read it again, or null for another command.
 */
export async function runKnowledgeFileEdited(params: ExecuteCommandParams, host: KnowledgeFileEditedHost): Promise<string | null> {
  if (params.command !== KNOWLEDGE_FILE_EDITED) return null;
  const args = params.arguments?.[0] as KnowledgeFileEditedArguments | undefined;
  if (!args || typeof args.path !== 'string') return null;
  if (typeof args.create === 'string' && !existsSync(args.path)) writeFileSafely(args.path, args.create);
  await host.saveFile(pathToFileURL(args.path).toString());
  if (args.setting) {
    const added = await host.addKnowledgeFileSetting(args.setting.folderUri, args.setting.path);
    if (!added) host.showError(`IMR: the drug was added to ${args.path}, but the editor did not add the file to imr.knowledgeFiles; add it there to use it.`);
  }
  return args.path;
}
