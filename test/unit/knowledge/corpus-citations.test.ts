import { CORPUS, requireCorpus, skipWithoutCorpus } from '../../support/corpus';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadKnowledge } from '../../../server/src/knowledge';
import { letterDateToIso } from '../../../server/src/language/dates';
import type { Citation } from '../../../server/src/letter/model';
import { parseLetter } from '../../../server/src/letter/parse';


interface Tally {
  citations: number;
  resolved: number;
  sections: number;
  sectionsResolved: number;
}

function measure(citations: readonly { citation: Citation; date: string | null }[]) {
  const kb = loadKnowledge();
  const byGuideline = new Map<string, Tally>();
  const unresolved: string[] = [];
  const total: Tally = { citations: 0, resolved: 0, sections: 0, sectionsResolved: 0 };
  for (const { citation, date } of citations) {
    if (citation.source === 'none') continue;
    const resolved = kb.resolveCitation(citation, { date });
    const key = resolved.guideline ? `${resolved.guideline.guideline.source} ${resolved.guideline.guideline.title}${resolved.guideline.guideline.year ? ` ${resolved.guideline.guideline.year}` : ''}` : `${citation.source} (unresolved)`;
    const tally = byGuideline.get(key) ?? { citations: 0, resolved: 0, sections: 0, sectionsResolved: 0 };
    byGuideline.set(key, tally);
    for (const t of [tally, total]) {
      t.citations++;
      if (resolved.guideline) t.resolved++;
    }
    if (!resolved.guideline) unresolved.push(`${citation.source}: ${citation.guideline}`);
    for (const section of resolved.sections) {
      for (const t of [tally, total]) t.sections++;
      if (section.match || section.odgChapter) for (const t of [tally, total]) t.sectionsResolved++;
      else unresolved.push(`${key} | ${section.name}`);
    }
  }
  return { byGuideline, total, unresolved };
}

function report(label: string, result: ReturnType<typeof measure>): void {
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
  console.log(`# ${label}: citations resolved ${result.total.resolved}/${result.total.citations} (${pct(result.total.resolved, result.total.citations)}), sections ${result.total.sectionsResolved}/${result.total.sections} (${pct(result.total.sectionsResolved, result.total.sections)})`);
  for (const [key, t] of [...result.byGuideline].sort((a, b) => b[1].citations - a[1].citations)) {
    console.log(`#   ${key}: ${t.resolved}/${t.citations} citations, ${t.sectionsResolved}/${t.sections} sections (${pct(t.sectionsResolved, t.sections)})`);
  }
  for (const miss of result.unresolved) console.log(`#   unresolved: ${miss}`);
}

test('citations parsed from the corpus letters resolve to known guidelines and sections', { skip: skipWithoutCorpus }, () => {
  requireCorpus();
  const found: { citation: Citation; date: string | null }[] = [];
  for (const folder of ['seeds', 'real-layout']) {
    for (const name of readdirSync(join(CORPUS, folder)).filter((n) => n.endsWith('.txt')).sort()) {
      const letter = parseLetter(readFileSync(join(CORPUS, folder, name), 'utf8'));
      const date = letterDateToIso(letter.header.decisionDate?.value);
      for (const item of letter.items) for (const citation of item.citations) found.push({ citation, date });
    }
  }
  const result = measure(found);
  report('parsed corpus', result);
  assert.ok(result.total.citations > 200, 'the corpus should give a few hundred citations');
  assert.ok(result.total.resolved / result.total.citations >= 0.95);
  assert.ok(result.total.sectionsResolved / result.total.sections >= 0.95);
});

test('the hand-checked corpus citations resolve too (independent of the parser)', { skip: skipWithoutCorpus }, () => {
  requireCorpus();
  interface GoldCitation { source: Citation['source']; guideline: string | null; year: number | null; sections: string[]; pages: string[] }
  interface GoldLetter { header: { decisionDate: string | null }; items: { citations: GoldCitation[] }[] }
  const letters = JSON.parse(readFileSync(join(CORPUS, 'gold-dev.json'), 'utf8')) as GoldLetter[];
  const none = { start: 0, end: 0 };
  const found = letters.flatMap((letter) => letter.items.flatMap((item) => item.citations.map((gold) => ({
    citation: { ...gold, span: none, sectionSpans: gold.sections.map(() => none), pageSpans: gold.pages.map(() => none) },
    date: letterDateToIso(letter.header.decisionDate),
  }))));
  const result = measure(found);
  report('gold annotations', result);
  assert.ok(result.total.resolved / result.total.citations >= 0.95);
  assert.ok(result.total.sectionsResolved / result.total.sections >= 0.95);
});
