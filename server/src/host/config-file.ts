import { existsSync, lstatSync } from 'node:fs';
import { dirname, join, parse as parsePath } from 'node:path';
import { EMPTY_CONFIG, readConfig, type ConfigProblem, type LintConfig } from '../engine/config';
import { describeJsonError } from '../text/json-errors';
import { KNOWN_RULE_IDS } from '../engine/catalogue';
import { describeFsError } from './fs-errors';
import { MAX_SETTINGS_FILE_BYTES, readRegularFile } from './read-file';

export const CONFIG_FILE_NAME = '.imrlintrc.json';

export interface LoadedConfigFile {
  readonly path: string;
  readonly config: LintConfig;
  /** Problems found in the file; the valid parts of it still apply. */
  readonly problems: readonly ConfigProblem[];
  /** False when the file could not be read or is not JSON at all; then nothing of it applies. */
  readonly parsed: boolean;
}

/** The nearest `.imrlintrc.json` in the letter's folder or any folder above it. */
export function findConfigFile(letterPath: string): string | null {
  let folder = dirname(letterPath);
  const root = parsePath(folder).root;
  for (;;) {
    const candidate = join(folder, CONFIG_FILE_NAME);
    // A link that leads nowhere is found too, so that the user hears why their settings do not apply.
    if (existsSync(candidate) || lstatSync(candidate, { throwIfNoEntry: false })?.isSymbolicLink()) return candidate;
    if (folder === root) return null;
    const parent = dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
}

export function loadConfigFile(path: string): LoadedConfigFile {
  let text: string;
  try {
    text = readRegularFile(path, MAX_SETTINGS_FILE_BYTES, 'utf8');
  } catch (error) {
    return { path, config: EMPTY_CONFIG, parsed: false, problems: [{ message: `Could not read the file: ${describeFsError(error)}.`, path: '' }] };
  }
  return readConfigText(path, text);
}

function readConfigText(path: string, text: string): LoadedConfigFile {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      path,
      config: EMPTY_CONFIG,
      parsed: false,
      problems: [{ message: `Not valid JSON (${describeJsonError(error)}); the default rule settings apply.`, path: '' }],
    };
  }
  const { config, problems } = readConfig(value, KNOWN_RULE_IDS);
  return { path, config, problems, parsed: true };
}

/** One problem in a config file as the user reads it: where in the file, if anywhere, then what. */
export function describeConfigProblem(problem: ConfigProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}
