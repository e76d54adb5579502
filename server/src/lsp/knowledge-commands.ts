import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic, type ExecuteCommandParams, type WorkspaceFolder } from 'vscode-languageserver';
import { readJsonObject, writeFileSafely } from '../host/json-files';
import { innermostFolderHolding } from '../host/paths';
import type { DrugClass } from '../knowledge/types';
import type { Letter } from '../letter/model';
import { unknownDrug } from '../rules/unknown-drug';
import type { Finding } from '../rules/types';
import { filePathsOf } from './convert';

export const ADD_DRUG = 'imr.addDrugToKnowledge';
/** Where a drug goes when `imr.knowledgeFiles` names no file yet: this file in the workspace folder, added to the setting. */
export const DEFAULT_KNOWLEDGE_FILE = 'imr-knowledge.json';
/** The classes a quick fix offers: those the checks act on, and "other". */
const OFFERED_CLASSES = ['opioid', 'muscle relaxant', 'benzodiazepine', 'NSAID', 'anti-epilepsy', 'topical', 'other'] as const;

interface AddDrugArguments {
  readonly letterUri: string;
  readonly name: string;
  readonly drugClass: DrugClass;
}

/** "Add "Zorvexin" to the knowledge file as an opioid", one per class, for an unknown-drug finding. */
export function addDrugActions(letterUri: string, finding: Finding, diagnostic: Diagnostic, letter: Letter): CodeAction[] {
  // The finding sits on the drug's name in the title.
  const name = letter.text.slice(finding.span.start, finding.span.end);
  if (finding.ruleId !== unknownDrug.id || !name || !letterUri.startsWith('file:')) return [];
  return OFFERED_CLASSES.map((drugClass) => {
    const args: AddDrugArguments = { letterUri, name, drugClass };
    const as = drugClass === 'other' ? 'with class "other"' : `as ${/^[aeiouAEIOUN]/.test(drugClass) ? 'an' : 'a'} ${drugClass}`;
    const title = `Add "${name}" to the knowledge file ${as}`;
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: ADD_DRUG, arguments: [args] } };
  });
}

export interface AddDrugHost {
  /** The knowledge files `imr.knowledgeFiles` names for the letter, as absolute paths. */
  knowledgeFiles(letterUri: string): Promise<readonly string[]>;
  workspaceFolders(): Promise<readonly WorkspaceFolder[]>;
  /** Asks the editor to add `path` to `imr.knowledgeFiles` (of `folderUri`, or the user's settings when null). */
  addKnowledgeFileSetting(folderUri: string | null, path: string): Promise<boolean>;
  showError(message: string): void;
}

/**
 * Adds the drug to the first knowledge file of the letter's settings, or to a new
 * `imr-knowledge.json` in its workspace folder (beside the letter without one), which is then
 * added to the settings. The entry is marked not verified, for someone to complete. Returns the
 * file written, or null when nothing changed.
 */
export async function runAddDrugCommand(params: ExecuteCommandParams, host: AddDrugHost): Promise<string | null> {
  if (params.command !== ADD_DRUG) return null;
  const args = params.arguments?.[0] as AddDrugArguments | undefined;
  if (!args || typeof args.letterUri !== 'string' || typeof args.name !== 'string' || !(OFFERED_CLASSES as readonly string[]).includes(args.drugClass)) return null;
  const configured = await host.knowledgeFiles(args.letterUri);
  const letterPath = fileURLToPath(args.letterUri);
  const folder = innermostFolderHolding(letterPath, filePathsOf((await host.workspaceFolders()).map((entry) => entry.uri)));
  const path = configured[0] ?? join(folder ?? dirname(letterPath), DEFAULT_KNOWLEDGE_FILE);
  const read = readJsonObject(path);
  if ('problem' in read) {
    host.showError(`IMR: ${path} ${read.problem}, so "${args.name}" was not added. Fix the file and try again; it was left unchanged.`);
    return null;
  }
  const drugs = read.content.drugs ?? [];
  if (!Array.isArray(drugs)) {
    host.showError(`IMR: ${path} has a "drugs" value that is not a list, so "${args.name}" was not added. The file was left unchanged.`);
    return null;
  }
  const known = drugs.some((entry: { brands?: unknown; generic?: unknown }) => sameName(entry.generic, args.name) || (Array.isArray(entry.brands) && entry.brands.some((brand) => sameName(brand, args.name))));
  if (!known) {
    writeFileSafely(path, JSON.stringify({ ...read.content, drugs: [...drugs, drugEntry(args, drugs)] }, null, 2) + '\n');
  }
  if (configured.length === 0) {
    const added = await host.addKnowledgeFileSetting(folder ? pathToFileURL(folder).toString() : null, folder ? relative(folder, path) : path);
    if (!added) host.showError(`IMR: "${args.name}" was written to ${path}, but the editor did not add the file to imr.knowledgeFiles; add it there to use it.`);
  }
  return known ? null : path;
}

function sameName(value: unknown, name: string): boolean {
  return typeof value === 'string' && value.toLowerCase() === name.toLowerCase();
}

/** A schema-valid entry for the drug, with an id no other entry of the file has. */
function drugEntry(args: AddDrugArguments, existing: readonly { id?: unknown }[]) {
  const base = `user-${args.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'drug'}`;
  const ids = new Set(existing.map((entry) => entry.id));
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  return {
    id,
    generic: args.name.toLowerCase(),
    brands: [args.name],
    otherNames: [],
    classes: [args.drugClass],
    sections: [],
    notes: 'Added by the IMR quick fix from a letter; not verified. Check the generic name and class, and add the governing sections.',
  };
}
