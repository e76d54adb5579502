// Writes the rule ids into the settings contribution (imr.rules) and the
// .imrlintrc.json schema, so both complete and check them. A unit test fails
// when they drift from the rule list: run `npm run sync-rules` after adding a rule.
import { readFileSync, writeFileSync } from 'node:fs';
import { RULE_METADATA as metadata } from '../server/src/engine/catalogue';
const setting = { enum: ['off', 'error', 'warning', 'information', 'hint'] };
const ruleProperties = Object.fromEntries(
  metadata.map((rule: { id: string; description: string; defaultSeverity: string }) => [rule.id, { ...setting, markdownDescription: `${rule.description} Default: \`${rule.defaultSeverity}\`.` }]),
);

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const rules = manifest.contributes.configuration.properties['imr.rules'];
rules.properties = ruleProperties;
writeFileSync('package.json', JSON.stringify(manifest, null, 2) + '\n');

const schemaPath = 'schemas/imrlintrc.schema.json';
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
schema.properties.rules.properties = Object.fromEntries(
  metadata.map((rule: { id: string; description: string; defaultSeverity: string }) => [rule.id, { enum: [...setting.enum, false], markdownDescription: `${rule.description} Default: \`${rule.defaultSeverity}\`.` }]),
);
schema.properties.ignore.items.properties.rule.enum = metadata.map((rule) => rule.id);
writeFileSync(schemaPath, JSON.stringify(schema, null, 2) + '\n');
console.log(`${metadata.length} rules written to package.json and ${schemaPath}`);
