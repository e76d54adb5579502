import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { loadKnowledge } from '../../../server/src/knowledge';
import { notALetter } from '../../../server/src/rules/not-a-letter';
import { check } from '../../support/run-rule';
import { makeLetter } from '../../support/letters';

const knowledge = loadKnowledge();

test('stays silent on a letter', () => {
  assert.deepEqual(check(notALetter, makeLetter()).findings, []);
});

test('a non-letter gets exactly one information finding and no other rule runs', () => {
  for (const text of ['', 'Meeting notes\nBring the projector.\n', '\u0000\u0001\u0002\ufffd'.repeat(500)]) {
    const { findings } = analyze(text, { knowledge });
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, finding.severity]),
      [['not-a-letter', 'information']],
    );
  }
});

test('a document over the size limit is not parsed', () => {
  const { letter, findings } = analyze(makeLetter(), { knowledge, maxFileSize: 100 });
  assert.equal(letter, null);
  assert.deepEqual(
    findings.map((finding) => finding.ruleId),
    ['file-too-large'],
  );
  assert.match(findings[0].message, /100 bytes/);
});

test('the size guard follows the rule settings', () => {
  assert.deepEqual(analyze(makeLetter(), { knowledge, maxFileSize: 100, config: { rules: { 'file-too-large': 'off' }, ignore: [] } }).findings, []);
  const [finding] = analyze(makeLetter(), { knowledge, maxFileSize: 100, config: { rules: { 'file-too-large': 'warning' }, ignore: [] } }).findings;
  assert.equal(finding.severity, 'warning');
});
