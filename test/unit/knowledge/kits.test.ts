import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleContext } from '../../../server/src/engine/run-rules';
import { loadKnowledge } from '../../../server/src/knowledge';
import { parseLetter } from '../../../server/src/letter/parse';
import { makeLetter } from '../../support/letters';

const knowledge = loadKnowledge();

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
  ];
  for (const [title, families] of titles) {
    const letter = parseLetter(makeLetter({ items: [{ title, decision: 'Upheld' }] }));
    const facts = ruleContext(letter, knowledge).facts.item(0);
    assert.ok(facts.drugs.length > 0, `${title}: a known drug`);
    for (const family of families) assert.ok(facts.classes.has(family as never), `${title}: ${family} in ${[...facts.classes].join(', ')}`);
  }
});
