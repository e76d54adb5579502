import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCitations } from '../../../server/src/letter/citations';
import { mapRange } from '../../../server/src/letter/mapped-text';
import { parseLetterStrict } from '../../../server/src/letter/parse';
import type { Citation } from '../../../server/src/letter/model';

function cite(text: string): { citations: Citation[]; text: string } {
  return { citations: parseCitations(mapRange(text, 0, text.length)), text };
}

const plain = (citations: readonly Citation[]) =>
  citations.map(({ source, guideline, year, sections, pages }) => ({ source, guideline, year, sections, pages }));

function assertSpans({ citations, text }: { citations: Citation[]; text: string }): void {
  const squash = (value: string) => value.replace(/\s+/g, ' ');
  for (const citation of citations) {
    citation.sections.forEach((section, n) => assert.equal(squash(text.slice(citation.sectionSpans[n]!.start, citation.sectionSpans[n]!.end)), section));
    citation.pages.forEach((page, n) => assert.equal(text.slice(citation.pageSpans[n]!.start, citation.pageSpans[n]!.end), page));
    assert.ok(citation.span.end > citation.span.start);
  }
}

test('MTUS with sections, split at top-level commas but not inside parentheses or known comma names', () => {
  const result = cite(
    'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): NSAIDs, hypertension and renal function, Tizanidine (Zanaflex, generic), TENS, chronic pain (transcutaneous electrical nerve stimulation), Work conditioning, work hardening.',
  );
  assert.deepEqual(plain(result.citations), [
    {
      source: 'MTUS',
      guideline: 'Chronic Pain Medical Treatment',
      year: 2016,
      sections: [
        'NSAIDs, hypertension and renal function',
        'Tizanidine (Zanaflex, generic)',
        'TENS, chronic pain (transcutaneous electrical nerve stimulation)',
        'Work conditioning, work hardening',
      ],
      pages: [],
    },
  ]);
  assertSpans(result);
});

test('combined MTUS parts give one citation each, even when a part name contains ", and"', () => {
  const result = cite(
    'Decision based on MTUS Elbow Complaints 2007, Section(s): Surgical Considerations, and Forearm, Wrist, and Hand Complaints 2004, Section(s): Special Studies, Summary.',
  );
  assert.deepEqual(plain(result.citations), [
    { source: 'MTUS', guideline: 'Elbow Complaints', year: 2007, sections: ['Surgical Considerations'], pages: [] },
    { source: 'MTUS', guideline: 'Forearm, Wrist, and Hand Complaints', year: 2004, sections: ['Special Studies', 'Summary'], pages: [] },
  ]);
  const noSections = cite('Decision based on MTUS Acupuncture Treatment 2007, and Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.');
  assert.deepEqual(plain(noSections.citations), [
    { source: 'MTUS', guideline: 'Acupuncture Treatment', year: 2007, sections: [], pages: [] },
    { source: 'MTUS', guideline: 'Chronic Pain Medical Treatment', year: 2016, sections: ['Physical medicine treatment'], pages: [] },
  ]);
  assertSpans(result);
});

test('MTUS Opioid Treatment 2016 sections split only before numbered headings', () => {
  const result = cite(
    'Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.2 Opioids for Chronic Pain: Risks, Benefits, and Alternatives, 4.2 Tapering Opioids: Methods for Tapering Opioids.',
  );
  assert.deepEqual(result.citations[0]!.sections, [
    '3.3.2 Opioids for Chronic Pain: Risks, Benefits, and Alternatives',
    '4.2 Tapering Opioids: Methods for Tapering Opioids',
  ]);
  assertSpans(result);
});

test('older style: guideline name ending in "Guidelines", then sections, then Page(s)', () => {
  const result = cite('Decision based on MTUS Chronic Pain Treatment Guidelines Opioids, dosing\nPage(s): 86-87.');
  assert.deepEqual(plain(result.citations), [
    { source: 'MTUS', guideline: 'Chronic Pain Treatment', year: null, sections: ['Opioids, dosing'], pages: ['86-87'] },
  ]);
  assertSpans(result);
});

test('Non-MTUS ODG: sections are the rest of the text, split only at semicolons', () => {
  const result = cite(
    'The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Shoulder, Cold packs; Knee and Leg, Continuous-flow cryotherapy.',
  );
  assert.deepEqual(plain(result.citations), [
    {
      source: 'ODG',
      guideline: 'Official Disability Guidelines (ODG)',
      year: null,
      sections: ['Shoulder, Cold packs', 'Knee and Leg, Continuous-flow cryotherapy'],
      pages: [],
    },
  ]);
  const lineBroken = cite('Decision based on Non- MTUS Citation ODG Pain chapter, Urine drug testing.');
  assert.deepEqual(plain(lineBroken.citations)[0]!.sections, ['Pain chapter, Urine drug testing']);
  assertSpans(result);
});

