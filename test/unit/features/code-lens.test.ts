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
    ['Cyclobenzaprine 7.5mg #60 with two refills', 'Muscle relaxants: duration \u2713  acute flare \u2713  function with prior use \u2713 (criteria not verified)'],
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

test('a muscle relaxant is asked whether it is for an acute flare: a statement about this worker either way answers, the guideline\'s words do not', () => {
  const maximus = 'Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Muscle relaxants (for pain), Page(s): 63-66.';
  const lens = (summary: string, rationale: string) =>
    lensesOf(makeLetter({ summary, items: [{ title: 'Tizanidine 4mg #30', maximus, rationale, decision: 'Upheld' }] }))[0][1];
  const guideline = 'Muscle relaxants are recommended as a second-line option for short-term treatment of acute exacerbations of chronic low back pain.';
  const plainSummary = 'The injured worker is a 44 year old driver with low back pain after a fall at work.';
  assert.match(lens(plainSummary, `${guideline} The request is not medically necessary.`), /acute flare \u2717/);
  assert.match(lens(plainSummary, `${guideline} The records describe no acute exacerbation. The request is not medically necessary.`), /acute flare \u2713/);
  assert.match(lens(`${plainSummary} On 3-2-2016 she reported a flare-up of spasm after lifting boxes.`, `${guideline} The request is not medically necessary.`), /acute flare \u2713/);
  assert.match(lens(plainSummary, `${guideline} She has taken it every day for a year. The request is not medically necessary.`), /acute flare \u2713/);
  // Asked of a first prescription too, unlike duration and function.
  assert.match(lens(plainSummary, `${guideline} The request is not medically necessary.`), /duration \u2013  acute flare \u2717  function with prior use \u2013/);
});
