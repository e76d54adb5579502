import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, analyzeEach, type Analysis, type AnalysisInput } from '../../../server/src/engine/analyze';
import { loadKnowledge } from '../../../server/src/knowledge';
import { makeLetter, makeLetterWithItems } from '../../support/letters';

const knowledge = loadKnowledge();

/**
 * What a host reads from an analysis, the lazily worked-out figures included, as JSON. Objects of
 * the facts' own classes (passages, token lists) are named, not written out: where a passage's
 * tokens sit in the shared token storage depends on what was tokenized before, not on the letter.
 */
const seen = (analysis: Analysis) =>
  JSON.stringify(
    { letter: analysis.letter, findings: analysis.findings, conclusions: analysis.conclusions, doses: analysis.doses, visits: analysis.visits, criteria: analysis.criteria },
    (_, value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype ? `(${value.constructor?.name})` : value),
  );

test('analyzeEach gives each document the analysis analyze gives it alone, config, size limit and rule errors included', () => {
  const opioid = makeLetter({ items: [{ title: 'Norco 10/325mg #90', decision: 'Uphold' }, { title: 'Physical therapy 12 visits', decision: 'Overturned' }] });
  const inputs: AnalysisInput[] = [
    { text: makeLetter() },
    { text: opioid, config: { rules: { quantity: 'off', 'decision-conclusion': 'hint' }, ignore: [] } },
    { text: 'Not a letter at all.\n' },
    { text: makeLetterWithItems(200) }, // over the size limit below: not parsed
    { text: opioid, config: { rules: {}, ignore: [{ rule: 'opioid-monitoring' }] } },
    { text: '' },
  ];
  const maxFileSize = 50_000;
  const together = analyzeEach(inputs, { knowledge, maxFileSize });
  const alone = inputs.map((input) => analyze(input.text, { knowledge, maxFileSize, config: input.config }));
  assert.equal(together.length, inputs.length);
  assert.deepEqual(together.map(seen), alone.map(seen));
  assert.equal(together[3]!.letter, null);
  assert.deepEqual(together[3]!.findings.map((finding) => finding.ruleId), ['file-too-large']);
  assert.ok(together[1]!.findings.length > 0);
});
