import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULE_METADATA } from '../../server/src/engine/catalogue';
import { makeLetter } from '../support/letters';

/** The official OASIS SARIF 2.1.0 schema, as shipped by Microsoft's SARIF tooling on npm. */
const SCHEMA = resolve(process.cwd(), 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

test('SARIF output is valid SARIF 2.1.0 and describes every rule', () => {
  const folder = mkdtempSync(join(tmpdir(), 'imr-sarif-'));
  writeFileSync(join(folder, 'gaps.imr'), makeLetter({ omitSections: ['summary'], items: [{ title: 'Lumbar support brace', decision: 'Uphold', maximus: null }] }));
  writeFileSync(join(folder, 'good.imr'), makeLetter());
  const result = spawnSync(process.execPath, [resolve('dist', 'cli.js'), '--format', 'sarif', '.', 'missing.imr'], { cwd: folder, encoding: 'utf8' });
  assert.equal(result.status, 1);
  const log = JSON.parse(result.stdout);

  // The schema's language-tag pattern is not valid in Unicode mode.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  const valid = Boolean(validate(log));
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));

  const run = log.runs[0];
  assert.deepEqual(
    run.tool.driver.rules.map((rule: { id: string }) => rule.id),
    RULE_METADATA.map((rule) => rule.id),
  );
  for (const rule of run.tool.driver.rules) assert.match(rule.helpUri, /^file:.*\/docs\/rules\/[a-z-]+\.md$/);
  assert.deepEqual(
    run.results.map((entry: { ruleId: string }) => entry.ruleId).sort(),
    ['item-decision', 'item-parts', 'missing-section'],
  );
  const decision = run.results.find((entry: { ruleId: string }) => entry.ruleId === 'item-decision');
  assert.equal(decision.level, 'error');
  assert.equal(run.tool.driver.rules[decision.ruleIndex].id, 'item-decision');
  assert.ok(decision.locations[0].physicalLocation.region.startLine > 1);
});
