import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Rule pages ship beside the bundles (dist/ and docs/ are siblings in the package). */
export const RULE_DOCS_FOLDER = resolve(__dirname, '..', 'docs', 'rules');

export function ruleDocPath(ruleId: string): string {
  return join(RULE_DOCS_FOLDER, `${ruleId}.md`);
}

/** The `file:` URIs of the rule pages that ship, for diagnostics' links; each looked up once. */
export class RuleDocLinks {
  private readonly uris = new Map<string, string | undefined>();

  readonly uriOf = (ruleId: string): string | undefined => {
    if (!this.uris.has(ruleId)) {
      const path = ruleDocPath(ruleId);
      this.uris.set(ruleId, existsSync(path) ? pathToFileURL(path).toString() : undefined);
    }
    return this.uris.get(ruleId);
  };
}
