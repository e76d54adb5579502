import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DRUG_DEPENDENT_CHECKS, unknownDrug } from '../../../server/src/rules/unknown-drug';
import { functionalImprovement } from '../../../server/src/rules/functional-improvement';
import { refillCount } from '../../../server/src/rules/refill-count';
import { ruleContext } from '../../../server/src/engine/run-rules';
import { buildKnowledge, builtinKnowledgeData } from '../../../server/src/knowledge';
import { parseLetter } from '../../../server/src/letter/parse';
import { checkFixture, fixtureText } from '../../fixtures/rules/fixtures';
import { CORPUS, corpusLetters, skipWithoutCorpus } from '../../support/corpus';
import { makeLetter } from '../../support/letters';
import { check } from '../../support/run-rule';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The check ids a finding's message names, in order. */
function named(message: string): string[] {
  return DRUG_DEPENDENT_CHECKS.map((check) => check.id).filter((id) => message.includes(`${id} (`));
}

test('a medication the dictionary does not know is reported on its name, with the checks that could not run', () => {
  const { findings, spanText, titleOf } = checkFixture(unknownDrug, 'fail-unknown-drug');
  assert.equal(findings.length, 1, 'Norco is known and the MRI is not a medication');
  assert.equal(titleOf(findings[0].itemIndex), 'Zorvexin 15mg #60');
  assert.equal(spanText(findings[0]), 'Zorvexin');
  // Norco is an opioid: were Zorvexin a benzodiazepine, opioid-benzodiazepine would have had a pair to judge.
  assert.deepEqual(named(findings[0].message), ['functional-improvement', 'opioid-monitoring', 'duration-of-use', 'conclusion-item-mismatch', 'opioid-benzodiazepine']);
  // Nothing is Overturned, so the daily MME total is judged for no item: opioid-dose lost nothing.
  assert.doesNotMatch(findings[0].message, /mmeAgent/);
  // The silence it explains: functional-improvement has nothing to say about the unknown drug.
  const silent = check(functionalImprovement, fixtureText(unknownDrug.id, 'fail-unknown-drug')).findings.filter((finding) => finding.itemIndex === 0);
  assert.deepEqual(silent, []);
});

test('only the checks that went silent for want of the drug are named: a topical, a first course, refills in the summary', () => {
  const { findings, spanText, text } = checkFixture(unknownDrug, 'fail-silenced-checks');
  assert.deepEqual(findings.map((finding) => spanText(finding)), ['Velarin', 'Zorvexin']);
  // A cream is topical by its form, and duration-of-use leaves topicals out whatever the drug;
  // the summary's refills for Velarin cannot be told from another drug's.
  assert.deepEqual(named(findings[0].message), ['functional-improvement', 'opioid-monitoring', 'conclusion-item-mismatch', 'refill-count']);
  assert.deepEqual(check(refillCount, text).findings.filter((finding) => finding.itemIndex === 0), [], 'refill-count is indeed silent on it');
  // A post-operative supply is a first course: only the concluding sentence went unchecked; its refills are in the title.
  assert.deepEqual(named(findings[1].message), ['conclusion-item-mismatch']);
  assert.match(findings[1].message, /so conclusion-item-mismatch \(does the concluding sentence name it\?\) could not check this item\./);
});

test('a title saying "continue" and a dosage form let functional-improvement run without the drug, so it is not named', () => {
  const text = makeLetter({ items: [{ title: 'Continue Velarin cream 5% 120g', decision: 'Upheld', rationale: 'Compounded creams are largely experimental. Therefore the request is not medically necessary.' }] });
  assert.deepEqual(named(check(unknownDrug, text).findings[0].message), ['opioid-monitoring', 'conclusion-item-mismatch']);
  assert.equal(check(functionalImprovement, text).findings.length, 1, 'functional-improvement ran, and found no word on function');
});

test('the opioid checks are named only where the drug could have mattered to them: an Overturned item, another opioid or benzodiazepine', () => {
  const overturned = makeLetter({ items: [{ title: 'Zorvexin 15mg #60', decision: 'Overturned', rationale: 'The worker reports less pain and walks further with it. Therefore the request is medically necessary.' }] });
  const [finding] = check(unknownDrug, overturned).findings;
  assert.ok(named(finding.message).includes('opioid-dose'), 'were it an opioid, its dose would be judged on this Overturned item');
  assert.ok(!named(finding.message).includes('opioid-benzodiazepine'), 'no other opioid or benzodiazepine is requested or in use');
  assert.match(finding.message, /with its class \(and, for an opioid, its mmeAgent\)\.$/);
  const besideXanax = makeLetter({
    summary: 'Current medications include alprazolam 0.5mg nightly.',
    items: [{ title: 'Zorvexin 15mg #60', decision: 'Upheld', rationale: 'There is no documented functional improvement. Therefore the request is not medically necessary.' }],
  });
  const names = named(check(unknownDrug, besideXanax).findings[0].message);
  assert.ok(names.includes('opioid-benzodiazepine'), 'a benzodiazepine in use in the summary');
  assert.ok(!names.includes('opioid-dose'), 'an Upheld item beside no Overturned opioid');
});

