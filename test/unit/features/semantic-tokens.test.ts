import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { semanticTokens, SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../../../server/src/features/semantic-tokens';
import { loadKnowledge } from '../../../server/src/knowledge';
import { parseLetter } from '../../../server/src/letter/parse';

const knowledge = loadKnowledge();
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

const tokensOf = (text: string) => semanticTokens(parseLetter(text), knowledge).map((token) => [text.slice(token.span.start, token.span.end), token.type, ...token.modifiers].join(' '));

test('decisions, drugs with their family, cited sections, dates, quantities and refills are coloured by meaning', () => {
  const text = readFileSync('examples/complete-letter.imr', 'utf8');
  const tokens = tokensOf(text);
  for (const expected of [
    'Overturned decision overturned',
    'Upheld decision upheld',
    'Norco drug opioid',
    'cyclobenzaprine drug muscleRelaxant',
    'Opioids, criteria for use section',
    '04/17/2011 date',
    '04-22-2015 date',
    '90 quantity',
    'refills refill',
  ]) assert.ok(tokens.includes(expected), `${expected} in ${tokens.join(' | ')}`);
  // The title "Norco 10/325mg #90: Overturned": the drug, its quantity (not the strength) and the decision.
  const joined = tokens.join(' | ');
  assert.ok(joined.includes('Norco drug opioid | 90 quantity | Overturned decision overturned'), joined);
  assert.ok(joined.includes('Cyclobenzaprine drug muscleRelaxant | 60 quantity | refills refill | Upheld decision upheld'), joined);
});

test('tokens are sorted and never overlap, and a drug inside a cited section name stays part of the section', () => {
  const text = readFileSync('examples/complete-letter.imr', 'utf8');
  const tokens = semanticTokens(parseLetter(text), knowledge);
  for (let index = 1; index < tokens.length; index++) assert.ok(tokens[index].span.start >= tokens[index - 1].span.end);
  const section = tokens.find((token) => token.type === 'section' && text.slice(token.span.start, token.span.end) === 'Cyclobenzaprine');
  assert.ok(section, 'the cited section "Cyclobenzaprine" is a section, not a drug');
});

test('the manifest declares every type and modifier the server uses, with scopes for the decisions', () => {
  assert.deepEqual(manifest.contributes.semanticTokenTypes.map((type: { id: string }) => type.id), [...SEMANTIC_TOKEN_TYPES]);
  assert.deepEqual(manifest.contributes.semanticTokenModifiers.map((modifier: { id: string }) => modifier.id), [...SEMANTIC_TOKEN_MODIFIERS]);
  const scopes = manifest.contributes.semanticTokenScopes[0];
  assert.equal(scopes.language, 'imr');
  assert.deepEqual(scopes.scopes['decision.upheld'], ['markup.deleted.decision.upheld.imr']);
  assert.deepEqual(scopes.scopes['decision.overturned'], ['markup.inserted.decision.overturned.imr']);
  for (const type of SEMANTIC_TOKEN_TYPES) assert.ok(Object.keys(scopes.scopes).some((key) => key.split('.')[0] === type), `a scope for ${type}`);
});
