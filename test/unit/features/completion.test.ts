import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { completionsAt, type CompletionEntry } from '../../../server/src/features/completion';
import { loadKnowledge } from '../../../server/src/knowledge';
import { parseLetter } from '../../../server/src/letter/parse';
import { makeLetter } from '../../support/letters';

const kb = loadKnowledge();

/** Completions with the cursor at the end of the first occurrence of `marker` (or at the end of the text). */
function complete(text: string, marker?: string): { entries: CompletionEntry[]; replaced: (e: CompletionEntry) => string } {
  const offset = marker === undefined ? text.length : text.indexOf(marker) + marker.length;
  assert.ok(marker === undefined || text.includes(marker), `"${marker}" not in text`);
  const entries = completionsAt(parseLetter(text), offset, kb);
  return { entries, replaced: (e) => (e.replace ? text.slice(e.replace.start, e.replace.end) : '') };
}

function withMaximus(maximus: string): string {
  return makeLetter({ items: [{ title: 'Zanaflex 4mg #60', decision: 'Upheld', maximus }] });
}

describe('after Section(s): and Page(s):', () => {
  test('lists the sections of the guideline named on the line, with their pages', () => {
    const { entries } = complete(withMaximus('Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): '), 'Section(s): ');
    assert.ok(entries.length > 50);
    assert.ok(entries.every((e) => e.kind === 'section'));
    const relaxants = entries.find((e) => e.label === 'Muscle relaxants (for pain)')!;
    assert.ok(relaxants);
    assert.match(relaxants.detail!, /Chronic Pain Medical Treatment Guidelines \(2009\) \u00b7 pp\. 63-66 \u26a0/);
    assert.match(relaxants.documentation!, /page not verified/);
    assert.equal(relaxants.insertText, 'Muscle relaxants (for pain)');
    assert.ok(!entries.some((e) => e.label === 'Special Studies'), 'no ACOEM headings for a chronic pain citation');
  });

  test('follows the guideline and year on the line', () => {
    const acoem = complete(withMaximus('Decision based on MTUS Low Back Complaints 2004, Section(s): Spe'), 'Section(s): Spe');
    assert.ok(acoem.entries.some((e) => e.label === 'Special Studies'));
    assert.ok(!acoem.entries.some((e) => e.label === 'Benzodiazepines'));
    const opioids = complete(withMaximus('Decision based on MTUS Opioid Treatment 2016, Section(s): '), 'Section(s): ');
    assert.ok(opioids.entries.some((e) => e.label.startsWith('3.3.9 ')));
  });

  test('replaces the whole typed entry, even across a comma inside a section name', () => {
    const { entries, replaced } = complete(withMaximus('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Topical analgesics, NSAIDs, GI'), 'NSAIDs, GI');
    const gi = entries.find((e) => e.label === 'NSAIDs, GI symptoms & cardiovascular risk')!;
    assert.equal(replaced(gi), 'NSAIDs, GI');
    const ppi = entries.find((e) => e.label === 'Proton Pump Inhibitors (PPIs)')!;
    assert.equal(replaced(ppi), 'GI');
  });

  test('after Page(s): offers page numbers, filterable by page or name', () => {
    const { entries, replaced } = complete(withMaximus('Decision based on MTUS Chronic Pain Treatment Guidelines Benzodiazepines Page(s): 2'), 'Page(s): 2');
    const benzo = entries.find((e) => e.label === 'Benzodiazepines')!;
    assert.equal(benzo.insertText, '24');
    assert.equal(benzo.filterText, '24 Benzodiazepines');
    assert.equal(benzo.detail, 'Page(s): 24');
    assert.equal(replaced(benzo), '2');
    assert.ok(entries.every((e) => e.insertText && /^\d+(-\d+)?$/.test(e.insertText)));
  });
});

