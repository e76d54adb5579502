import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleContext } from '../../../server/src/engine/run-rules';
import { hoverAt } from '../../../server/src/features/hover';
import { loadKnowledge } from '../../../server/src/knowledge';
import { parseLetter } from '../../../server/src/letter/parse';
import { makeLetter } from '../../support/letters';

const knowledge = loadKnowledge();

/** The kits and compounds added without a check against the research notes, which the hover must call not verified. */
const UNVERIFIED = ['lidopro', 'xoten-c', 'lidocaine-menthol', 'tghot', 'fluriflex', 'theraflex', 'prizopak', 'lidorx'];

test('compounding kits and branded topicals that workers\' compensation requests name are known, with their classes', () => {
  const titles: [string, string[]][] = [
    ['Tabradol 1mg/ml oral suspension 250ml', ['muscle-relaxant']],
    ['Fanatrex 25mg/ml oral suspension 420ml', ['anti-epileptic']],
    ['Deprizine 15mg/ml oral suspension 250ml', []],
    ['Dicopanor 5mg/ml oral suspension 150ml', []],
    ['Dendracin lotion 120ml', ['topical']],
    ['Mentherm 15% 120gm', ['topical']],
    ['Kera-Tek gel 4oz', ['topical']],
    ['Genicin 500mg #90', []],
    ['Somnicin #30', []],
    ['LidoPro ointment 121gm', ['topical']],
    ['Lido Pro lotion 4oz', ['topical']],
    ['Xoten-C lotion 113.4gm', ['topical']],
    ['Lidozen patch #30', ['topical']],
    ['Lenzapatch #15', ['topical']],
    ['TGHot cream 180gm', ['topical', 'opioid', 'anti-epileptic']],
    ['Fluriflex 180gm', ['topical', 'nsaid', 'muscle-relaxant']],
    ['Theraflex cream 180gm', ['topical']],
    ['DermacinRx Prizopak 30gm', ['topical']],
    ['LiDORx 3% gel 30ml', ['topical']],
  ];
  for (const [title, families] of titles) {
    const letter = parseLetter(makeLetter({ items: [{ title, decision: 'Upheld' }] }));
    const facts = ruleContext(letter, knowledge).facts.item(0);
    assert.ok(facts.drugs.length > 0, `${title}: a known drug`);
    for (const family of families) assert.ok(facts.classes.has(family as never), `${title}: ${family} in ${[...facts.classes].join(', ')}`);
  }
});

test('a dictionary entry marked not verified says so in its hover, with its source; one without the flag says nothing', () => {
  const text = makeLetter({ items: [{ title: 'Tabradol 1mg/ml oral suspension 250ml', decision: 'Upheld' }, { title: 'Norco 10/325mg #60', decision: 'Upheld' }] });
  const letter = parseLetter(text);
  const kit = hoverAt(letter, text.indexOf('Tabradol') + 2, knowledge)?.markdown ?? '';
  assert.match(kit, /\u26a0 Not verified/);
  assert.match(kit, /_Source: Ingredients as the product is commonly marketed/);
  const norco = hoverAt(letter, text.indexOf('Norco') + 2, knowledge)?.markdown ?? '';
  assert.match(norco, /hydrocodone/);
  assert.doesNotMatch(norco, /Not verified|_Source:/);
});

test('every kit and compound added without the research notes is marked not verified, with its source; a compound lists its ingredients', () => {
  for (const id of UNVERIFIED) {
    const drug = knowledge.drug(id);
    assert.ok(drug, id);
    assert.equal(drug.verified, false, id);
    assert.ok(drug.sourceRef && drug.sourceRef.length > 20, id);
  }
  // A compound takes the classes of its ingredients, as the same ingredients written out would.
  for (const id of ['lidopro', 'tghot', 'fluriflex', 'xoten-c']) {
    const drug = knowledge.drug(id)!;
    assert.ok((drug.components ?? []).length >= 2, id);
    for (const component of drug.components ?? []) assert.ok(knowledge.drug(component), `${id}: ${component}`);
  }
});
