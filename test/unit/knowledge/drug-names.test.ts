import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleContext } from '../../../server/src/engine/run-rules';
import { hoverAt } from '../../../server/src/features/hover';
import { loadKnowledge } from '../../../server/src/knowledge';
import { parseLetter } from '../../../server/src/letter/parse';
import { makeLetter } from '../../support/letters';

const kb = loadKnowledge();

/**
 * Hover explains a drug name in a rationale, and the rules read the same name in an item
 * title: for every name in the dictionary both must find the same entry as findDrug.
 */
test('every name in the drug dictionary is recognised the same way by hover and by the rules', () => {
  const disagreements: string[] = [];
  let names = 0;
  for (const drug of kb.drugs) {
    for (const name of [drug.generic, ...drug.brands, ...drug.otherNames]) {
      names++;
      const text = makeLetter({
        items: [{ title: `${name} #30`, decision: 'Upheld', rationale: `The worker takes ${name} daily. The request is not medically necessary.` }],
      });
      const letter = parseLetter(text);
      // Hover on the name in the rationale; the rules read the one in the title.
      const offset = text.lastIndexOf(name) + Math.floor(name.length / 2);
      const hover = hoverAt(letter, offset, kb)?.entry;
      const hovered = hover?.kind === 'drug' ? hover.id : null;
      const inRules = ruleContext(letter, kb).facts.item(0).drugs.map((mention) => mention.generic);
      if (hovered === null || hovered !== inRules[0] || hovered !== kb.findDrug(name)?.id) {
        disagreements.push(`${name}: hover ${hovered}, rules ${inRules.join('+') || 'none'}, findDrug ${kb.findDrug(name)?.id ?? 'none'}`);
      }
    }
  }
  assert.ok(names > 300, `only ${names} names in the dictionary`);
  assert.deepEqual(disagreements, []);
});
