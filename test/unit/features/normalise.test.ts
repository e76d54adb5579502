import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseLetter } from '../../../server/src/features/normalise';
import { loadKnowledge } from '../../../server/src/knowledge';
import { parseLetter } from '../../../server/src/letter/parse';
import { corpusLetters, skipWithoutCorpus } from '../../support/corpus';
import { makeLetter } from '../../support/letters';

const knowledge = loadKnowledge();
const squeeze = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** What a letter is, for comparing two shapes of it: header, sections, credentials, items with their decisions, parts and citations. */
function model(text: string) {
  const letter = parseLetter(text);
  return {
    header: Object.fromEntries(Object.values(letter.header).filter(Boolean).map((field) => [field!.key, squeeze(field!.value)])),
    sections: letter.sections.map((section) => section.kind),
    credentials: letter.credentials ? { licensure: letter.credentials.licensure.map(squeeze), specialty: squeeze(letter.credentials.specialty) } : null,
    items: letter.items.map((item) => ({
      title: squeeze(item.title),
      decision: item.decision?.decision ?? null,
      claims: squeeze(item.claimsAdministratorGuideline?.text),
      maximus: squeeze(item.maximusGuideline?.text),
      rationale: item.rationale !== null,
      citations: item.citations.map((citation) => ({ source: citation.source, guideline: squeeze(citation.guideline), sections: citation.sections.map(squeeze), pages: citation.pages })),
    })),
  };
}

/** The words of a text (runs of non-space), with hyphens at line ends taken out where the normaliser may rejoin them. */
const words = (text: string) => text.replace(/\f/g, ' ').split(/\s+/).filter(Boolean);

test('every corpus letter, in all three shapes, normalises to a text that parses to the same letter, keeps its words, and normalises to itself', { skip: skipWithoutCorpus }, () => {
  const changed: Record<string, number> = {};
  for (const { folder, id, text } of corpusLetters()) {
    const normalised = normaliseLetter(text, knowledge);
    assert.deepEqual(model(normalised), model(text), `${folder}/${id}: the parsed letter changed`);
    assert.equal(normaliseLetter(normalised, knowledge), normalised, `${folder}/${id}: normalising twice changed it`);
    // The same words in the same order, but for page numbers and hyphens rejoined across a line break.
    const before = words(text).filter((word) => !/^\d+$/.test(word));
    const after = words(normalised).filter((word) => !/^\d+$/.test(word));
    if (before.join(' ') !== after.join(' ')) {
      const rejoined = before.join(' ').replace(/([A-Za-z]+)- ([a-z]+)/g, (whole, left: string, right: string) => (after.includes(`${left}${right}`) || after.some((word) => word.includes(`${left}${right}`)) ? `${left}${right}` : whole));
      assert.equal(rejoined, after.join(' '), `${folder}/${id}: a word changed`);
    }
    if (normalised !== text) changed[folder] = (changed[folder] ?? 0) + 1;
  }
  console.log(`# letters changed by the normaliser: ${JSON.stringify(changed)}`);
  assert.ok((changed.seeds ?? 0) >= 1 && (changed['real-raw'] ?? 0) >= 1, 'double-spaced and PDF-extracted letters are cleaned');
});

const HEADER = ['Case Number:          CM00-0000001', 'Date Assigned:        01/02/2020                      Date of Injury:      03/04/2018'];

/** An invented letter as a PDF extraction gives it: lines broken mid-sentence. */
function pdfLetter(rationaleLines: readonly string[]): string[] {
  return [
    ...HEADER,
    '',
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    'MAXIMUS Federal Services sent the case file to an expert reviewer, who has no ties to the',
    'employer or the worker.',
    'The Expert Reviewer has the following credentials:',
    'State(s) of Licensure: California',
    'Certification(s)/Specialty: Orthopaedic Surgery',
    'CLINICAL CASE SUMMARY',
    'The injured worker is a 40 year old cook with low back pain treated with tizanidine since',
    'March 2019.',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
    'Tizanidine 4mg #60: Upheld',
    'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment',
    'Guidelines 2009.',
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2009,',
    'Section(s): Muscle relaxants (for pain).',
    ...rationaleLines,
    'Physical therapy 6 sessions: Overturned',
    'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2009.',
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Physical Medicine.',
    'Decision rationale: Six visits are supported for this worker, who improved with the first',
    'course. The request is medically necessary.',
  ];
}

