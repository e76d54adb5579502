import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { codeLenses } from '../../../server/src/features/code-lens';
import { loadKnowledge } from '../../../server/src/knowledge';
import { makeLetter } from '../../support/letters';

const knowledge = loadKnowledge();
const lensesOf = (text: string) => {
  const analysis = analyze(text, { knowledge });
  return codeLenses(analysis.letter!, analysis.criteria).map((lens) => [text.slice(lens.span.start, lens.span.end), lens.title]);
};

test('each item shows the criteria of its cited sections, answered by the checks\' facts', () => {
  assert.deepEqual(lensesOf(readFileSync('examples/complete-letter.imr', 'utf8')), [
    ['Norco 10/325mg #90', 'Opioids, on-going management: analgesia \u2713  activities \u2713  adverse effects \u2713  aberrant behaviour \u2713 (criteria not verified)'],
    ['Cyclobenzaprine 7.5mg #60 with two refills', 'Muscle relaxants: duration \u2713  function with prior use \u2713 (criteria not verified)'],
    ['Six sessions of physical therapy for the cervical spine', 'Physical medicine: function with prior use \u2713  visits within the cap \u2717 (criteria not verified)'],
  ]);
});

test('the lens agrees with opioid-monitoring: an A it reports missing is \u2717, and a first prescription is not asked', () => {
  const summary = 'The injured worker is a 51 year old clerk with low back pain. She has taken Norco since 2014 with pain falling from 7/10 to 4/10 and walks farther with it.';
  const item = { title: 'Norco 10/325mg #90', maximus: 'Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioids, criteria for use.', rationale: 'Pain relief and walking tolerance are documented. The request is medically necessary.', decision: 'Overturned' };
  const text = makeLetter({ summary, items: [item] });
  assert.deepEqual(lensesOf(text).map(([, title]) => title), ['Opioids, on-going management: analgesia \u2713  activities \u2713  adverse effects \u2717  aberrant behaviour \u2717 (criteria not verified)']);
  const findings = analyze(text, { knowledge }).findings.filter((finding) => finding.ruleId === 'opioid-monitoring');
  assert.match(findings[0]?.message ?? '', /adverse effects or aberrant drug behaviour/);
  const first = makeLetter({ summary: 'The injured worker is a 51 year old clerk with an acute low back strain.', items: [{ ...item, title: 'Initial trial of Norco 10/325mg #30' }] });
  assert.deepEqual(lensesOf(first).map(([, title]) => title), ['Opioids, on-going management: analgesia \u2013  activities \u2013  adverse effects \u2013  aberrant behaviour \u2013 (criteria not verified)']);
});

test('an item citing no section with criteria has no lens', () => {
  assert.deepEqual(lensesOf(makeLetter({ items: [{ title: 'MRI of the lumbar spine', maximus: 'Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.' }] })), []);
});
