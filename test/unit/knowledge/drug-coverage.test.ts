import { CORPUS, requireCorpus, skipWithoutCorpus } from '../../support/corpus';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadKnowledge } from '../../../server/src/knowledge';

const GOLD = join(CORPUS, 'gold-dev.json');
const skip = skipWithoutCorpus;

/** A title that names a medication: a strength, a "#" count or a cream base. */
const DRUG_LIKE = /\d\s*(?:mg|mcg|%|ml|gm|grams?)\b|#\s*\d|\bcream\b/i;

interface GoldLetter {
  readonly items: readonly { readonly title: string }[];
}

test('every drug named in a corpus item title is in the drug dictionary', { skip }, () => {
  requireCorpus();
  const kb = loadKnowledge();
  const letters = JSON.parse(readFileSync(GOLD, 'utf8')) as GoldLetter[];
  const titles = [...new Set(letters.flatMap((letter) => letter.items.map((item) => item.title)))];
  const drugLike = titles.filter((title) => DRUG_LIKE.test(title));
  const missed: string[] = [];
  const incomplete: string[] = [];
  for (const title of drugLike) {
    const found = kb.findDrugs(title);
    if (found.length === 0) missed.push(title);
    // A compound lists one strength per ingredient: each needs a match.
    const strengths = (title.match(/%/g) ?? []).length;
    if (strengths > 1 && found.length < strengths) incomplete.push(`${title} (${found.map((f) => title.slice(f.span.start, f.span.end)).join(', ')})`);
  }
  const covered = drugLike.length - missed.length;
  console.log(`# drug coverage: ${covered}/${drugLike.length} drug-like item titles (${((100 * covered) / drugLike.length).toFixed(1)}%), of ${titles.length} distinct titles`);
  const otherTitlesWithDrugs = titles.filter((title) => !DRUG_LIKE.test(title) && kb.findDrugs(title).length > 0);
  console.log(`# titles without a strength that still name a drug: ${otherTitlesWithDrugs.length}`);
  assert.ok(drugLike.length >= 50, 'the corpus should have dozens of medication items');
  assert.deepEqual(missed, [], 'drug-like titles with no known drug');
  assert.deepEqual(incomplete, [], 'compounds with an unrecognised ingredient');
});

test('item titles that are not medications do not produce drug matches', { skip }, () => {
  requireCorpus();
  const kb = loadKnowledge();
  const letters = JSON.parse(readFileSync(GOLD, 'utf8')) as GoldLetter[];
  const procedures = letters.flatMap((letter) => letter.items.map((item) => item.title))
    .filter((title) => /\b(?:MRI|X-?rays?|EMG|NCS|NCV|physical therapy|acupuncture|chiropractic|arthroscopy)\b/i.test(title));
  assert.ok(procedures.length > 50);
  const withDrugs = procedures.filter((title) => kb.findDrugs(title).length > 0);
  assert.deepEqual(withDrugs, []);
});
