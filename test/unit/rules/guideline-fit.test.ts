import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guidelineFit } from '../../../server/src/rules/guideline-fit';
import { checkFixture } from '../../fixtures/rules/fixtures';

test('a chapter for another body part, a topical section for an oral drug, and imaging without its chapter are noted', () => {
  const { findings, spanText, titleOf } = checkFixture(guidelineFit, 'fail-misfit-citations');
  assert.deepEqual(
    findings.map((finding) => [titleOf(finding.itemIndex), spanText(finding).slice(0, 40), finding.message]),
    [
      ['MRI of the right shoulder', 'Knee Complaints 2004, Section(s): Specia', 'Knee Complaints is cited, but the item is about the shoulder; cite the chapter for the body part in dispute.'],
      ['Naproxen 550mg #60', 'Topical Analgesics', '"Topical analgesics" is about drugs applied to the skin, but "Naproxen 550mg #60" is not a topical form.'],
      [
        'X-ray of the left knee',
        'Decision based on MTUS Chronic Pain Medi',
        'Imaging of the knee is decided without the guideline chapter for the knee: the MTUS addresses imaging in the body-part chapters (ACOEM "Special Studies"), not in the Chronic Pain guideline.',
      ],
    ],
  );
  assert.equal(guidelineFit.defaultSeverity, 'hint');
});

test('the chapter for the part, a topical section for a gel, nerve studies under a chapter on the same limb, and therapy under Physical Medicine pass', () => {
  assert.deepEqual(checkFixture(guidelineFit, 'pass-fitting-citations').findings, []);
});
