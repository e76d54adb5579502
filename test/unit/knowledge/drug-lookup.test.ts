import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildKnowledge, builtinKnowledgeData, loadKnowledge, mergeKnowledgeData } from '../../../server/src/knowledge';
import { classesOfMentions, drugLookupOver, type DrugLookup } from '../../../server/src/knowledge/drug-lookup';
import { hasStrength } from '../../../server/src/language/doses';

const builtinDrugLookup = () => loadKnowledge().drugLookup;
import { tokenList, type TokenList } from '../../../server/src/language/tokens';

const classesInTokens = (lookup: DrugLookup, tokens: TokenList) => classesOfMentions(lookup.mentions(tokens), tokens);

test('brand and generic names resolve to the same drug and class', () => {
  const lookup = builtinDrugLookup();
  assert.equal(lookup.lookup('Zanaflex')?.generic, lookup.lookup('tizanidine')?.generic);
  assert.ok(lookup.lookup('Zanaflex')?.classes.includes('muscle-relaxant'));
  assert.ok(lookup.lookup('Norco')?.classes.includes('opioid'));
  assert.ok(lookup.lookup('Klonopin')?.classes.includes('benzodiazepine'));
  assert.ok(lookup.lookup('Neurontin')?.classes.includes('anti-epileptic'));
  assert.ok(lookup.lookup('Naprosyn')?.classes.includes('nsaid'));
  assert.ok(lookup.lookup('Lidoderm')?.classes.includes('topical'));
  assert.equal(lookup.lookup('physical therapy'), null);
});

test('mentions in text, including multi-word names', () => {
  const text = 'Medications included Orphenadrine Citrate ER, Norco and Soma.';
  const mentions = builtinDrugLookup().mentions(tokenList(text));
  assert.deepEqual(
    mentions.map((mention) => text.slice(mention.span.start, mention.span.end)),
    ['Orphenadrine Citrate', 'Norco', 'Soma'],
  );
});

test('a combination named by its parts is both drugs: "Fioricet with codeine" is a barbiturate analgesic and an opioid', () => {
  const text = 'Fioricet with codeine 50/300/40/30mg #60';
  const mentions = builtinDrugLookup().mentions(tokenList(text));
  assert.deepEqual(mentions.map((mention) => mention.generic), ['butalbital-apap-caffeine', 'codeine']);
  assert.deepEqual([...classesInTokens(builtinDrugLookup(), tokenList(text))].sort(), ['opioid', 'sedative']);
});

test("a dictionary's ids are the canonical names, and each knowledge base builds its lookup once", () => {
  const entry = { id: 'tizanidine-kb', generic: 'tizanidine', brands: ['Zanaflex'], otherNames: [], classes: ['muscle relaxant', 'antispasticity'], sections: [] } as const;
  const lookup = drugLookupOver([entry]);
  assert.deepEqual(lookup.lookup('Zanaflex'), { generic: 'tizanidine-kb', classes: ['muscle-relaxant'], entry });
  assert.equal(lookup.lookup('Norco'), null, 'only the given dictionary is read');
  assert.equal(loadKnowledge().drugLookup, loadKnowledge().drugLookup, 'built once per knowledge base');
  const layered = buildKnowledge(mergeKnowledgeData(builtinKnowledgeData, { drugs: [entry] }));
  assert.notEqual(layered.drugLookup, builtinDrugLookup(), 'a knowledge base with its own drug list gets its own lookup');
  assert.equal(layered.drugLookup.lookup('Zanaflex')?.generic, 'tizanidine', 'the first dictionary entry with a name keeps it');
  assert.equal(layered.drugLookup.lookup('tizanidine-kb'), null);
});

test('less common drugs and spellings are in the dictionary data', () => {
  const lookup = builtinDrugLookup();
  assert.ok(lookup.lookup('Tranxene')?.classes.includes('benzodiazepine'));
  assert.ok(lookup.lookup('oxazepam')?.classes.includes('benzodiazepine'));
  assert.ok(lookup.lookup('Dilantin')?.classes.includes('anti-epileptic'));
  assert.ok(lookup.lookup('salsalate')?.classes.includes('nsaid'));
  assert.ok(lookup.lookup('EMLA')?.classes.includes('topical'));
  assert.equal(lookup.lookup('hydrocodone bitartrate')?.generic, 'hydrocodone-apap');
});

test('topical forms count as topical only for drug items', () => {
  const classesOf = (title: string) => [...classesInTokens(builtinDrugLookup(), tokenList(title))].sort();
  assert.deepEqual(classesOf('Ketoprofen 20% cream 240 grams'), ['nsaid', 'topical']);
  assert.deepEqual(classesOf('Compound 10% gel 120 grams'), ['topical']);
  assert.deepEqual(classesOf('Ice/Heat pads therapy times 6'), []);
  assert.equal(hasStrength(tokenList('Pepcid 20mg')), true);
  assert.equal(hasStrength(tokenList('Lidocaine 5 % patch')), true);
  assert.equal(hasStrength(tokenList('MRI of the lumbar spine, 1.5 Tesla')), false);
  assert.equal(hasStrength(tokenList('Cold pack 4oz')), false, 'ounces are an amount, not a strength');
});
