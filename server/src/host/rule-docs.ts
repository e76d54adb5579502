import { join, resolve } from 'node:path';

/** Rule pages ship beside the bundles (dist/ and docs/ are siblings in the package). */
export const RULE_DOCS_FOLDER = resolve(__dirname, '..', 'docs', 'rules');

export function ruleDocPath(ruleId: string): string {
  return join(RULE_DOCS_FOLDER, `${ruleId}.md`);
}
