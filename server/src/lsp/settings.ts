import { DEFAULT_MAX_FILE_SIZE } from '../engine/analyze';
import { KNOWN_RULE_IDS } from '../engine/catalogue';
import { EMPTY_CONFIG, readConfig, type LintConfig } from '../engine/config';

export interface EditorSettings {
  readonly config: LintConfig;
  readonly maxFileSize: number;
  /** As written in the settings; relative paths are resolved against the workspace folder. */
  readonly knowledgeFiles: readonly string[];
  /** Whether items show their criteria in a code lens (`imr.codeLens.enabled`). */
  readonly codeLens: boolean;
  /** Human-readable problems with the user's settings; the defaults replace the bad parts. */
  readonly problems: readonly string[];
}

/** More knowledge files than any organisation keeps: a longer list is a mistake, and each file is read and watched. */
const MAX_KNOWLEDGE_FILES = 100;

export const DEFAULT_SETTINGS: EditorSettings = { config: EMPTY_CONFIG, maxFileSize: DEFAULT_MAX_FILE_SIZE, knowledgeFiles: [], codeLens: true, problems: [] };

/** Reads the `imr` settings section, whatever shape a hand-edited settings.json gave it. */
export function readEditorSettings(section: unknown): EditorSettings {
  if (section === null || section === undefined) return DEFAULT_SETTINGS;
  if (typeof section !== 'object' || Array.isArray(section)) return { ...DEFAULT_SETTINGS, problems: ['The "imr" settings are not an object; using defaults.'] };
  const raw = section as Record<string, unknown>;
  const problems: string[] = [];
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (raw.maxFileSize !== undefined && raw.maxFileSize !== null) {
    if (typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize >= 0) maxFileSize = raw.maxFileSize;
    else problems.push(`"imr.maxFileSize" must be a non-negative number of bytes; using the default of ${DEFAULT_MAX_FILE_SIZE}.`);
  }
  let config = EMPTY_CONFIG;
  const configPart = { ...(raw.rules !== undefined && raw.rules !== null ? { rules: raw.rules } : {}), ...(raw.opioidDoseThreshold !== undefined ? { opioidDoseThreshold: raw.opioidDoseThreshold } : {}) };
  if (Object.keys(configPart).length > 0) {
    const read = readConfig(configPart, KNOWN_RULE_IDS);
    config = read.config;
    for (const problem of read.problems) problems.push(`"imr.${problem.path}": ${problem.message}`);
  }
  let knowledgeFiles: string[] = [];
  if (raw.knowledgeFiles !== undefined && raw.knowledgeFiles !== null) {
    if (Array.isArray(raw.knowledgeFiles) && raw.knowledgeFiles.every((path) => typeof path === 'string')) knowledgeFiles = raw.knowledgeFiles.filter((path) => path.trim() !== '');
    else problems.push('"imr.knowledgeFiles" must be a list of file paths; using the built-in knowledge only.');
    if (knowledgeFiles.length > MAX_KNOWLEDGE_FILES) {
      problems.push(`"imr.knowledgeFiles" lists ${knowledgeFiles.length} files; only the first ${MAX_KNOWLEDGE_FILES} are used.`);
      knowledgeFiles = knowledgeFiles.slice(0, MAX_KNOWLEDGE_FILES);
    }
  }
  let codeLens = true;
  const lens = raw.codeLens as { enabled?: unknown } | null | undefined;
  if (lens !== undefined && lens !== null) {
    if (typeof lens === 'object' && (lens.enabled === undefined || typeof lens.enabled === 'boolean')) codeLens = lens.enabled ?? true;
    else problems.push('"imr.codeLens.enabled" must be true or false; showing the code lens.');
  }
  return { config, maxFileSize, knowledgeFiles, codeLens, problems };
}
