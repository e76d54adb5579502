import { CORPUS, requireCorpus, skipWithoutCorpus } from '../../support/corpus';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadKnowledge } from '../../../server/src/knowledge';
import { parseLetter } from '../../../server/src/letter/parse';
import { citationEdition } from '../../../server/src/rules/citation-edition';
import { makeLetter } from '../../support/letters';
import { applyEdits, check } from '../../support/run-rule';
import { ruleContext } from '../../../server/src/engine/run-rules';

/** The invented header says: decided 02/01/2017, UR denial 12/20/2016. */
function letterCiting(maximus: string, dates?: { decision: string; ur: string }): string {
  const text = makeLetter({ items: [{ title: 'Zanaflex 4mg #60', decision: 'Upheld', maximus }] });
  return dates ? text.replace('02/01/2017', dates.decision).replace('12/20/2016', dates.ur) : text;
}

describe('citation-edition', () => {
  test('the 2009 chronic pain guideline cited for a request after the 2016 update', () => {
    const text = letterCiting('Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Muscle relaxants (for pain).');
    const { findings, spanText } = check(citationEdition, text);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(spanText(finding), '2009');
    assert.match(finding.message, /replaced by MTUS Chronic Pain Medical Treatment Guidelines \(2016 update\) from July 28, 2016; this letter's UR denial date is 12\/20\/2016/);
    const fixed = applyEdits(text, finding.fixes![0].edits);
    assert.match(fixed, /Chronic Pain Medical Treatment 2016, Section\(s\)/);
    assert.deepEqual(check(citationEdition, fixed).findings, []);
  });

  test('page citations imply the 2009 edition', () => {
    const text = letterCiting('Decision based on MTUS Chronic Pain Treatment Guidelines Muscle relaxants Page(s): 63.');
    const [finding] = check(citationEdition, text).findings;
    assert.match(finding.message, /page numbers refer to that edition/);
  });

  test('close to the changeover it stays quiet, because the request may predate the UR decision', () => {
    const text = letterCiting('Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Muscle relaxants (for pain).', { decision: '09/15/2016', ur: '08/10/2016' });
    assert.deepEqual(check(citationEdition, text).findings, []);
  });

  test('a guideline cited before it took effect', () => {
    const text = letterCiting('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Muscle relaxants (for pain).', { decision: '03/01/2016', ur: '01/20/2016' });
    const [finding] = check(citationEdition, text).findings;
    assert.match(finding.message, /took effect on July 28, 2016, after this letter's decision date \(03\/01\/2016\)/);
  });

  test('a year with no edition offers the edition in force', () => {
    const text = letterCiting('Decision based on MTUS Chronic Pain Medical Treatment 2012, Section(s): Muscle relaxants (for pain).');
    const [finding] = check(citationEdition, text).findings;
    assert.match(finding.message, /There is no 2012 edition of Chronic Pain Medical Treatment Guidelines in the MTUS; the editions are 2009, 2016/);
    assert.equal(finding.fixes![0].edits[0].newText, '2016');
  });

  test('editions that still applied pass: ACOEM 2004 chapters, Acupuncture 2007, Postsurgical 2009, the 2016 update', () => {
    for (const maximus of [
      'Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.',
      'Decision based on MTUS Acupuncture Treatment 2007.',
      'Decision based on MTUS Postsurgical Treatment 2009, Section(s): Knee.',
      'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Muscle relaxants (for pain).',
      'Decision based on MTUS Opioid Treatment 2016, Section(s): 4.1 Tapering Opioids: Indications for Tapering Opioids.',
    ]) {
      assert.deepEqual(check(citationEdition, letterCiting(maximus)).findings, [], maximus);
    }
  });

  test('no dates, no finding (drafts and 2014-2015 seeds have no header table)', () => {
    const text = makeLetter({ header: false, items: [{ title: 'Zanaflex 4mg #60', decision: 'Upheld', maximus: 'Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Muscle relaxants (for pain).' }] });
    assert.deepEqual(check(citationEdition, text).findings, []);
  });

  const corpus = CORPUS;
  test('precision on the real letters: only the one letter citing 2009 a year after the update', { skip: skipWithoutCorpus }, () => {
    requireCorpus();
    const knowledge = loadKnowledge();
    const hits: string[] = [];
    let citations = 0;
    for (const folder of ['seeds', 'real-layout', 'real-raw']) {
      for (const name of readdirSync(join(corpus, folder)).filter((n) => n.endsWith('.txt'))) {
        const letter = parseLetter(readFileSync(join(corpus, folder, name), 'utf8'));
        citations += letter.items.reduce((n, item) => n + item.citations.filter((c) => c.source === 'MTUS').length, 0);
        for (const finding of citationEdition.check(letter, ruleContext(letter, knowledge))) hits.push(`${folder}/${name}: ${finding.message}`);
      }
    }
    console.log(`# citation-edition findings on the corpus: ${hits.length} of ${citations} MTUS citations`);
    for (const hit of hits) console.log(`#   ${hit}`);
    // CM17-0018485 (UR denial 01/19/2017) cites the 2009 guideline; present in both extractions.
    assert.equal(hits.length, 2);
    assert.ok(hits.every((hit) => hit.includes('CM17-0018485')));
  });
});
