import { FILE_TOO_LARGE } from '../analyze';
import { ALL_RULES } from './index';
import type { Severity } from './types';

export interface RuleMetadata {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
}

/** Every code a finding can carry, including the size guard, which is not a rule over letters. */
export const RULE_METADATA: readonly RuleMetadata[] = [
  ...ALL_RULES.map(({ id, description, defaultSeverity }) => ({ id, description, defaultSeverity })),
  { id: FILE_TOO_LARGE, description: 'The document is larger than imr.maxFileSize, so it was not analysed.', defaultSeverity: 'information' },
];

/** Codes that describe the document as a whole rather than a passage in it. */
export const ABOUT_THE_FILE: ReadonlySet<string> = new Set([FILE_TOO_LARGE, 'not-a-letter']);

export const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(RULE_METADATA.map((rule) => rule.id));
