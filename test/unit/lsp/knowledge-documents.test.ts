import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knowledgeRefFromUri, knowledgeUri } from '../../../server/src/lsp/knowledge-documents';

const letter = 'file:///home/reviewer/Case%20files/letter.imr';
const expected = { ref: { kind: 'section', id: 'cp09-opioids' }, letterUri: letter };

test('a knowledge URI survives a round trip and VS Code re-encoding its query', () => {
  const uri = knowledgeUri({ kind: 'section', id: 'cp09-opioids' }, letter);
  assert.deepEqual(knowledgeRefFromUri(uri), expected);
  // VS Code decodes the query on parsing and encodes "=", ":" and "/" again in toString().
  const reencoded = 'imr-knowledge:/section/cp09-opioids.md?letter%3Dfile%3A%2F%2F%2Fhome%2Freviewer%2FCase%2520files%2Fletter.imr';
  assert.deepEqual(knowledgeRefFromUri(reencoded), expected);
});

test('anything else is refused', () => {
  assert.equal(knowledgeRefFromUri('file:///x.md'), null);
  assert.equal(knowledgeRefFromUri('imr-knowledge:/weird/x.md'), null);
  assert.equal(knowledgeRefFromUri('not a uri'), null);
});
