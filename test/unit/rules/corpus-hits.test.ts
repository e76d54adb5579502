import { CORPUS, requireCorpus, skipWithoutCorpus } from '../../support/corpus';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadKnowledge } from '../../../server/src/knowledge';
import { parseLetter } from '../../../server/src/letter/parse';
import type { Letter } from '../../../server/src/letter/model';
import { FUNCTION_TERMS, functionMentions } from '../../../server/src/facts/clinical-terms';
import { LetterFacts } from '../../../server/src/facts/letter-facts';
import { ALL_RULES } from '../../../server/src/engine/catalogue';
import { ruleContext } from '../../../server/src/engine/run-rules';

/**
 * Measures every rule on the real (published, redacted) letters in
 * ../shared/corpus: how many letters and items each rule fires on, per folder,
 * and how the functional-improvement detection agrees with gold-dev.json. The
 * hand-judged precision of these hits is recorded in docs/rules/PRECISION.md.
 * Only counts are printed, never letter text.
 */
const FOLDERS = ['seeds', 'real-layout', 'real-raw'];

interface GoldItem {
  readonly title: string;
  readonly mentionsFunctionalImprovement: boolean;
}
interface GoldLetter {
  readonly id: string;
  readonly items: readonly GoldItem[];
}

function loadFolder(folder: string): { id: string; letter: Letter }[] {
  const dir = join(CORPUS, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ id: name.replace(/\.txt$/, ''), letter: parseLetter(readFileSync(join(dir, name), 'utf8')) }));
}


test('every rule over the real corpus: letters and items hit per rule', { skip: skipWithoutCorpus }, () => {
  requireCorpus();
  const knowledge = loadKnowledge();
  const rows: string[] = [];
  for (const folder of FOLDERS) {
    const letters = loadFolder(folder);
    if (letters.length === 0) continue;
    const items = letters.reduce((sum, entry) => sum + entry.letter.items.length, 0);
    rows.push(`${folder}: ${letters.length} letters, ${items} items`);
    const started = performance.now();
    for (const rule of ALL_RULES) {
      let letterHits = 0;
      let findings = 0;
      const itemHits = new Set<string>();
      for (const { id, letter } of letters) {
        const found = rule.check(letter, ruleContext(letter, knowledge));
        for (const finding of found) {
          assert.ok(finding.span.start >= 0 && finding.span.end <= letter.text.length && finding.span.start <= finding.span.end, `${rule.id}: span inside the text`);
          if (finding.itemIndex !== undefined) itemHits.add(`${id}#${finding.itemIndex}`);
        }
        if (found.length > 0) letterHits++;
        findings += found.length;
      }
      rows.push(`  ${rule.id.padEnd(26)} letters ${String(letterHits).padStart(3)}  items ${String(itemHits.size).padStart(3)}  findings ${String(findings).padStart(3)}`);
    }
    rows.push(`  (all rules: ${(performance.now() - started).toFixed(0)} ms)`);
  }
  console.log(['corpus-hits:', ...rows].join('\n'));
});

const LITERAL = /^(function|adl|activities of daily living)|\bfunction/i;

/**
 * Does the rationale mention function? `rule` uses the rule's vocabulary; `literal` keeps only
 * function*, ADL and "activities of daily living" (organ function still excluded); `gold` is the
 * literal vocabulary with organ function counted, as gold-dev.json does.
 */
function rationaleMentionsFunction(letter: Letter, index: number, vocabulary: 'rule' | 'literal' | 'gold'): boolean {
  const tokens = new LetterFacts(letter, loadKnowledge()).item(index).rationale.tokens;
  const matches = vocabulary === 'gold' ? FUNCTION_TERMS.findAll(tokens) : functionMentions(tokens);
  if (vocabulary === 'rule') return matches.length > 0;
  return matches.some((mention) => LITERAL.test(letter.text.slice(mention.span.start, mention.span.end)));
}

test('functional-improvement detection agrees with gold-dev.json mentionsFunctionalImprovement', { skip: skipWithoutCorpus }, () => {
  requireCorpus();
  const gold: GoldLetter[] = JSON.parse(readFileSync(join(CORPUS, 'gold-dev.json'), 'utf8'));
  const byId = new Map<string, Letter>();
  for (const folder of ['seeds', 'real-layout']) for (const { id, letter } of loadFolder(folder)) byId.set(id, letter);
  const goldVocabulary = { agree: 0, total: 0 };
  const literal = { agree: 0, total: 0, falsePositive: 0, falseNegative: 0 };
  const broad = { agree: 0, total: 0, broaderOnly: 0, missed: 0 };
  let unmatched = 0;
  for (const entry of gold) {
    const letter = byId.get(entry.id);
    if (!letter) continue;
    entry.items.forEach((goldItem, index) => {
      const item = letter.items[index];
      if (!item || normalise(item.title) !== normalise(goldItem.title)) {
        unmatched++;
        return;
      }
      const expected = goldItem.mentionsFunctionalImprovement;
      goldVocabulary.total++;
      if (rationaleMentionsFunction(letter, index, 'gold') === expected) goldVocabulary.agree++;
      const literalFound = rationaleMentionsFunction(letter, index, 'literal');
      literal.total++;
      if (literalFound === expected) literal.agree++;
      else if (literalFound) literal.falsePositive++;
      else literal.falseNegative++;
      const broadFound = rationaleMentionsFunction(letter, index, 'rule');
      broad.total++;
      if (broadFound === expected) broad.agree++;
      else if (broadFound) broad.broaderOnly++;
      else broad.missed++;
    });
  }
  const percent = (part: number, whole: number) => `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`;
  console.log(
    [
      'functional-improvement vs gold mentionsFunctionalImprovement:',
      `  gold's own vocabulary (function*, ADL, activities of daily living, organ function included): ${goldVocabulary.agree}/${goldVocabulary.total} agree (${percent(goldVocabulary.agree, goldVocabulary.total)})`,
      `  literal vocabulary (function*, ADL, activities of daily living; organ function excluded): ${literal.agree}/${literal.total} agree (${percent(literal.agree, literal.total)}), ${literal.falsePositive} found but not in gold, ${literal.falseNegative} in gold but not found`,
      `  rule vocabulary (adds work status, restrictions, daily activities): ${broad.agree}/${broad.total} agree (${percent(broad.agree, broad.total)}), ${broad.broaderOnly} found only by the broader vocabulary, ${broad.missed} missed`,
      `  items not matched to a gold item by position and title: ${unmatched}`,
    ].join('\n'),
  );
  assert.ok(literal.total > 150, 'most gold items are matched');
  assert.ok(goldVocabulary.agree / goldVocabulary.total >= 0.98, 'with gold\'s vocabulary the detection agrees on at least 98% of items');
  assert.ok(literal.agree / literal.total >= 0.95, 'the literal detection agrees with gold on at least 95% of items');
  // The rule deliberately ignores organ function ("cognitive function"), which gold counts.
  assert.ok(broad.missed <= literal.falseNegative, 'the rule vocabulary misses nothing the literal one finds');
});

function normalise(title: string): string {
  return title.toLowerCase().replace(/\s+/g, ' ').trim();
}
