import type { Severity } from '../rules/types';

type RuleSetting = Severity | 'off';

interface IgnoreEntry {
  readonly rule: string;
  /** Item title the entry applies to; absent means every item. */
  readonly item?: string;
}

export interface LintConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly ignore: readonly IgnoreEntry[];
  /** The daily MME at which `opioid-dose` asks for the dose to be discussed; absent: the knowledge's threshold for the edition in force. */
  readonly opioidDoseThreshold?: number;
}

export const EMPTY_CONFIG: LintConfig = { rules: {}, ignore: [] };

const RULE_SETTINGS: ReadonlySet<string> = new Set(['off', 'error', 'warning', 'information', 'hint']);

export interface ConfigProblem {
  readonly message: string;
  /** JSON path of the offending value, e.g. `rules.quantity`. */
  readonly path: string;
}

interface ReadConfigResult {
  readonly config: LintConfig;
  readonly problems: readonly ConfigProblem[];
}

/**
 * Reads a config object leniently: every valid part is kept, every invalid
 * part is reported and dropped, so one typo never turns all checks off.
 */
export function readConfig(value: unknown, knownRules?: ReadonlySet<string>): ReadConfigResult {
  const problems: ConfigProblem[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { config: EMPTY_CONFIG, problems: [{ message: 'The configuration must be a JSON object.', path: '' }] };
  }
  const raw = value as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (raw.rules !== undefined) {
    if (raw.rules === null || typeof raw.rules !== 'object' || Array.isArray(raw.rules)) {
      problems.push({ message: '"rules" must be an object mapping rule ids to a severity or "off".', path: 'rules' });
    } else {
      for (const [ruleId, setting] of Object.entries(raw.rules as Record<string, unknown>)) {
        if (knownRules && !knownRules.has(ruleId)) {
          problems.push({ message: `There is no rule "${ruleId}"; the setting has no effect.`, path: `rules.${ruleId}` });
          continue;
        }
        if (typeof setting === 'string' && RULE_SETTINGS.has(setting)) rules[ruleId] = setting as RuleSetting;
        else if (setting === false) rules[ruleId] = 'off';
        else
          problems.push({
            message: `Rule "${ruleId}" has an invalid setting; use "off", "error", "warning", "information" or "hint".`,
            path: `rules.${ruleId}`,
          });
      }
    }
  }
  const ignore: IgnoreEntry[] = [];
  if (raw.ignore !== undefined) {
    if (!Array.isArray(raw.ignore)) {
      problems.push({ message: '"ignore" must be an array of { "rule", "item" } entries.', path: 'ignore' });
    } else {
      raw.ignore.forEach((entry, index) => {
        const candidate = entry as Record<string, unknown> | null;
        if (candidate && typeof candidate === 'object' && typeof candidate.rule === 'string' && knownRules && !knownRules.has(candidate.rule)) {
          problems.push({ message: `There is no rule "${candidate.rule}"; the entry has no effect.`, path: `ignore[${index}]` });
        } else if (candidate && typeof candidate === 'object' && typeof candidate.rule === 'string' && (candidate.item === undefined || typeof candidate.item === 'string')) {
          ignore.push(candidate.item === undefined ? { rule: candidate.rule } : { rule: candidate.rule, item: candidate.item });
        } else {
          problems.push({ message: 'Each ignore entry needs a string "rule" and an optional string "item".', path: `ignore[${index}]` });
        }
      });
    }
  }
  let opioidDoseThreshold: number | undefined;
  if (raw.opioidDoseThreshold !== undefined && raw.opioidDoseThreshold !== null) {
    if (typeof raw.opioidDoseThreshold === 'number' && Number.isFinite(raw.opioidDoseThreshold) && raw.opioidDoseThreshold > 0) opioidDoseThreshold = raw.opioidDoseThreshold;
    else problems.push({ message: '"opioidDoseThreshold" must be a positive number of MME a day (or null for the guideline\'s threshold); using the guideline\'s.', path: 'opioidDoseThreshold' });
  }
  return { config: opioidDoseThreshold === undefined ? { rules, ignore } : { rules, ignore, opioidDoseThreshold }, problems: firstProblems(problems) };
}

/** At most this many problems of one config are listed; a file of thousands of mistakes gets one line for the rest. */
const MAX_LISTED_PROBLEMS = 50;

function firstProblems(problems: readonly ConfigProblem[]): readonly ConfigProblem[] {
  if (problems.length <= MAX_LISTED_PROBLEMS) return problems;
  const more = problems.length - MAX_LISTED_PROBLEMS;
  return [...problems.slice(0, MAX_LISTED_PROBLEMS), { message: `${more} more problem${more === 1 ? '' : 's'} not listed.`, path: '' }];
}

/** Later configs win rule by rule; ignore lists add up. */
export function mergeConfigs(...configs: readonly LintConfig[]): LintConfig {
  const merged: LintConfig = {
    rules: Object.assign({}, ...configs.map((config) => config.rules)),
    ignore: configs.flatMap((config) => config.ignore),
  };
  // The last config that sets a threshold wins, as for rules.
  const threshold = configs.map((config) => config.opioidDoseThreshold).filter((value) => value !== undefined).at(-1);
  return threshold === undefined ? merged : { ...merged, opioidDoseThreshold: threshold };
}