test('MTUS then Non-MTUS ODG, then "and Other Medical Treatment Guidelines" as its own citation with a broken URL mended', () => {
  const text = [
    'Decision based on MTUS Knee Complaints 2004, Section(s): Summary. Decision based on Non-MTUS',
    'Citation Official Disability Guidelines (ODG) Knee and Leg, Walking aids and Other Medical',
    'Treatment Guidelines https://www.example.org/devices/walking-',
    'aids/canes.html.',
  ].join('\n');
  const result = cite(text);
  assert.deepEqual(plain(result.citations), [
    { source: 'MTUS', guideline: 'Knee Complaints', year: 2004, sections: ['Summary'], pages: [] },
    { source: 'ODG', guideline: 'Official Disability Guidelines (ODG)', year: null, sections: ['Knee and Leg, Walking aids'], pages: [] },
    { source: 'other', guideline: 'https://www.example.org/devices/walking-aids/canes.html', year: null, sections: [], pages: [] },
  ]);
  assert.equal(text.slice(result.citations[2]!.span.start, result.citations[2]!.span.end), 'https://www.example.org/devices/walking-\naids/canes.html');
  assertSpans(result);
});

test('ACOEM with edition and page, ACOEM chapter text, and "other" references split at access dates', () => {
  const acoem = cite('Decision based on Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Knee Disorders, pg. 812.');
  assert.deepEqual(plain(acoem.citations), [
    { source: 'ACOEM', guideline: 'ACOEM Occupational Medicine Practice Guidelines, 3rd ed.', year: null, sections: ['Knee Disorders'], pages: ['812'] },
  ]);
  assertSpans(acoem);
  const chapter = cite('Decision based on Non-MTUS Citation ACOEM: Elbow disorders, diagnostic testing, MRI.');
  assert.deepEqual(plain(chapter.citations)[0], { source: 'ACOEM', guideline: 'ACOEM', year: null, sections: ['Elbow disorders, diagnostic testing, MRI'], pages: [] });
  const other = cite(
    'Decision based on Non-MTUS Citation Hearing loss in adults: assessment, accessed from UpToDate.com on 03/04/2020, Smith J, et al. Hearing aid outcomes. Audiology Review, accessed 03/05/2020.',
  );
  assert.deepEqual(
    plain(other.citations).map((citation) => [citation.source, citation.guideline]),
    [
      ['other', 'Hearing loss in adults: assessment, accessed from UpToDate.com on 03/04/2020'],
      ['other', 'Smith J, et al. Hearing aid outcomes. Audiology Review, accessed 03/05/2020'],
    ],
  );
});

test('no evidence cited gives a single "none" citation', () => {
  const result = cite('The Expert Reviewer did not cite any medical evidence for its decision.');
  assert.deepEqual(plain(result.citations), [{ source: 'none', guideline: null, year: null, sections: [], pages: [] }]);
  assert.equal(result.text.slice(result.citations[0]!.span.start, result.citations[0]!.span.end), result.text.slice(0, -1));
});

test('a draft MAXIMUS line without "Decision based on" still yields a citation; an empty one yields none', () => {
  assert.deepEqual(plain(cite('MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids, dosing').citations), [
    { source: 'MTUS', guideline: 'Chronic Pain Medical Treatment', year: 2016, sections: ['Opioids, dosing'], pages: [] },
  ]);
  assert.deepEqual(cite('').citations, []);
  assert.deepEqual(cite('   \n ').citations, []);
});

test('citations inside a letter carry offsets into the letter', () => {
  const text = [
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'Gabapentin 300mg #90: Upheld',
    'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.',
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Anti-epilepsy',
    'drugs (AEDs), Gabapentin (Neurontin).',
    'Decision rationale: No neuropathic pain is described. The request is not medically necessary.',
  ].join('\n');
  const [item] = parseLetterStrict(text).items;
  const [citation] = item!.citations;
  assert.deepEqual(citation!.sections, ['Anti-epilepsy drugs (AEDs)', 'Gabapentin (Neurontin)']);
  assert.equal(text.slice(citation!.sectionSpans[0]!.start, citation!.sectionSpans[0]!.end), 'Anti-epilepsy\ndrugs (AEDs)');
  assert.equal(text.slice(citation!.sectionSpans[1]!.start, citation!.sectionSpans[1]!.end), 'Gabapentin (Neurontin)');
  assert.equal(text.slice(citation!.span.start, citation!.span.end).startsWith('Chronic Pain Medical Treatment 2016'), true);
});
