import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseLetterStrict } from '../../../server/src/letter/parse';
import type { Letter } from '../../../server/src/letter/model';
import type { Span } from '../../../server/src/text/span';
import { conclusionsOf } from '../../support/run-rule';
import { rationaleText } from '../../support/letters';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'letters');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const at = (text: string, span: Span | null | undefined) => (span ? text.slice(span.start, span.end) : null);
const squash = (value: string | null) => (value === null ? null : value.replace(/\s+/g, ' ').trim());

function headerValues(letter: Letter): Record<string, string> {
  return Object.fromEntries(Object.entries(letter.header).map(([key, field]) => [key, field!.value]));
}

/** Every span the parser reports must point at the text it describes. */
function assertSpansMatch(letter: Letter): void {
  const { text } = letter;
  conclusionsOf(letter).forEach(({ sentence }, index) => {
    if (sentence) assert.ok(rationaleText(letter, letter.items[index])!.includes(squash(sentence)!), 'the concluding sentence is in the rationale');
  });
  for (const field of Object.values(letter.header)) assert.equal(at(text, field!.valueSpan), field!.value);
  for (const section of letter.sections) {
    assert.equal(at(text, section.heading), section.title);
    assert.ok(section.body.start >= section.heading.end && section.body.end <= text.length);
  }
  for (const item of letter.items) {
    assert.equal(squash(at(text, item.titleSpan)), item.title);
    if (item.decision) assert.equal(at(text, item.decision.span), item.decision.text);
    for (const line of [item.claimsAdministratorGuideline, item.maximusGuideline]) {
      if (line) assert.equal(squash(at(text, line.textSpan)), line.text);
    }
    if (item.rationale) {
      assert.match(at(text, item.rationale.label)!, /^Decision rationale:$/i);
    }
    for (const citation of item.citations) {
      citation.sections.forEach((section, n) => assert.equal(squash(at(text, citation.sectionSpans[n])), section));
      citation.pages.forEach((page, n) => assert.equal(at(text, citation.pageSpans[n]), page));
      assert.ok(citation.span.start >= item.maximusGuideline!.textSpan.start && citation.span.end <= item.maximusGuideline!.textSpan.end);
    }
    assert.ok(item.span.start <= item.titleSpan.start && item.span.end >= (item.rationale?.span.end ?? item.span.start));
  }
}

test('layout extraction: side-by-side header table, centred headings, form feeds inside the issues section', () => {
  const text = fixture('layout-header-table.txt');
  const letter = parseLetterStrict(text);
  assert.equal(letter.looksLikeLetter, true);
  assert.deepEqual(headerValues(letter), {
    caseNumber: 'CM99-0104417',
    dateAssigned: '03/02/2021',
    dateOfInjury: '07/14/2019',
    decisionDate: '04/01/2021',
    urDenialDate: '02/20/2021',
    priority: 'Standard',
    applicationReceived: '02/25/2021',
  });
  assert.equal(at(text, letter.header.dateOfInjury!.label), 'Date of Injury:');
  assert.equal(at(text, letter.header.applicationReceived!.label), 'Application');
  assert.deepEqual(
    letter.sections.map((section) => section.kind),
    ['determination', 'summary', 'issues'],
  );
  assert.equal(letter.sections[2]!.title, 'IMR ISSUES, DECISIONS AND RATIONALES');
  assert.deepEqual(letter.credentials?.licensure, ['Oregon', 'California', 'Nevada']);
  assert.equal(letter.credentials?.specialty, 'Internal Medicine, Occupational Medicine, Public Health & General Preventive Medicine');
  assert.equal(squash(at(text, letter.credentials?.specialtySpan)), letter.credentials?.specialty);

  assert.deepEqual(
    letter.items.map((item) => [item.title, item.decision?.decision]),
    [
      ['Pre-op labs: Basic metabolic panel', 'Overturned'],
      ['Home exercise kit with resistance bands, foam roller and instructional video for the lumbar spine and left knee', 'Upheld'],
      ['Tizanidine 4mg #60 with two refills', 'Upheld'],
    ],
  );
  // A page break (form feed line) between the MAXIMUS line and the rationale changes nothing.
  const [labs, kit, tizanidine] = letter.items;
  assert.equal(conclusionsOf(letter)[0].verdict, 'medically necessary');
  assert.match(rationaleText(letter, labs!)!, /^Laboratory screening/);
  assert.ok(!labs!.maximusGuideline!.text.includes('\f'));
  assert.match(rationaleText(letter, kit!)!, /^Home exercise is encouraged/);
  assert.equal(conclusionsOf(letter)[1].verdict, 'not medically necessary');
  assert.deepEqual(tizanidine!.partial, {
    originalRequest: 'Tizanidine 4mg #90 with two refills',
    authorized: 'Tizanidine 4mg #30',
    remaining: 'Tizanidine 4mg #60 with two refills',
  });
  assert.equal(tizanidine!.quantity, 60);
  assert.equal(tizanidine!.refills, 2);
  assertSpansMatch(letter);
});

