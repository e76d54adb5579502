import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { citationUnknown } from '../../../server/src/rules/citation-unknown';
import { corpusLetters, skipWithoutCorpus } from '../../support/corpus';
import { makeLetter } from '../../support/letters';
import { applyEdits, check } from '../../support/run-rule';

function letterCiting(maximus: string): string {
  return makeLetter({ items: [{ title: 'MRI of the lumbar spine', decision: 'Upheld', maximus }] });
}

describe('citation-unknown', () => {
  test('a misspelt section gets "did you mean" and a fix', () => {
    const text = letterCiting('Decision based on MTUS Low Back Complaints 2004, Section(s): Inital Care, Special Studies.');
    const { findings, spanText } = check(citationUnknown, text);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(spanText(finding), 'Inital Care');
    assert.equal(finding.severity, undefined, 'a confident suggestion keeps the rule severity');
    assert.match(finding.message, /"Inital Care" is not a section of MTUS Low Back Complaints \(2004\)\. Did you mean "Initial Care"/);
    const fixed = applyEdits(text, finding.fixes![0].edits);
    assert.match(fixed, /Section\(s\): Initial Care, Special Studies\./);
    assert.deepEqual(check(citationUnknown, fixed).findings, []);
  });

  test('a very long unknown section is quoted by its start, not whole', () => {
    const long = `Inital Care ${'and more words '.repeat(60_000)}`.trim();
    const { findings } = check(citationUnknown, letterCiting(`Decision based on MTUS Low Back Complaints 2004, Section(s): ${long}.`));
    assert.equal(findings.length, 1);
    assert.ok(findings[0].message.length < 400, `${findings[0].message.length} characters`);
    assert.match(findings[0].message, /^"Inital Care and more words and more words .* \.\.\." is not /);
  });

  test('an unknown guideline name suggests MTUS guidelines', () => {
    const text = letterCiting('Decision based on MTUS Low Bak Complaints 2004, Section(s): Special Studies.');
    const { findings, spanText } = check(citationUnknown, text);
    assert.equal(findings.length, 1);
    assert.equal(spanText(findings[0]), 'Low Bak Complaints');
    assert.match(findings[0].message, /Did you mean "Low Back Complaints"/);
    assert.match(applyEdits(text, findings[0].fixes![0].edits), /MTUS Low Back Complaints 2004/);
  });

  test('a page number written as a section name', () => {
    const text = letterCiting('Decision based on MTUS Elbow Complaints 2007, Section(s): 326.');
    const [finding] = check(citationUnknown, text).findings;
    assert.match(finding.message, /"326" is a number, not a section name/);
  });

  test('a name with no close match is only a hint, since the section lists are not exhaustive', () => {
    const text = letterCiting('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Spinal decompression tables.');
    const [finding] = check(citationUnknown, text).findings;
    assert.equal(finding.severity, 'hint');
    assert.match(finding.message, /may be incomplete/);
  });

  test('known names, spellings from the other edition and Non-MTUS free text pass', () => {
    for (const maximus of [
      'Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Muscle relaxants (for pain).',
      'Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Electrodiagnostic testing (EMG/NCS).',
      'Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment.',
      'Decision based on MTUS Acupuncture Treatment 2007.',
      'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, Anything at all.',
      'Decision based on Non-MTUS Citation A local hospital protocol, 2016.',
    ]) {
      assert.deepEqual(check(citationUnknown, letterCiting(maximus)).findings, [], maximus);
    }
  });

  test('precision on the real letters: no finding in the corpus', { skip: skipWithoutCorpus }, () => {
    const findings = corpusLetters().reduce((sum, letter) => sum + check(citationUnknown, letter.text).findings.length, 0);
    console.log(`# citation-unknown findings on the corpus: ${findings}`);
    assert.equal(findings, 0);
  });
});

test('the guideline fix replaces a trailing "Guidelines" instead of doubling it, and lists each title once', () => {
  const text = makeLetter({ items: [{ title: 'Tizanidine 4mg #60', maximus: 'Decision based on MTUS Chronic Pian Medical Treatment Guidelines 2009, Section(s): Muscle relaxants (for pain).' }] });
  const [finding] = check(citationUnknown, text).findings.filter((candidate) => /not an MTUS guideline/.test(candidate.message));
  assert.ok(finding, 'the misspelt guideline is reported');
  const titles = finding.fixes!.map((fix) => fix.title);
  assert.equal(new Set(titles).size, titles.length, `titles: ${titles.join(' | ')}`);
  const fixed = applyEdits(text, finding.fixes![0].edits);
  assert.doesNotMatch(fixed, /Guidelines\s+Guidelines/);
});

test('guideline-name variants and line-break hyphenation resolve: a year inside the name, a publisher in front, "Electro- diagnostic"', () => {
  const findings = (maximus: string) => check(citationUnknown, makeLetter({ items: [{ title: 'Norco 10/325mg #90', maximus }] })).findings;
  assert.deepEqual(findings('Decision based on MTUS Chronic Pain Medical Treatment 2016 Guidelines, Section(s): Opioids, criteria for use.'), []);
  assert.deepEqual(findings('Decision based on MTUS ACOEM Low Back Complaints 2004, Section(s): Special Studies.'), []);
  assert.deepEqual(findings('Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Electro- diagnostic testing.'), []);
  assert.equal(findings('Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Unheard-of modality.').length, 1);
});
