import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverAt } from '../../../server/src/features/hover';
import { loadKnowledge } from '../../../server/src/knowledge';
import { loadUserKnowledge } from '../../../server/src/knowledge/user-knowledge';
import { parseLetter } from '../../../server/src/letter/parse';
import { makeLetter } from '../../support/letters';

/** An invented drug, so the test cannot pass on built-in data. */
const ORGANISATION_DRUGS = JSON.stringify({
  drugs: [
    { id: 'zorvexa', generic: 'zorvexamine', brands: ['Zorvexa'], otherNames: [], classes: ['opioid'], sections: ['cp09-opioids'], mmeAgent: 'morphine' },
  ],
});

test('a user file adds entries over the built-in knowledge', () => {
  const { knowledge, problems } = loadUserKnowledge([{ name: 'org-drugs.json', text: ORGANISATION_DRUGS }]);
  assert.deepEqual(problems, []);
  const text = makeLetter({ items: [{ title: 'Zorvexa 5mg #30' }] });
  const letter = parseLetter(text);
  const offset = text.indexOf('Zorvexa') + 2;
  assert.match(hoverAt(letter, offset, knowledge)?.markdown ?? '', /zorvexamine/i);
  assert.equal(hoverAt(letter, offset, loadKnowledge())?.markdown.includes('zorvexamine') ?? false, false, 'built-in knowledge does not know it');
  assert.match(hoverAt(letter, text.indexOf('Muscle relaxants') + 1, knowledge)?.markdown ?? '', /[Mm]uscle relaxants/, 'built-in entries still work');
});

test('an invalid file is named with its problem and the built-in knowledge still works', () => {
  const { knowledge, problems } = loadUserKnowledge([
    { name: 'broken.json', text: '{ "drugs": [ ' },
    { name: 'wrong-shape.json', text: JSON.stringify({ drugs: [{ id: 'x' }] }) },
    { name: 'unknown-key.json', text: JSON.stringify({ medicines: [] }) },
  ]);
  assert.equal(problems.length, 3);
  assert.match(problems[0], /^broken\.json: not valid JSON/);
  assert.match(problems[1], /^wrong-shape\.json: .*must have required property/);
  assert.match(problems[2], /^unknown-key\.json: unknown key "medicines"/);
  assert.equal(knowledge, loadKnowledge());
});
