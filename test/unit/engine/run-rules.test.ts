import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadKnowledge } from '../../../server/src/knowledge';
import { parseLetter } from '../../../server/src/letter/parse';
import { runRules, runRulesOverEach } from '../../../server/src/engine/run-rules';
import { ALL_RULES } from '../../../server/src/engine/catalogue';
import type { Rule } from '../../../server/src/rules/types';
import { makeLetter } from '../../support/letters';

const knowledge = loadKnowledge();
const letter = parseLetter(
  makeLetter({
    items: [
      { title: 'Tizanidine 4mg #60', decision: 'Uphold' },
      { title: 'Norco 10/325mg #90', decision: 'Overtuned' },
    ],
  }),
);
const ids = (findings: { ruleId: string }[]) => findings.map((finding) => finding.ruleId);

test('applies default severities', () => {
  const findings = runRules(letter, knowledge);
  assert.deepEqual(ids(findings), ['item-decision', 'item-decision']);
  assert.equal(findings[0].severity, 'error');
});

test('config turns rules off or changes their severity', () => {
  assert.deepEqual(runRules(letter, knowledge, { config: { rules: { 'item-decision': 'off' }, ignore: [] } }), []);
  const findings = runRules(letter, knowledge, { config: { rules: { 'item-decision': 'warning' }, ignore: [] } });
  assert.deepEqual(
    findings.map((finding) => finding.severity),
    ['warning', 'warning'],
  );
});

test('an ignore entry suppresses a rule for one item only, matching titles loosely', () => {
  const findings = runRules(letter, knowledge, { config: { rules: {}, ignore: [{ rule: 'item-decision', item: '  tizanidine 4mg  #60 ' }] } });
  assert.equal(findings.length, 1);
  assert.equal(findings[0].itemIndex, 1);
});

test('a rule that throws is reported and skipped; the others still run', () => {
  const broken: Rule = {
    id: 'broken',
    defaultSeverity: 'error',
    description: 'always throws',
    check() {
      throw new Error('boom');
    },
  };
  const errors: string[] = [];
  const findings = runRules(letter, knowledge, {
    rules: [broken, ...[{ id: 'ok', defaultSeverity: 'hint', description: 'one finding', check: () => [{ message: 'm', span: { start: 0, end: 1 } }] } satisfies Rule]],
    onRuleError: (ruleId) => errors.push(ruleId),
  });
  assert.deepEqual(errors, ['broken']);
  assert.deepEqual(ids(findings), ['ok']);
});

test('runRulesOverEach gives each letter what runRules gives it alone, with its own options', () => {
  const other = parseLetter(makeLetter({ items: [{ title: 'Norco 10/325mg #90', decision: 'Upheld' }] }));
  const notLetter = parseLetter('A shopping list:\nmilk\neggs\n');
  const broken: Rule = { id: 'broken', defaultSeverity: 'error', description: 'always throws', check: () => { throw new Error('boom'); } };
  const errors: string[] = [];
  const options: NonNullable<Parameters<typeof runRules>[2]>[] = [
    {},
    { config: { rules: { 'item-decision': 'warning' }, ignore: [] } },
    {},
    { rules: [broken, ...ALL_RULES.slice(0, 3)], onRuleError: (ruleId: string) => errors.push(ruleId) },
    { config: { rules: {}, ignore: [{ rule: 'item-decision', item: 'tizanidine 4mg #60' }] } },
  ];
  const letters = [letter, letter, notLetter, other, letter];
  const together = runRulesOverEach(letters, knowledge, options);
  const alone = letters.map((each, index) => runRules(each, knowledge, options[index]));
  assert.deepEqual(together, alone);
  assert.deepEqual(errors, ['broken', 'broken'], 'reported once in each run');
  assert.deepEqual(ids(together[2]!), ['not-a-letter']);
  assert.deepEqual(together[1]!.map((finding) => finding.severity), ['warning', 'warning']);
  assert.equal(together[4]!.length, 1);
});
