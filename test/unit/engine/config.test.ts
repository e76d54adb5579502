import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { mergeConfigs, readConfig } from '../../../server/src/engine/config';
import { findConfigFile, loadConfigFile } from '../../../server/src/host/config-file';
import { readEditorSettings } from '../../../server/src/lsp/settings';

test('keeps the valid parts of a config and reports the rest', () => {
  const { config, problems } = readConfig({ rules: { quantity: 'off', phi: 'loud', 'date-order': false }, ignore: [{ rule: 'phi', item: 'Norco' }, { item: 3 }] });
  assert.deepEqual(config.rules, { quantity: 'off', 'date-order': 'off' });
  assert.deepEqual(config.ignore, [{ rule: 'phi', item: 'Norco' }]);
  assert.deepEqual(
    problems.map((problem) => problem.path),
    ['rules.phi', 'ignore[1]'],
  );
});

test('a config of thousands of mistakes lists the first 50 and counts the rest, and its valid parts still apply', () => {
  const rules: Record<string, string> = { quantity: 'off' };
  for (let index = 0; index < 200_000; index++) rules[`no-such-rule-${index}`] = 'off';
  const { config, problems } = readConfig({ rules }, new Set(['quantity']));
  assert.deepEqual(config.rules, { quantity: 'off' });
  assert.equal(problems.length, 51);
  assert.equal(problems[0]!.message, 'There is no rule "no-such-rule-0"; the setting has no effect.');
  assert.deepEqual(problems[50], { message: '199950 more problems not listed.', path: '' });
});

test('rejects a config that is not an object', () => {
  assert.equal(readConfig([1, 2]).problems.length, 1);
  assert.equal(readConfig('x').problems.length, 1);
});

test('later configs win rule by rule and ignore lists add up', () => {
  const merged = mergeConfigs(
    { rules: { a: 'off', b: 'error' }, ignore: [{ rule: 'a' }] },
    { rules: { b: 'hint' }, ignore: [{ rule: 'c', item: 'X' }] },
  );
  assert.deepEqual(merged.rules, { a: 'off', b: 'hint' });
  assert.equal(merged.ignore.length, 2);
});

test('finds the nearest .imrlintrc.json walking up, and reports malformed JSON', () => {
  const root = mkdtempSync(join(tmpdir(), 'imr-config-'));
  mkdirSync(join(root, 'a', 'b'), { recursive: true });
  writeFileSync(join(root, '.imrlintrc.json'), '{ "rules": { "phi": "off" } }');
  assert.equal(findConfigFile(join(root, 'a', 'b', 'letter.imr')), join(root, '.imrlintrc.json'));
  writeFileSync(join(root, 'a', '.imrlintrc.json'), '{ "rules": ');
  const nearest = findConfigFile(join(root, 'a', 'b', 'letter.imr'))!;
  assert.equal(nearest, join(root, 'a', '.imrlintrc.json'));
  const loaded = loadConfigFile(nearest);
  assert.equal(loaded.parsed, false);
  assert.match(loaded.problems[0].message, /Not valid JSON/);
  assert.deepEqual(loaded.config.rules, {});
});

test('editor settings of the wrong shape fall back to defaults with a message', () => {
  const settings = readEditorSettings({ maxFileSize: -3, rules: 'all' });
  assert.equal(settings.maxFileSize, 5 * 1024 * 1024);
  assert.equal(settings.problems.length, 2);
  assert.deepEqual(readEditorSettings(null).problems, []);
  assert.equal(readEditorSettings(42).problems.length, 1);
});

test('opioidDoseThreshold: a positive number is kept, anything else is reported and the guideline threshold applies', () => {
  assert.equal(readConfig({ opioidDoseThreshold: 80 }).config.opioidDoseThreshold, 80);
  assert.equal(readConfig({ opioidDoseThreshold: null }).config.opioidDoseThreshold, undefined);
  const bad = readConfig({ opioidDoseThreshold: 'ninety' });
  assert.equal(bad.config.opioidDoseThreshold, undefined);
  assert.deepEqual(bad.problems.map((problem) => problem.path), ['opioidDoseThreshold']);
  assert.equal(readConfig({ opioidDoseThreshold: -5 }).problems.length, 1);
  // The project file wins over the editor setting, as for rules.
  assert.equal(mergeConfigs(readConfig({ opioidDoseThreshold: 60 }).config, readConfig({ opioidDoseThreshold: 100 }).config).opioidDoseThreshold, 100);
  assert.equal(mergeConfigs(readConfig({ opioidDoseThreshold: 60 }).config, readConfig({ rules: {} }).config).opioidDoseThreshold, 60);
  const editor = readEditorSettings({ opioidDoseThreshold: 0 });
  assert.equal(editor.config.opioidDoseThreshold, undefined);
  assert.match(editor.problems.join('\n'), /"imr\.opioidDoseThreshold": "opioidDoseThreshold" must be a positive number/);
  assert.equal(readEditorSettings({ opioidDoseThreshold: 75, rules: { quantity: 'off' } }).config.opioidDoseThreshold, 75);
});