test('broken lines join into paragraphs, never across the header, headings, credentials, titles or part labels; one blank line between parts', () => {
  const text = pdfLetter(['Decision rationale: The worker has taken tizanidine daily for a year with no', 'documented gain in function. The request is not medically necessary.']).join('\n');
  const normalised = normaliseLetter(text, knowledge).split('\n');
  assert.deepEqual(normalised, [
    ...HEADER,
    '',
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    'MAXIMUS Federal Services sent the case file to an expert reviewer, who has no ties to the employer or the worker.',
    'The Expert Reviewer has the following credentials:',
    'State(s) of Licensure: California',
    'Certification(s)/Specialty: Orthopaedic Surgery',
    'CLINICAL CASE SUMMARY',
    'The injured worker is a 40 year old cook with low back pain treated with tizanidine since March 2019.',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
    'Tizanidine 4mg #60: Upheld',
    '',
    'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2009.',
    '',
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2009, Section(s): Muscle relaxants (for pain).',
    '',
    'Decision rationale: The worker has taken tizanidine daily for a year with no documented gain in function. The request is not medically necessary.',
    '',
    'Physical therapy 6 sessions: Overturned',
    '',
    'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2009.',
    '',
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Physical Medicine.',
    '',
    'Decision rationale: Six visits are supported for this worker, who improved with the first course. The request is medically necessary.',
  ]);
  assert.equal(normaliseLetter(normalised.join('\n'), knowledge), normalised.join('\n'), 'normalising twice changes nothing');
});

test('double spacing goes, page breaks and page numbers go, a hyphen at a line end goes only where the joined word is known, and CRLF stays', () => {
  const rationale = [
    'Decision rationale: An electro-',
    'diagnostic study was not done, and the physio-',
    'logic testing of the worker was not repeated. The',
    '',
    '\fPage 2 of 3',
    '\fworker has electrodiagnostic findings from 2018. The request is not medically necessary.',
  ];
  const lines = pdfLetter(rationale);
  // Double spaced, as some extractions give letters: an empty line after every line.
  const doubled = lines.flatMap((line) => [line, '']).join('\r\n');
  const normalised = normaliseLetter(doubled, knowledge);
  assert.ok(normalised.includes('\r\n') && !/[^\r]\n/.test(normalised), 'CRLF kept');
  const rationaleLine = normalised.split('\r\n').find((line) => line.startsWith('Decision rationale: An'));
  assert.equal(rationaleLine, 'Decision rationale: An electrodiagnostic study was not done, and the physio- logic testing of the worker was not repeated. The worker has electrodiagnostic findings from 2018. The request is not medically necessary.');
  assert.ok(!normalised.includes('\f') && !normalised.includes('Page 2 of 3'));
  assert.ok(!normalised.includes('\r\n\r\n\r\n'), 'never two blank lines in a row');
  assert.equal(normaliseLetter(normalised, knowledge), normalised);
});

test('a document that is not a letter is left as it is', () => {
  const notes = 'Shopping list\n\nmilk\n\neggs\n\nbread\n\nflour\n\nsalt\n';
  assert.equal(normaliseLetter(notes, knowledge), notes);
});

test('a rationale of thousands of broken lines becomes one paragraph, its hyphenated words rejoined', () => {
  // The letter writes the word whole once, so a break inside it may be rejoined.
  const lines: string[] = ['An earlier electrodiagnostic study is noted.'];
  const expected: string[] = ['An earlier electrodiagnostic study is noted.'];
  for (let index = 0; index < 6000; index++) {
    if (index % 1000 === 999) {
      lines.push('the electro-', 'diagnostic study was normal.');
      expected.push('the electrodiagnostic study was normal.');
    } else {
      lines.push(`line ${index} of the records shows modified work.`);
      expected.push(`line ${index} of the records shows modified work.`);
    }
  }
  const letter = makeLetter({ items: [{ title: 'Norco 10/325mg #90', decision: 'Upheld', rationale: `${lines.join('\n')}\nTherefore the request is not medically necessary.` }] });
  const normalised = normaliseLetter(letter, knowledge);
  assert.ok(normalised.includes(`Decision rationale: ${expected.join(' ')} Therefore the request is not medically necessary.`));
});