test('reading-order extraction: header labels first, then values in the same order', () => {
  const text = fixture('reading-order-header.txt');
  const letter = parseLetterStrict(text);
  assert.deepEqual(headerValues(letter), {
    caseNumber: 'CM99-0200381',
    dateAssigned: '05/10/2022',
    decisionDate: '06/08/2022',
    priority: 'Expedited',
    dateOfInjury: '11/30/2020',
    urDenialDate: '04/29/2022',
    applicationReceived: '05/03/2022',
  });
  // The value sits far from its label; the label spans the wrapped "Application / Received:".
  assert.equal(at(text, letter.header.applicationReceived!.label), 'Application\nReceived:');
  assert.ok(letter.header.priority!.valueSpan.start > letter.header.priority!.label.end + 20);
  assert.equal(letter.credentials?.specialty, 'Physical Medicine & Rehabilitation, Pain Management, Occupational Medicine');
  assert.deepEqual(
    letter.items.map((item, index) => [item.title, item.decision?.decision, item.rationale ? conclusionsOf(letter)[index].verdict : undefined]),
    [
      [
        'Electromyography and nerve conduction studies of both upper extremities to evaluate ongoing numbness in the hands',
        'Upheld',
        'not medically necessary',
      ],
      ['Repeat MRI of the cervical spine', 'Overturned', 'medically necessary'],
    ],
  );
  assertSpansMatch(letter);
});

test('double-spaced extraction (a blank line after every line) with prose credentials and Page(s) citations', () => {
  const text = fixture('double-spaced-seed.txt');
  const letter = parseLetterStrict(text);
  assert.deepEqual(letter.header, {});
  assert.deepEqual(letter.credentials?.licensure, ['Washington', 'California']);
  assert.equal(letter.credentials?.specialty, 'Psychiatry, Addiction Medicine');
  assert.deepEqual(
    letter.items.map((item) => [item.title, item.decision?.decision, item.quantity, item.refills]),
    [
      ['Oxycodone 10mg #120', 'Upheld', 120, null],
      ['Flexeril 7.5mg #60 with 1 refill', 'Upheld', 60, 1],
    ],
  );
  const [oxycodone] = letter.items;
  assert.deepEqual(
    oxycodone!.citations.map(({ source, guideline, year, sections, pages }) => ({ source, guideline, year, sections, pages })),
    [{ source: 'MTUS', guideline: 'Chronic Pain Treatment', year: null, sections: ['Opioids, criteria for use'], pages: ['76-80', '91'] }],
  );
  // The opioid disclaimer after the verdict is not the conclusion.
  assert.equal(conclusionsOf(letter)[0].verdict, 'not medically necessary');
  assert.match(conclusionsOf(letter)[0].sentence!, /^Therefore, the request for/);
  assertSpansMatch(letter);
});