test('known drugs, brands, topicals and non-medication items pass', () => {
  assert.deepEqual(checkFixture(unknownDrug, 'pass-known-drugs').findings, []);
});

test('a procedure that names a drug and its dose, and equipment with a size, are not drug requests', () => {
  assert.deepEqual(checkFixture(unknownDrug, 'pass-not-a-drug-request').findings, []);
});

test('a title without a strength is not taken for a medication, and a wrapped title is still found', () => {
  const letter = (title: string) => makeLetter({ items: [{ title, decision: 'Upheld' }] });
  assert.deepEqual(check(unknownDrug, letter('Ergonomic chair evaluation')).findings, []);
  const { findings, spanText } = check(unknownDrug, letter('Zorvexin ER\n30mg #30'));
  assert.equal(findings.length, 1);
  assert.equal(spanText(findings[0]), 'Zorvexin');
});

test('the name is the drug alone: no request preamble, parenthesis, release form, salt or dosage form', () => {
  const cases: [string, string][] = [
    ['Three months coverage of Velarin 50mg', 'Velarin'],
    ['Zorvexin ER 100mg #60', 'Zorvexin'],
    ['Zorvexin HCL 25mg, #30', 'Zorvexin'],
    ['Zorvexin sod DR 20mg #60', 'Zorvexin'],
    ['Velarin (Zorvexin) 7.5mg #30', 'Velarin'],
    ['Velarin Patch 5 MCG #4', 'Velarin'],
    ['Retrospective Zorvexin 5mg tab #30 DOS: 11/14/16', 'Zorvexin'],
    ['Refill of Zorvexin 10mg #30', 'Zorvexin'],
    ['Continue Velarin cream 5% 120g', 'Velarin'],
    ['Kera-Velarin gel 2%, 4oz', 'Kera-Velarin'],
    ['Methyl velarinate 10% lotion 120ml', 'Methyl velarinate'],
  ];
  for (const [title, name] of cases) {
    const { findings, spanText } = check(unknownDrug, makeLetter({ items: [{ title, decision: 'Upheld' }] }));
    assert.equal(findings.length, 1, title);
    assert.equal(spanText(findings[0]), name, title);
    assert.ok(findings[0].message.startsWith(`"${name}" is not in the drug dictionary`), title);
  }
});

interface GoldItem {
  readonly index: number;
  readonly facts: { readonly kind: string };
}

test('with the dictionary emptied, it fires on medication items of the corpus only, on the drug name alone', { skip: skipWithoutCorpus }, () => {
  // The corpus names no drug the dictionary lacks, so its precision is measured by taking every drug away.
  const knowledge = buildKnowledge({ ...builtinKnowledgeData, drugs: [] });
  const gold = new Map<string, readonly GoldItem[]>(
    (JSON.parse(readFileSync(join(CORPUS, 'gold-rules-dev.json'), 'utf8')) as { id: string; items: GoldItem[] }[]).map((letter) => [letter.id, letter.items]),
  );
  let medications = 0;
  let fired = 0;
  const wrong: string[] = [];
  for (const { id, text } of corpusLetters(['seeds', 'real-layout'])) {
    const letter = parseLetter(text);
    const findings = unknownDrug.check(letter, ruleContext(letter, knowledge));
    for (const item of gold.get(id) ?? []) {
      const finding = findings.find((candidate) => candidate.itemIndex === item.index);
      if (item.facts.kind === 'medication') medications++;
      if (!finding) continue;
      fired++;
      const name = text.slice(finding.span.start, finding.span.end);
      if (item.facts.kind !== 'medication') wrong.push(`${id} #${item.index}: fires on a ${item.facts.kind} item`);
      else if (!/^[A-Za-z][A-Za-z-]*$/.test(name)) wrong.push(`${id} #${item.index}: name "${name}"`);
    }
  }
  assert.deepEqual(wrong, []);
  // Three medication titles give no strength ("Fioricet #120"), so without the dictionary nothing marks them as drugs.
  assert.ok(medications >= 54 && fired >= medications - 3, `fired on ${fired} of ${medications} medication items`);
});
