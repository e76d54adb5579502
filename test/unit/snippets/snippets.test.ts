import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { loadKnowledge } from '../../../server/src/knowledge';
import { makeLetter } from '../../support/letters';
import { isDisclaimer } from '../../../server/src/facts/conclusion';
import { splitSentences } from '../../../server/src/language/sentences';
import { tokenList } from '../../../server/src/language/tokens';

const knowledge = loadKnowledge();
const snippets = JSON.parse(readFileSync('snippets/imr.code-snippets', 'utf8')) as Record<string, { prefix: string; body: string[] }>;
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

/**
 * The text a snippet inserts when every placeholder keeps its default: `${1:text}` gives text,
 * `${2|a,b|}` its first choice, a bare `${1}` repeats what tab stop 1 holds, `$0` nothing.
 */
function expand(body: readonly string[]): string {
  const text = body.join('\n');
  const values = new Map<string, string>();
  for (const match of text.matchAll(/\$\{(\d+):([^}]*)\}|\$\{(\d+)\|([^|]*)\|\}/g)) {
    const [, id, value, choiceId, choices] = match;
    if (id !== undefined && !values.has(id)) values.set(id, value);
    if (choiceId !== undefined && !values.has(choiceId)) values.set(choiceId, choices.split(',')[0]);
  }
  return text
    .replace(/\$\{(\d+):([^}]*)\}/g, (_, id: string) => values.get(id)!)
    .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, id: string) => values.get(id)!)
    .replace(/\$\{(\d+)\}/g, (_, id: string) => values.get(id) ?? '')
    .replace(/\$0/g, '');
}

test('the extension contributes the snippets for imr documents and a command that opens the letter template', () => {
  assert.deepEqual(manifest.contributes.snippets, [{ language: 'imr', path: './snippets/imr.code-snippets' }]);
  assert.ok(manifest.contributes.commands.some((command: { command: string }) => command.command === 'imr.newLetter'));
  assert.match(readFileSync('.vscodeignore', 'utf8'), /^!snippets\/\*\*$/m);
  assert.deepEqual(Object.values(snippets).map((snippet) => snippet.prefix).sort(), [
    'imr-letter', 'item', 'mtus-pages', 'mtus-sections', 'no-evidence', 'odg', 'opioid-disclaimer', 'partial',
  ]);
});

test('the new-letter template is a whole letter: header, every section, credentials, one item with all its parts, and no error', () => {
  const text = expand(snippets['Determination letter'].body);
  const analysis = analyze(text, { knowledge });
  const letter = analysis.letter!;
  assert.deepEqual(letter.sections.map((section) => section.kind), ['determination', 'summary', 'issues']);
  assert.equal(letter.header.caseNumber?.value, 'CM00-0000000');
  assert.ok(letter.header.dateOfInjury && letter.header.urDenialDate && letter.header.applicationReceived);
  assert.deepEqual(letter.credentials?.licensure, ['California']);
  assert.equal(letter.items.length, 1);
  const [item] = letter.items;
  assert.equal(item.decision?.decision, 'Upheld');
  assert.ok(item.claimsAdministratorGuideline && item.maximusGuideline && item.rationale);
  assert.deepEqual(analysis.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.ruleId), []);
  assert.equal(analysis.conclusions[0], 'not medically necessary');
});

test('each item snippet, put into a letter, is one complete item with its decision', () => {
  for (const name of ['Disputed item', 'Partial authorization item']) {
    const block = expand(snippets[name].body);
    const text = makeLetter({ items: [] }).replace(/(IMR ISSUES, DECISIONS AND RATIONALES[^\n]*\n[^\n]*\n)/, `$1${block}\n`);
    const analysis = analyze(text, { knowledge });
    assert.equal(analysis.letter!.items.length, 1, name);
    const [item] = analysis.letter!.items;
    assert.equal(item.decision?.decision, 'Upheld', name);
    assert.ok(item.claimsAdministratorGuideline && item.maximusGuideline && item.rationale, name);
    assert.deepEqual(analysis.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.ruleId}: ${finding.message}`), [], name);
    if (name === 'Partial authorization item') assert.equal(item.partial?.remaining.trim(), 'Physical therapy 6 sessions');
  }
});

test('the guideline-line snippets cite what they say, and the disclaimer is read as the disclaimer', () => {
  const maximus = (name: string) => {
    const line = expand(snippets[name].body).replace(/^MAXIMUS guideline: /, '');
    const letter = analyze(makeLetter({ items: [{ title: 'Tizanidine 4mg #60', maximus: line }] }), { knowledge }).letter!;
    return letter.items[0].citations.map((citation) => citation.source);
  };
  assert.deepEqual(maximus('MAXIMUS guideline: MTUS with sections'), ['MTUS']);
  assert.deepEqual(maximus('MAXIMUS guideline: MTUS with pages'), ['MTUS']);
  assert.deepEqual(maximus('MAXIMUS guideline: Non-MTUS ODG'), ['ODG']);
  const none = expand(snippets['Claims Administrator guideline: no medical evidence cited'].body).replace(/^Claims Administrator guideline: /, '');
  const noEvidence = analyze(makeLetter({ items: [{ title: 'Tizanidine 4mg #60', claims: none }] }), { knowledge });
  assert.ok(noEvidence.letter!.items[0].claimsAdministratorGuideline);
  const disclaimer = expand(snippets['Opioid disclaimer'].body);
  const tokens = tokenList(disclaimer);
  const sentences = splitSentences(tokens, disclaimer);
  assert.equal(sentences.length, 3);
  assert.ok(sentences.every((sentence) => isDisclaimer(tokens, sentence)));
});
