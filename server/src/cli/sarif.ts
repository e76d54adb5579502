import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_DOCS_FOLDER, ruleDocPath } from '../host/rule-docs';
import { RULE_METADATA } from '../engine/catalogue';
import type { Severity } from '../rules/types';
import type { FileResult } from './lint-file';

const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * SARIF 2.1.0 log with one run; rule metadata carries each rule's doc page as helpUri. Files that
 * could not be read and the run's own problems (`problems`: a broken config or knowledge file, an
 * input that named nothing) are the invocation's notifications.
 */
export function formatSarif(results: readonly FileResult[], version: string, problems: readonly string[] = []) {
  const ruleIndex = new Map(RULE_METADATA.map((rule, index) => [rule.id, index]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'imr-lint',
            version,
            informationUri: pathToFileURL(join(RULE_DOCS_FOLDER, '..', '..', 'README.md')).toString(),
            rules: RULE_METADATA.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              helpUri: pathToFileURL(ruleDocPath(rule.id)).toString(),
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        artifacts: results.map((result) => ({ location: { uri: pathToFileURL(result.path).toString() } })),
        results: results.flatMap((result, artifactIndex) =>
          result.diagnostics.map((diagnostic) => {
            const entry: Record<string, unknown> = {
              ruleId: diagnostic.code,
              level: SARIF_LEVEL[diagnostic.severity],
              message: { text: diagnostic.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: pathToFileURL(result.path).toString(), index: artifactIndex },
                    region: {
                      startLine: diagnostic.range.start.line + 1,
                      startColumn: diagnostic.range.start.character + 1,
                      endLine: diagnostic.range.end.line + 1,
                      endColumn: diagnostic.range.end.character + 1,
                    },
                  },
                },
              ],
            };
            const index = ruleIndex.get(diagnostic.code);
            if (index !== undefined) entry.ruleIndex = index;
            return entry;
          }),
        ),
        invocations: [
          {
            executionSuccessful: results.every((result) => !result.error),
            toolExecutionNotifications: [
              ...results.filter((result) => result.error).map((result) => `${result.path}: ${result.error}`),
              ...problems,
            ].map((text) => ({ level: 'error', message: { text } })),
          },
        ],
      },
    ],
  };
}