describe('after Section(s): or Page(s): on a continuation line (the seeds\' shape)', () => {
  for (const blankLines of [false, true]) {
    test(`sections of the guideline named on the line above${blankLines ? ', with a blank line between' : ''}; not decisions`, () => {
      const gap = blankLines ? '\n\n' : '\n';
      const text = makeLetter({ items: [{ title: 'Zanaflex 4mg #60', decision: 'Upheld', maximus: `Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2009${gap}Section(s): ` }] });
      const { entries } = complete(text, 'Section(s): ');
      assert.ok(entries.length > 50, `${entries.length} entries`);
      assert.ok(entries.every((e) => e.kind === 'section'));
      assert.ok(entries.some((e) => e.label === 'Muscle relaxants (for pain)'));
    });
  }
  test('pages after Page(s): on its own line', () => {
    const text = makeLetter({ items: [{ title: 'Zanaflex 4mg #60', decision: 'Upheld', maximus: 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines\n\nPage(s): ' }] });
    const { entries } = complete(text, 'Page(s): ');
    assert.ok(entries.length > 0 && entries.every((e) => e.kind !== 'decision'));
  });
});

describe('in the issues section', () => {
  const base = makeLetter({ items: [{ title: 'Zanaflex 4mg #60', decision: 'Upheld' }] });

  test('after an item title\'s colon: Upheld and Overturned', () => {
    const { entries, replaced } = complete(`${base}\nNorco 10/325mg #60: Ov`);
    assert.deepEqual(entries.map((e) => e.label), ['Upheld', 'Overturned']);
    assert.ok(entries.every((e) => e.kind === 'decision'));
    assert.equal(replaced(entries[1]), 'Ov');
    const noSpace = complete(`${base}\nNorco 10/325mg #60:`);
    assert.equal(noSpace.entries[0].insertText, ' Upheld');
  });

  test('at the start of a line: the item labels, the missing ones first', () => {
    const text = makeLetter({ items: [{ title: 'Zanaflex 4mg #60', decision: 'Upheld', claims: 'Decision based on MTUS Chronic Pain Medical Treatment 2016.', maximus: null, rationale: null }] });
    const { entries } = complete(text + 'MA');
    const labels = entries.filter((e) => e.kind === 'label');
    assert.ok(labels.some((e) => e.label === 'MAXIMUS guideline:' && e.insertText === 'MAXIMUS guideline: Decision based on MTUS '));
    assert.ok(labels.some((e) => e.label === 'Decision rationale:'));
    const sorted = [...labels].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.notEqual(sorted[0].label.startsWith('Claims Administrator'), true, 'the claims line already exists');
  });

  test('drug names while an item title is typed', () => {
    const { entries, replaced } = complete(`${base}\nLyr`);
    const drugs = entries.filter((e) => e.kind === 'drug');
    assert.deepEqual(drugs.map((e) => e.label), ['Lyrica', 'Lyrica CR']);
    assert.match(drugs[0].detail!, /pregabalin/);
    assert.equal(replaced(drugs[0]), 'Lyr');
  });

  test('nothing inside a rationale or outside the issues section', () => {
    const text = makeLetter({ items: [{ title: 'Zanaflex 4mg #60', decision: 'Upheld' }] });
    assert.deepEqual(complete(text, 'Decision rationale: The guide').entries, []);
    assert.deepEqual(complete(text, 'warehouse cl').entries, []);
  });
});

test('a colon inside a rationale sentence offers no decision, a new item after a finished rationale does', () => {
  const kb = loadKnowledge();
  const base = makeLetter({ items: [{ title: 'Tizanidine 4mg #60', rationale: 'The guideline sets out two criteria, as follows:\nfirst, a trial. The request is not medically necessary.' }] });
  const inProse = base.indexOf('as follows:') + 'as follows:'.length;
  const prose = completionsAt(parseLetter(base), inProse, kb).map((entry) => entry.label);
  assert.equal(prose.includes('Upheld'), false, `labels: ${prose.join(', ')}`);
  const typed = `${base}Norco 10/325mg #90: `;
  const labels = completionsAt(parseLetter(typed), typed.length, kb).map((entry) => entry.label);
  assert.ok(labels.includes('Upheld') && labels.includes('Overturned'), `labels: ${labels.join(', ')}`);
});
