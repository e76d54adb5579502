import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic, type ExecuteCommandParams, type WorkspaceFolder } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, findConfigFile } from '../host/config-file';
import { readJsonObject, writeFileSafely } from '../host/json-files';
import { innermostFolderHolding, isInsideFolder } from '../host/paths';
import type { Letter } from '../letter/model';
import type { Finding } from '../rules/types';
import { filePathsOf } from './file-uris';

const IGNORE_FOR_ITEM = 'imr.ignoreForItem';
const DISABLE_RULE = 'imr.disableRuleInWorkspace';
export const IGNORE_COMMANDS = [IGNORE_FOR_ITEM, DISABLE_RULE] as const;

import { ABOUT_THE_FILE } from '../engine/catalogue';

interface IgnoreArguments {
  readonly letterUri: string;
  readonly rule: string;
  readonly item?: string;
}

/** Suppressions are written to `.imrlintrc.json`, never into the letter, which gets published. */
export function ignoreCommandActions(letterUri: string, finding: Finding, diagnostic: Diagnostic, letter: Letter): CodeAction[] {
  // A finding about the file as a whole is not suppressed per item; settings can still turn it off.
  if (ABOUT_THE_FILE.has(finding.ruleId) || !letterUri.startsWith('file:')) return [];
  const actions: CodeAction[] = [];
  const item = finding.itemIndex !== undefined ? letter.items[finding.itemIndex] : undefined;
  if (item) {
    const args: IgnoreArguments = { letterUri, rule: finding.ruleId, item: item.title };
    actions.push({
      title: `Ignore ${finding.ruleId} for this item`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: `Ignore ${finding.ruleId} for "${item.title}"`, command: IGNORE_FOR_ITEM, arguments: [args] },
    });
  }
  const args: IgnoreArguments = { letterUri, rule: finding.ruleId };
  actions.push({
    title: `Disable ${finding.ruleId} in this workspace`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: `Disable ${finding.ruleId}`, command: DISABLE_RULE, arguments: [args] },
  });
  return actions;
}

interface IgnoreCommandHost {
  workspaceFolders(): Promise<readonly WorkspaceFolder[]>;
  showError(message: string): void;
}

/**
 * Records the suppression in the nearest `.imrlintrc.json` (or a new one at the
 * workspace root). The file is written to disk directly, so it takes effect in
 * any editor without a save; an editor with unsaved changes to it is left to
 * reconcile as it does for any outside change. Returns true when the file changed.
 */
export async function runIgnoreCommand(params: ExecuteCommandParams, host: IgnoreCommandHost): Promise<boolean> {
  if (!(IGNORE_COMMANDS as readonly string[]).includes(params.command)) return false;
  const args = params.arguments?.[0] as IgnoreArguments | undefined;
  if (!args || typeof args.letterUri !== 'string' || typeof args.rule !== 'string') return false;
  const letterPath = fileURLToPath(args.letterUri);
  const workspaceFolder = await defaultConfigFolder(letterPath, host);
  // Never edit a config above the workspace (such as one in the home folder) from a quick fix.
  const found = findConfigFile(letterPath);
  const configPath = found && isInsideFolder(found, workspaceFolder) ? found : join(workspaceFolder, CONFIG_FILE_NAME);
  const read = readJsonObject(configPath);
  if ('problem' in read) {
    host.showError(`IMR: ${configPath} ${read.problem}, so the suppression was not written. Fix the file and try again; it was left unchanged.`);
    return false;
  }
  const content = read.content;
  const updated = params.command === IGNORE_FOR_ITEM && args.item !== undefined ? withIgnoredItem(content, args.rule, args.item) : withRuleOff(content, args.rule);
  if (typeof updated === 'string') {
    host.showError(`IMR: ${configPath} ${updated}, so the suppression was not written. The file was left unchanged.`);
    return false;
  }
  if (!updated) return false;
  writeFileSafely(configPath, JSON.stringify(updated, null, 2) + '\n');
  return true;
}

/** The updated config, null when there is nothing to add, or why it cannot be updated safely. */
function withIgnoredItem(content: Record<string, unknown>, rule: string, item: string): Record<string, unknown> | null | string {
  if (content.ignore !== undefined && !Array.isArray(content.ignore)) return 'has an "ignore" value that is not a list';
  const ignore = Array.isArray(content.ignore) ? [...content.ignore] : [];
  const already = ignore.some((entry) => entry && typeof entry === 'object' && (entry as Record<string, unknown>).rule === rule && (entry as Record<string, unknown>).item === item);
  if (already) return null;
  ignore.push({ rule, item });
  return { ...content, ignore };
}

function withRuleOff(content: Record<string, unknown>, rule: string): Record<string, unknown> | string {
  const rulesAreObject = content.rules !== null && typeof content.rules === 'object' && !Array.isArray(content.rules);
  if (content.rules !== undefined && !rulesAreObject) return 'has a "rules" value that is not an object';
  const rules = rulesAreObject ? { ...(content.rules as Record<string, unknown>) } : {};
  rules[rule] = 'off';
  return { ...content, rules };
}

async function defaultConfigFolder(letterPath: string, host: IgnoreCommandHost): Promise<string> {
  const folders = await host.workspaceFolders();
  const paths = filePathsOf(folders.map((folder) => folder.uri));
  const containing = innermostFolderHolding(letterPath, paths);
  return containing ?? dirname(letterPath);
}
