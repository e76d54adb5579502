import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { RULE_METADATA } from '../../../server/src/engine/catalogue';

const ids = RULE_METADATA.map((rule) => rule.id);

test('rule ids are unique, stable-looking and each has a documentation page', () => {
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) {
    assert.match(id, /^[a-z]+(-[a-z]+)*$/);
    const page = `docs/rules/${id}.md`;
    assert.ok(existsSync(page), `${page} exists`);
    assert.match(readFileSync(page, 'utf8'), new RegExp(`^# ${id}\\n`), `${page} starts with its id`);
  }
});

test('settings and the .imrlintrc.json schema list every rule (run `npm run sync-rules` after adding one)', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.deepEqual(Object.keys(manifest.contributes.configuration.properties['imr.rules'].properties), ids);
  const schema = JSON.parse(readFileSync('schemas/imrlintrc.schema.json', 'utf8'));
  assert.deepEqual(Object.keys(schema.properties.rules.properties), ids);
  assert.deepEqual(schema.properties.ignore.items.properties.rule.enum, ids);
});
