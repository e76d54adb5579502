import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phi } from '../../../server/src/rules/phi';
import { checkFixture } from '../../fixtures/rules/fixtures';

test('identifiers left in the letter are each reported on their own text', () => {
  const { findings, spanText } = checkFixture(phi, 'fail-identifiers');
  assert.deepEqual(findings.map(spanText), [
    'Mr. Quillfeather',
    '123-45-6789',
    '42 Juniper Hollow Road',
    'Dr. Ostrander',
    '(555) 201-3344',
    'clinic.desk@example.org',
    'Claim number: WC77-441209',
  ]);
  assert.match(findings[1].message, /social security number/);
  assert.match(findings[6].message, /claim number other than the case number/);
});

test('a redacted letter passes: blank names, the case number, credential lines, doses, pages, blood pressure and ranges', () => {
  const { findings } = checkFixture(phi, 'pass-redacted');
  assert.deepEqual(findings, []);
});
