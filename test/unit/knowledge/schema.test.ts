import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { builtinKnowledgeData, loadKnowledge } from '../../../server/src/knowledge';
import { primaryKey } from '../../../server/src/knowledge/normalise';

const ROOT = join(process.cwd(), 'server', 'src', 'knowledge');
const DATA = join(ROOT, 'data');
const SCHEMA = join(ROOT, 'schema');

test('every knowledge data file validates against its schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  const files = readdirSync(DATA).filter((name) => name.endsWith('.json'));
  assert.ok(files.length >= 5, 'expected the five data files');
  for (const file of files) {
    const data = JSON.parse(readFileSync(join(DATA, file), 'utf8')) as { $schema?: string };
    const schemaFile = join(SCHEMA, file.replace(/\.json$/, '.schema.json'));
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    const valid = validate(data);
    assert.ok(valid, `${file}: ${ajv.errorsText(validate.errors)}`);
    assert.equal(data.$schema, `../schema/${file.replace(/\.json$/, '.schema.json')}`, `${file} names its schema`);
  }
});

test('the schemas reject a malformed entry', () => {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMA, 'sections.schema.json'), 'utf8')));
  const bad = { sections: [{ id: 'Bad Id', guideline: 'x', title: 't', aliases: [], pages: [5], pageConfidence: 'sure', verified: 'no', summary: 's', keyCriteria: [], sourceRef: '' }] };
  assert.equal(validate(bad), false);
  const messages = ajv.errorsText(validate.errors);
  assert.match(messages, /pattern/);
  assert.match(messages, /pageConfidence|allowed values/);
});

test('ids are unique and every reference points at an existing entry', () => {
  const data = builtinKnowledgeData;
  const unique = (ids: string[], what: string) => assert.equal(new Set(ids).size, ids.length, `duplicate ${what} id`);
  unique(data.guidelines.map((g) => g.id), 'guideline');
  unique(data.sections.map((s) => s.id), 'section');
  unique(data.drugs.map((d) => d.id), 'drug');
  unique(data.terms.map((t) => t.id), 'term');
  unique(data.odgChapters.map((c) => c.id), 'ODG chapter');
  const guidelines = new Set(data.guidelines.map((g) => g.id));
  const sections = new Set(data.sections.map((s) => s.id));
  const drugs = new Set(data.drugs.map((d) => d.id));
  for (const guideline of data.guidelines) {
    for (const id of guideline.supersededBy ?? []) assert.ok(guidelines.has(id), `${guideline.id} superseded by unknown ${id}`);
    if (guideline.effectiveFrom && guideline.effectiveTo) assert.ok(guideline.effectiveFrom < guideline.effectiveTo, guideline.id);
  }
  for (const section of data.sections) {
    assert.ok(guidelines.has(section.guideline), `${section.id}: unknown guideline ${section.guideline}`);
    for (const id of [section.parent, section.counterpart, ...(section.related ?? [])]) if (id) assert.ok(sections.has(id), `${section.id} refers to unknown ${id}`);
    if (section.pages.length === 2) assert.ok(section.pages[0] <= section.pages[1], `${section.id} pages run backwards`);
    assert.equal(section.verified, section.pageConfidence === 'verified', `${section.id}: verified flag and confidence disagree`);
  }
  for (const drug of data.drugs) {
    for (const id of drug.sections) assert.ok(sections.has(id), `${drug.id} governed by unknown section ${id}`);
    for (const id of drug.components ?? []) assert.ok(drugs.has(id), `${drug.id} contains unknown drug ${id}`);
    // A compounded cream's strengths are percentages of the cream: it has no morphine equivalent.
    const topicalCompound = drug.classes.includes('compounded') && drug.classes.includes('topical');
    if (drug.classes.includes('opioid') && drug.id !== 'buprenorphine' && drug.id !== 'buprenorphine-naloxone' && !topicalCompound) assert.ok(drug.mmeAgent, `${drug.id}: opioid without a morphine-equivalent agent`);
  }
});

test('within one guideline no two sections claim the same name', () => {
  const owners = new Map<string, string>();
  for (const section of builtinKnowledgeData.sections) {
    for (const name of [section.title, ...section.aliases]) {
      const key = `${section.guideline}|${primaryKey(name)}`;
      const owner = owners.get(key);
      assert.ok(!owner || owner === section.id, `"${name}" is claimed by both ${owner} and ${section.id}`);
      owners.set(key, section.id);
    }
  }
});

test('no two drugs share a name', () => {
  const owners = new Map<string, string>();
  for (const drug of builtinKnowledgeData.drugs) {
    for (const name of new Set([drug.generic, ...drug.brands, ...drug.otherNames].map((n) => n.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()))) {
      const owner = owners.get(name);
      assert.ok(!owner || owner === drug.id, `"${name}" names both ${owner} and ${drug.id}`);
      owners.set(name, drug.id);
    }
  }
});

test('unverified pages stay flagged: only the benzodiazepine page is marked verified', () => {
  const verified = builtinKnowledgeData.sections.filter((s) => s.verified).map((s) => s.id);
  assert.deepEqual(verified, ['cp09-benzodiazepines']);
});

test('the knowledge base loads once and is shared', () => {
  assert.equal(loadKnowledge(), loadKnowledge());
});

test('the MME tables: every entry has one factor or ascending tiers, and every opioid agent is listed or explained', () => {
  const kb = loadKnowledge();
  const tableIds = kb.mme.tables.map((table) => table.id);
  assert.ok(tableIds.includes(kb.mme.data.defaultTable), 'the default table exists');
  for (const table of kb.mme.tables) {
    for (const entry of table.factors) {
      assert.ok((entry.factor === undefined) !== (entry.tiers === undefined), `${table.id}/${entry.agent}: one factor or tiers, not both or neither`);
      const bounds = (entry.tiers ?? []).map((tier) => tier.upToDailyDose ?? Infinity);
      assert.deepEqual(bounds, [...bounds].sort((a, b) => a - b), `${table.id}/${entry.agent}: tiers in ascending order`);
      if (entry.tiers) assert.equal(entry.tiers.at(-1)!.upToDailyDose, undefined, `${table.id}/${entry.agent}: the last tier has no bound`);
    }
  }
  for (const drug of builtinKnowledgeData.drugs) {
    if (!drug.mmeAgent || kb.mme.entry(drug.mmeAgent)) continue;
    assert.match(drug.mmeNote ?? '', /Not in the CDC 2016 conversion table/, `${drug.id}: agent ${drug.mmeAgent} is in no default table and its note does not say so`);
  }
  // Each threshold names a section that exists, and the general one is there.
  for (const threshold of kb.mme.data.thresholds) if (threshold.section) assert.ok(kb.section(threshold.section), `${threshold.id}: unknown section ${threshold.section}`);
  assert.ok(kb.mme.threshold(null), 'a threshold applies when no edition-specific one does');
});
