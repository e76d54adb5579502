import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missingSection } from '../../../server/src/rules/missing-section';
import { applyEdits, check } from '../../support/run-rule';
import { makeLetter } from '../../support/letters';

test('passes a letter with all three sections', () => {
  assert.deepEqual(check(missingSection, makeLetter()).findings, []);
});

test('reports each missing section at the heading that should follow it, with an insert fix', () => {
  const text = makeLetter({ omitSections: ['summary'] });
  const { findings, spanText } = check(missingSection, text);
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /CLINICAL CASE SUMMARY/);
  assert.equal(spanText(findings[0]), 'IMR ISSUES, DECISIONS AND RATIONALES');
  const fixed = applyEdits(text, findings[0].fixes![0].edits);
  assert.deepEqual(check(missingSection, fixed).findings, []);
});

test('a missing issues section belongs at the end', () => {
  const text = makeLetter({ omitSections: ['issues'] });
  const { findings } = check(missingSection, text);
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /IMR ISSUES/);
  assert.equal(findings[0].fixes![0].edits[0].span.start, text.length);
});

test('an inserted heading keeps a CRLF draft CRLF', () => {
  const text = makeLetter({ omitSections: ['summary'], eol: '\r\n' });
  const fixed = applyEdits(text, check(missingSection, text).findings[0].fixes![0].edits);
  assert.match(fixed, /\r\nCLINICAL CASE SUMMARY\r\nIMR ISSUES/);
  assert.equal(/[^\r]\n/.test(fixed), false);
});
