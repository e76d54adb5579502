import { CodeActionKind, type CodeAction, type Connection, type InitializeParams } from 'vscode-languageserver';
import { unknownDrug } from '../rules/unknown-drug';
import type { Finding } from '../rules/types';
import type { Configuration } from './configuration';
import { toCodeAction } from './convert';
import type { LetterDocuments, LetterState } from './documents';
import { describeError } from './errors';
import { ignoreCommandActions, IGNORE_COMMANDS, runIgnoreCommand } from './ignore-commands';
import { addDrugActions, editCapabilities, KNOWLEDGE_FILE_EDITED, knowledgeTarget, runKnowledgeFileEdited, type EditCapabilities, type KnowledgeTarget } from './knowledge-commands';
import { ADD_KNOWLEDGE_FILE_REQUEST, SAVE_KNOWLEDGE_FILE_REQUEST } from './knowledge-documents';
import type { KnowledgeFiles } from './knowledge';

/** The kind of the fix-all action, which applies only the fixes marked safe. */
const FIX_ALL_KIND = CodeActionKind.SourceFixAll + '.imr';

/** What the server tells the client it offers: quick fixes, fix-all and the commands that record a suppression. */
export const CODE_ACTION_CAPABILITIES = {
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
  executeCommandProvider: { commands: [...IGNORE_COMMANDS, KNOWLEDGE_FILE_EDITED] },
};

/**
 * Quick fixes for the findings in a range, with one "Ignore"/"Disable" per rule and item; fix-all;
 * the commands that record a suppression in `.imrlintrc.json`; and for an unknown drug, an edit
 * of a knowledge file with the command that follows it, after which every open letter is checked again.
 */
export function registerCodeActions(connection: Connection, documents: LetterDocuments, configuration: Configuration, knowledge: KnowledgeFiles): { initialize(params: InitializeParams): void } {
  let client: EditCapabilities = editCapabilities({});
  const knowledgeFiles = async (letterUri: string) => knowledge.filePaths(letterUri, await configuration.settingsFor(letterUri));
  connection.onCodeAction(async (params, token) => {
    const uri = params.textDocument.uri;
    const state = await documents.letterFor(uri, token);
    if (!state) return null;
    const only = params.context.only;
    const wantsFixAll = only?.some((kind) => CodeActionKind.SourceFixAll.startsWith(kind) || kind.startsWith(CodeActionKind.SourceFixAll));
    if (wantsFixAll) return fixAllAction(uri, state);
    const start = state.lines.offsetAt(params.range.start);
    const end = state.lines.offsetAt(params.range.end);
    const actions: CodeAction[] = [];
    const suppressions = new Map<string, CodeAction>();
    // Read once per request, and only when an unknown drug is in the range.
    let target: Promise<KnowledgeTarget> | null = null;
    for (const [index, finding] of state.analysis.findings.entries()) {
      if (finding.span.end < start || finding.span.start > end) continue;
      const diagnostic = state.diagnostics[index];
      for (const fix of finding.fixes ?? []) actions.push(toCodeAction(fix, finding, diagnostic, uri, state.lines));
      // In Restricted Mode the files these would write are ignored, so they are not offered.
      if (!configuration.workspaceTrusted) continue;
      if (finding.ruleId === unknownDrug.id && uri.startsWith('file:')) {
        target ??= knowledgeTarget(uri, { knowledgeFiles, workspaceFolders: () => configuration.workspaceFolders() });
        actions.push(...addDrugActions(finding, diagnostic, state.letter, await target, client));
      }
      // One "Ignore"/"Disable" per rule and item, however many findings sit in the range.
      for (const action of ignoreCommandActions(uri, finding, diagnostic, state.letter)) {
        const key = JSON.stringify(action.command);
        if (!suppressions.has(key)) suppressions.set(key, action);
      }
    }
    return [...actions, ...suppressions.values()];
  });

  connection.onExecuteCommand(async (params) => {
    try {
      if (params.command === KNOWLEDGE_FILE_EDITED) {
        const path = await runKnowledgeFileEdited(params, {
          // Only the IMR extension answers; in other editors the file is saved by the user, and its watcher notices.
          saveFile: async (fileUri) => void (await connection.sendRequest(SAVE_KNOWLEDGE_FILE_REQUEST, { uri: fileUri }).catch(() => undefined)),
          addKnowledgeFileSetting: async (folderUri, path) => (await connection.sendRequest<boolean | null>(ADD_KNOWLEDGE_FILE_REQUEST, { folderUri, path })) === true,
          showError: (message) => void connection.window.showErrorMessage(message),
        });
        if (path) {
          knowledge.forgetFile(path);
          documents.revalidateAll();
        }
        return;
      }
      const result = await runIgnoreCommand(params, {
        // Clients without workspace folders get the config beside the letter.
        workspaceFolders: () => configuration.workspaceFolders(),
        showError: (message) => void connection.window.showErrorMessage(message),
      });
      if (result) {
        configuration.forgetConfigFiles();
        documents.revalidateAll();
      }
    } catch (error) {
      connection.console.error(`Command ${params.command} failed: ${describeError(error)}`);
      void connection.window.showErrorMessage(`IMR: the command failed (${describeError(error)}). Nothing was changed.`);
    }
  });

  return {
    initialize(params) {
      client = editCapabilities(params.capabilities);
    },
  };
}

/** Applies every safe fix whose edits do not overlap an earlier one. */
function fixAllAction(uri: string, state: LetterState): CodeAction[] {
  const edits: { start: number; end: number; newText: string }[] = [];
  const safeFindings: Finding[] = state.analysis.findings.filter((finding) => finding.fixes?.some((fix) => fix.safe));
  for (const finding of safeFindings) {
    const fix = finding.fixes!.find((candidate) => candidate.safe)!;
    const overlaps = fix.edits.some((edit) => edits.some((taken) => edit.span.start < taken.end && taken.start < edit.span.end));
    if (overlaps) continue;
    edits.push(...fix.edits.map((edit) => ({ start: edit.span.start, end: edit.span.end, newText: edit.newText })));
  }
  if (edits.length === 0) return [];
  return [
    {
      title: 'Fix all safe IMR problems',
      kind: FIX_ALL_KIND,
      edit: { changes: { [uri]: edits.map((edit) => ({ range: state.lines.rangeOf(edit), newText: edit.newText })) } },
    },
  ];
}
