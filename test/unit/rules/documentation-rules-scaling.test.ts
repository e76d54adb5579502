import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadKnowledge } from '../../../server/src/knowledge';
import { parseLetter } from '../../../server/src/letter/parse';
import { citationMissing } from '../../../server/src/rules/citation-missing';
import { conclusionItemMismatch } from '../../../server/src/rules/conclusion-item-mismatch';
import { dateOrder } from '../../../server/src/rules/date-order';
import { durationOfUse } from '../../../server/src/rules/duration-of-use';
import { functionalImprovement } from '../../../server/src/rules/functional-improvement';
import { opioidMonitoring } from '../../../server/src/rules/opioid-monitoring';
import { phi } from '../../../server/src/rules/phi';
import { quantity } from '../../../server/src/rules/quantity';
import { refillCount } from '../../../server/src/rules/refill-count';

/**
 * The documentation rules must stay linear in the size of the letter, also on
 * adversarial input: one endless sentence full of negation triggers, the same
 * drug named thousands of times, many items of the same drug.
 */
const RULES = [functionalImprovement, quantity, refillCount, opioidMonitoring, durationOfUse, conclusionItemMismatch, citationMissing, dateOrder, phi];
const context = { knowledge: loadKnowledge() };

function letterOf(repeat: number): string {
  const summary = 'no evidence of function was not documented and Norco since 2014 with 3 refills, Soma 4/5/2016 no side effects '.repeat(repeat);
  const items: string[] = [];
  for (let index = 0; index < Math.max(1, repeat / 20); index++) {
    items.push(
      [
        `Norco 10/325mg #${index} with refills: Overturned`,
        'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2009.',
        'MAXIMUS guideline: Decision based on Non-MTUS Citation Official Disability Guidelines (ODG).',
        `Decision rationale: ${'there is no functional improvement and the prior use of this medication was not documented, '.repeat(3)}Norco 5mg #9 is medically necessary.`,
      ].join('\n'),
    );
  }
  return [
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    'CLINICAL CASE SUMMARY',
    summary,
    'IMR ISSUES, DECISIONS AND RATIONALES',
    ...items,
  ].join('\n');
}

function timeRules(text: string): number {
  const letter = parseLetter(text);
  const started = performance.now();
  for (const rule of RULES) rule.check(letter, context);
  return performance.now() - started;
}

test('rule time grows linearly on adversarial letters', () => {
  timeRules(letterOf(200)); // warm up
  const small = Math.min(timeRules(letterOf(1000)), timeRules(letterOf(1000)));
  const large = Math.min(timeRules(letterOf(4000)), timeRules(letterOf(4000)));
  console.log(`documentation rules: ${small.toFixed(1)} ms for ${letterOf(1000).length} chars, ${large.toFixed(1)} ms for ${letterOf(4000).length} chars`);
  // Four times the text: linear work takes about 4x; quadratic work would take about 16x.
  assert.ok(large < small * 8 + 20, `expected roughly linear growth, got ${small.toFixed(1)} ms -> ${large.toFixed(1)} ms`);
});
