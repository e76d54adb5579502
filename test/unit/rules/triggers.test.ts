import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conclusionItemMismatch } from '../../../server/src/rules/conclusion-item-mismatch';
import { durationOfUse } from '../../../server/src/rules/duration-of-use';
import { opioidMonitoring } from '../../../server/src/rules/opioid-monitoring';
import { refillCount } from '../../../server/src/rules/refill-count';
import { makeLetter } from '../../support/letters';
import { check } from '../../support/run-rule';

// Conditions of the checks that no other test pinned with a pair differing only in that condition (see TRIGGERS.md).

const UPHELD = 'There is no documentation of improved function. Therefore, the request is not medically necessary.';

test('refill-count: a title that asks for no refills needs no discussion of them; one refill does', () => {
  const letter = (title: string) => makeLetter({ items: [{ title, decision: 'Upheld', rationale: UPHELD }] });
  assert.deepEqual(check(refillCount, letter('Tizanidine 4mg #60 with no refills')).findings, []);
  const findings = check(refillCount, letter('Tizanidine 4mg #60 with one refill')).findings;
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /rationale does not address them/);
});

test('duration-of-use: a topical compound with a muscle relaxant is not asked for a duration; the oral drug is', () => {
  const summary = 'The injured worker has neck pain. Current medications include cyclobenzaprine, taken daily.';
  const letter = (title: string) => makeLetter({ summary, items: [{ title, decision: 'Upheld', rationale: UPHELD }] });
  assert.deepEqual(check(durationOfUse, letter('Cyclobenzaprine 2% cream 120gm')).findings, []);
  assert.equal(check(durationOfUse, letter('Cyclobenzaprine 10mg #60')).findings.length, 1);
});

test('opioid-monitoring: each A left out alone is named alone, and the same A in guideline text does not cover it', () => {
  const sentences: Record<string, string> = {
    analgesia: 'The worker reports pain of 7/10 without Norco and 4/10 with it.',
    activities: 'With Norco the worker is able to walk two blocks and do light housework.',
    adverse: 'The worker reports no side effects such as constipation or sedation.',
    aberrant: 'A urine drug screen in March was consistent, and a CURES report was reviewed.',
  };
  const named: Record<string, RegExp> = { analgesia: /analgesia/, activities: /activities of daily living/, adverse: /adverse effects/, aberrant: /aberrant drug behaviour/ };
  const guideline: Record<string, string> = {
    analgesia: 'The MTUS recommends documenting pain relief at each visit.',
    activities: 'The MTUS recommends documenting functional improvement at each visit.',
    adverse: 'The MTUS recommends documenting side effects at each visit.',
    aberrant: 'The MTUS recommends urine drug screens for ongoing opioid use.',
  };
  const findings = (rationale: string) =>
    check(opioidMonitoring, makeLetter({
      summary: 'The injured worker has chronic low back pain and has taken Norco 10/325mg since 2014.',
      items: [{ title: 'Norco 10/325mg #90', decision: 'Upheld', rationale: `${rationale} Therefore, the request is not medically necessary.` }],
    })).findings;
  const all = Object.keys(sentences);
  assert.deepEqual(findings(all.map((a) => sentences[a]).join(' ')), [], 'all four covered');
  for (const missing of all) {
    const others = all.filter((a) => a !== missing).map((a) => sentences[a]).join(' ');
    for (const rationale of [others, `${guideline[missing]} ${others}`]) {
      const found = findings(rationale);
      assert.equal(found.length, 1, `${missing} missing: ${rationale}`);
      for (const a of all) assert.equal(named[a].test(found[0].message), a === missing, `${missing} missing; message names ${a}? ${found[0].message}`);
    }
  }
});

test('conclusion-item-mismatch: the other side in the concluding sentence is a mismatch; the same side is not', () => {
  const letter = (side: string) =>
    makeLetter({ items: [{ title: 'MRI of the left knee', decision: 'Upheld', rationale: `The examination is not documented. Therefore, the MRI of the ${side} knee is not medically necessary.` }] });
  assert.equal(check(conclusionItemMismatch, letter('right')).findings.length, 1);
  assert.deepEqual(check(conclusionItemMismatch, letter('left')).findings, []);
});