const DRAFT = [
  'HOW THE IMR FINAL DETERMINATION WAS MADE  ',
  'The reviewer has no ties to any party.\t',
  'The Expert Reviewer has the following credentials:',
  'State(s) of Licensure:\tCalifornia ,  Arizona  ',
  'Certification(s)/Specialty: Family Practice',
  'CLINICAL CASE SUMMARY',
  'A 47 year old cook slipped on a wet floor on 2-2-20 and hurt the right shoulder.',
  'IMR ISSUES, DECISIONS AND RATIONALES',
  'The Final Determination was based on decisions for the disputed items/services set forth below:',
  'Gabapentin 600mg, one tablet three times a day #90 with three refills: Upheld',
  'Claims Administrator guideline:\tDecision based on MTUS Chronic Pain Medical Treatment 2016.   ',
  'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Anti-epilepsy drugs (AEDs).',
  'Decision rationale: Anti-epilepsy drugs are a first-line option for nerve pain. The records describe',
  'shoulder pain without any neuropathic features. The request is not medically necessary.',
  'Acupuncture, 6 sessions, right shoulder: Overturned',
  'Claims Administrator guideline: Decision based on MTUS Acupuncture Treatment 2007.',
  'MAXIMUS guideline: Decision based on MTUS Acupuncture Treatment 2007.',
  'Decision rationale: A trial of acupuncture is an option when medication is not tolerated, and the',
  'notes record stomach upset on anti-inflammatories. Therefore the request is medically necessary.',
].join('\n');

test('a draft typed in the editor: no blank lines, no header table, tabs and trailing spaces', () => {
  const letter = parseLetterStrict(DRAFT);
  assert.equal(letter.looksLikeLetter, true);
  assert.deepEqual(letter.header, {});
  assert.equal(letter.sections[0]!.title, 'HOW THE IMR FINAL DETERMINATION WAS MADE');
  assert.deepEqual(letter.credentials?.licensure, ['California', 'Arizona']);
  assert.equal(letter.credentials?.specialty, 'Family Practice');
  assert.deepEqual(
    letter.items.map((item, index) => [item.title, item.decision?.decision, item.rationale ? conclusionsOf(letter)[index].verdict : undefined]),
    [
      ['Gabapentin 600mg, one tablet three times a day #90 with three refills', 'Upheld', 'not medically necessary'],
      ['Acupuncture, 6 sessions, right shoulder', 'Overturned', 'medically necessary'],
    ],
  );
  const [gabapentin] = letter.items;
  assert.equal(gabapentin!.claimsAdministratorGuideline?.text, 'Decision based on MTUS Chronic Pain Medical Treatment 2016.');
  assert.deepEqual(gabapentin!.medication, {
    drug: 'Gabapentin',
    strength: '600mg',
    quantity: 90,
    refills: 3,
    frequency: 'three times a day',
  });
  assertSpansMatch(letter);
});

test('CRLF line ends give the same structure, with spans into the CRLF text', () => {
  const crlf = DRAFT.replace(/\n/g, '\r\n');
  const lf = parseLetterStrict(DRAFT);
  const letter = parseLetterStrict(crlf);
  assert.deepEqual(
    letter.items.map((item) => [item.title, item.decision?.text, rationaleText(letter, item)]),
    lf.items.map((item) => [item.title, item.decision?.text, rationaleText(lf, item)]),
  );
  assert.deepEqual(letter.credentials?.licensure, ['California', 'Arizona']);
  for (const section of letter.sections) assert.ok(!crlf.slice(section.heading.start, section.heading.end).includes('\r'));
  assertSpansMatch(letter);
});

test('a draft with a blank line after every line and tab-indented headings', () => {
  const text = DRAFT.split('\n')
    .map((line) => (/^[A-Z ,]+$/.test(line.trim()) ? `\t\t${line}` : line))
    .join('\n\n');
  const letter = parseLetterStrict(text);
  assert.equal(letter.sections.length, 3);
  assert.equal(letter.items.length, 2);
  assert.equal(letter.items[1]!.title, 'Acupuncture, 6 sessions, right shoulder');
  assertSpansMatch(letter);
});
