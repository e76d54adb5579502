import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { citationPage } from '../../../server/src/rules/citation-page';
import { corpusLetters, skipWithoutCorpus } from '../../support/corpus';
import { makeLetter } from '../../support/letters';
import { applyEdits, check } from '../../support/run-rule';

function letterCiting(maximus: string, title = 'Klonopin 0.5mg #30'): string {
  return makeLetter({ header: false, items: [{ title, decision: 'Upheld', maximus }] });
}

describe('citation-page', () => {
  test('flags a page outside the named section and offers the right pages', () => {
    const text = letterCiting('Decision based on MTUS Chronic Pain Treatment Guidelines Benzodiazepines Page(s): 99.');
    const { findings, spanText } = check(citationPage, text);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(spanText(finding), '99');
    assert.equal(finding.itemIndex, 0);
    assert.match(finding.message, /Page 99 is not in Benzodiazepines \(p\. 24\); 99 falls in Physical Medicine \(pp\. 98-99\)\./);
    assert.equal(finding.fixes?.length, 1);
    assert.equal(finding.fixes![0].title, 'Cite Benzodiazepines: page 24');
    assert.equal(finding.fixes![0].isPreferred, true);
    const fixed = applyEdits(text, finding.fixes![0].edits);
    assert.match(fixed, /Benzodiazepines Page\(s\): 24\./);
    assert.deepEqual(check(citationPage, fixed).findings, []);
  });

  test('says when the section\'s pages are not verified', () => {
    const text = letterCiting('Decision based on MTUS Chronic Pain Treatment Guidelines Muscle relaxants Page(s): 24.', 'Zanaflex 4mg #60');
    const [finding] = check(citationPage, text).findings;
    assert.match(finding.message, /not in Muscle relaxants \(for pain\) \(pp\. 63-66\)/);
    assert.match(finding.message, /not verified against the DWC PDF/);
    assert.equal(finding.fixes![0].edits[0].newText, '63-66');
  });

  test('accepts the pages reviewers use, including ranges, cross-references and neighbouring pages', () => {
    for (const maximus of [
      'Decision based on MTUS Chronic Pain Treatment Guidelines Benzodiazepines Page(s): 24.',
      'Decision based on MTUS Chronic Pain Treatment Guidelines Antispasticity Drug Section Page(s): 66.',
      'Decision based on MTUS Chronic Pain Treatment Guidelines Muscle relaxants Page(s): 63-66.',
      'Decision based on MTUS Chronic Pain Treatment Guidelines Gabapentin Page(s): 49.',
      'Decision based on MTUS Chronic Pain Treatment Guidelines Criteria for use of opioids Page(s): 78-79.',
      'Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 78-96.',
      // Unverified pages two pages off are a reviewer habit, not an error.
      'Decision based on MTUS Chronic Pain Treatment Guidelines Exercise Page(s): 48.',
    ]) {
      assert.deepEqual(check(citationPage, letterCiting(maximus)).findings, [], maximus);
    }
  });

  test('stays quiet when it cannot be confident: unknown sections, low-confidence pages, section-cited editions', () => {
    for (const maximus of [
      'Decision based on MTUS Chronic Pain Treatment Guidelines Some unknown topic Page(s): 99.',
      'Decision based on MTUS Chronic Pain Treatment Guidelines Complex regional pain syndrome (CRPS) Page(s): 90.',
      'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Benzodiazepines.',
    ]) {
      assert.deepEqual(check(citationPage, letterCiting(maximus)).findings, [], maximus);
    }
  });

  test('precision on the real letters: no finding in the corpus', { skip: skipWithoutCorpus }, () => {
    const findings = corpusLetters().reduce((sum, letter) => sum + check(citationPage, letter.text).findings.length, 0);
    console.log(`# citation-page findings on the corpus: ${findings}`);
    assert.equal(findings, 0);
  });
});
