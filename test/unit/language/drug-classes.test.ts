import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadKnowledge } from '../../../server/src/knowledge';
import { classesInTokens, drugLookupFor, hasStrength, knowledgeDrugLookup, localDrugLookup } from '../../../server/src/language/drug-classes';
import { tokenize } from '../../../server/src/language/tokens';

const lookups = [
  ['local dictionary', localDrugLookup],
  ['knowledge base', drugLookupFor(loadKnowledge())],
] as const;

for (const [name, lookup] of lookups) {
  test(`${name}: brand and generic names resolve to the same drug and class`, () => {
    assert.equal(lookup.lookup('Zanaflex')?.generic, lookup.lookup('tizanidine')?.generic);
    assert.ok(lookup.lookup('Zanaflex')?.classes.includes('muscle-relaxant'));
    assert.ok(lookup.lookup('Norco')?.classes.includes('opioid'));
    assert.ok(lookup.lookup('Klonopin')?.classes.includes('benzodiazepine'));
    assert.ok(lookup.lookup('Neurontin')?.classes.includes('anti-epileptic'));
    assert.ok(lookup.lookup('Naprosyn')?.classes.includes('nsaid'));
    assert.ok(lookup.lookup('Lidoderm')?.classes.includes('topical'));
    assert.equal(lookup.lookup('physical therapy'), null);
  });

  test(`${name}: mentions in text, including multi-word names`, () => {
    const text = 'Medications included Orphenadrine Citrate ER, Norco and Soma.';
    const mentions = lookup.mentions(tokenize(text));
    assert.deepEqual(
      mentions.map((mention) => text.slice(mention.span.start, mention.span.end)),
      ['Orphenadrine Citrate', 'Norco', 'Soma'],
    );
  });
}

test('the knowledge-base lookup keeps local names it lacks and maps them to its own drugs', () => {
  const lookup = knowledgeDrugLookup([{ id: 'tizanidine-kb', generic: 'tizanidine', brands: ['Zanaflex'], otherNames: [], classes: ['muscle relaxant', 'antispasticity'] }]);
  assert.deepEqual(lookup.lookup('Zanaflex'), { generic: 'tizanidine-kb', classes: ['muscle-relaxant'] });
  assert.equal(lookup.lookup('Norco')?.generic, 'hydrocodone', 'a name only the local dictionary knows');
  assert.equal(drugLookupFor({}), localDrugLookup, 'without a drug list the local dictionary is used');
  assert.equal(drugLookupFor(loadKnowledge()), drugLookupFor(loadKnowledge()), 'built once per knowledge base');
});

test('topical forms count as topical only for drug items', () => {
  const classesOf = (title: string) => [...classesInTokens(localDrugLookup, tokenize(title))].sort();
  assert.deepEqual(classesOf('Ketoprofen 20% cream 240 grams'), ['nsaid', 'topical']);
  assert.deepEqual(classesOf('Compound 10% gel 120 grams'), ['topical']);
  assert.deepEqual(classesOf('Ice/Heat pads therapy times 6'), []);
  assert.equal(hasStrength(tokenize('Pepcid 20mg')), true);
  assert.equal(hasStrength(tokenize('Lidocaine 5 % patch')), true);
  assert.equal(hasStrength(tokenize('MRI of the lumbar spine, 1.5 Tesla')), false);
});
