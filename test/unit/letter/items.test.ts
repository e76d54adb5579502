import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLetterStrict } from '../../../server/src/letter/parse';
import { makeLetter } from '../../support/letters';
import { conclusionsOf } from '../../support/run-rule';
import type { Span } from '../../../server/src/text/span';
import { rationaleText } from '../../support/letters';

const at = (text: string, span: Span | null | undefined) => (span ? text.slice(span.start, span.end) : null);

/** An issues section around the given lines, typed without blank lines. */
function issues(...lines: string[]): string {
  return [
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
    ...lines,
  ].join('\n');
}

const CLAIMS = 'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.';
const MAXIMUS = 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids for chronic pain.';
const UPHELD_RATIONALE = 'Decision rationale: No gain in function is documented. The request is not medically necessary.';

test('a title wrapped over three lines is one item', () => {
  const text = issues(
    'Outpatient functional restoration program for the lumbar spine, left hip and left knee,',
    'two times a week for six weeks, with transportation to and from the program and an',
    'initial team conference: Upheld',
    CLAIMS,
    MAXIMUS,
    UPHELD_RATIONALE,
  );
  const [item, ...rest] = parseLetterStrict(text).items;
  assert.equal(rest.length, 0);
  assert.equal(
    item!.title,
    'Outpatient functional restoration program for the lumbar spine, left hip and left knee, two times a week for six weeks, with transportation to and from the program and an initial team conference',
  );
  assert.match(at(text, item!.titleSpan)!, /^Outpatient[\s\S]*conference$/);
  assert.equal(item!.span.start, item!.titleSpan.start);
});

test('colons inside the item name stay in the title; the decision is the word after the last colon', () => {
  const text = issues('Associated surgical service: Cold therapy unit: 7 day rental: Upheld', CLAIMS, MAXIMUS, UPHELD_RATIONALE);
  const [item] = parseLetterStrict(text).items;
  assert.equal(item!.title, 'Associated surgical service: Cold therapy unit: 7 day rental');
  assert.equal(item!.decision?.decision, 'Upheld');
  assert.equal(at(text, item!.decision!.span), 'Upheld');
});

test('a rationale line ending in ": Recommended" is rationale text, not a new item', () => {
  const text = issues(
    'Norco 10/325mg #60: Upheld',
    CLAIMS,
    MAXIMUS,
    'Decision rationale: The guideline table lists, for long-term opioid use: Recommended',
    'only with documented functional improvement and monitoring for misuse: Not recommended',
    'otherwise. Neither is documented. The request is not medically necessary.',
    'Tramadol 50mg #90: Upheld',
    CLAIMS,
    MAXIMUS,
    UPHELD_RATIONALE,
  );
  const letter = parseLetterStrict(text);
  assert.deepEqual(
    letter.items.map((item) => item.title),
    ['Norco 10/325mg #60', 'Tramadol 50mg #90'],
  );
  assert.match(rationaleText(letter, letter.items[0]!)!, /: Recommended only with documented/);
  assert.match(rationaleText(letter, letter.items[0]!)!, /medically necessary\.$/);
});

test('partial authorization: the title is the remaining IMR-eligible part', () => {
  const text = issues(
    'Physical therapy for the right wrist, 2 times a week for 6 weeks (12 sessions) was the original',
    'request. Physical therapy for the right wrist, 6 sessions was authorized by the Claims',
    'Administrator. The remaining IMR eligible portion of the original request, physical therapy',
    'for the right wrist, 6 sessions is: Upheld',
    CLAIMS,
    MAXIMUS,
    UPHELD_RATIONALE,
  );
  const [item] = parseLetterStrict(text).items;
  assert.equal(item!.title, 'physical therapy for the right wrist, 6 sessions');
  assert.equal(at(text, item!.titleSpan), 'physical therapy\nfor the right wrist, 6 sessions');
  assert.deepEqual(item!.partial, {
    originalRequest: 'Physical therapy for the right wrist, 2 times a week for 6 weeks (12 sessions)',
    authorized: 'Physical therapy for the right wrist, 6 sessions',
    remaining: 'physical therapy for the right wrist, 6 sessions',
  });
  assert.ok(item!.span.start < item!.titleSpan.start, 'the item starts with the original request');
});

test('partial authorization with a page break inside it and the decision word on its own line', () => {
  const text = issues(
    'The request is medically necessary.',
    'Ibuprofen 800mg #90 was the original request. The Claims Administrator authorized',
    '',
    '\fIbuprofen 800mg #30, leaving the rest IMR eligible. The original request, Ibuprofen 800mg #60 is:',
    'Upheld',
    CLAIMS,
    MAXIMUS,
    UPHELD_RATIONALE,
  );
  const [item] = parseLetterStrict(text).items;
  assert.equal(item!.title, 'Ibuprofen 800mg #60');
  assert.equal(item!.quantity, 60);
  assert.equal(item!.decision?.decision, 'Upheld');
  assert.equal(at(text, item!.decision!.span), 'Upheld');
  assert.equal(item!.partial?.originalRequest, 'Ibuprofen 800mg #90');
  assert.equal(item!.partial?.authorized, 'Ibuprofen 800mg #30');
});

test('misspelt and odd decision words are decision lines with decision null; exact words in any case are valid', () => {
  const words = ['Uphold', 'Over turned', 'Overturn', 'Upheld.', 'upheld', 'OVERTURNED', 'Overtuned', 'Denied'];
  const text = issues(...words.flatMap((word, n) => [`Item number ${n + 1}: ${word}`, CLAIMS, MAXIMUS, UPHELD_RATIONALE]));
  const letter = parseLetterStrict(text);
  assert.deepEqual(
    letter.items.map((item) => [item.title, item.decision?.text, item.decision?.decision]),
    [
      ['Item number 1', 'Uphold', null],
      ['Item number 2', 'Over turned', null],
      ['Item number 3', 'Overturn', null],
      ['Item number 4', 'Upheld.', null],
      ['Item number 5', 'upheld', 'Upheld'],
      ['Item number 6', 'OVERTURNED', 'Overturned'],
      ['Item number 7', 'Overtuned', null],
      ['Item number 8', 'Denied', null],
    ],
  );
  for (const item of letter.items) assert.equal(at(text, item.decision!.span), item.decision!.text);
});

test('a utilization-review word after a colon inside a rationale does not start an item', () => {
  const text = issues('Norco 10/325mg #60: Upheld', CLAIMS, MAXIMUS, 'Decision rationale: The first review said: Denied', 'for lack of records. The request is not medically necessary.');
  const letter = parseLetterStrict(text);
  assert.equal(letter.items.length, 1);
});

test('a title with no decision followed directly by the Claims Administrator line is an item with decision null', () => {
  const text = issues(
    'Lidocaine 5% patch #30: Upheld',
    CLAIMS,
    MAXIMUS,
    'Decision rationale: Lidocaine patches are for localized nerve pain after first-line',
    'treatment. The request is not medically necessary.',
    'Lumbar support brace',
    CLAIMS,
    MAXIMUS,
    UPHELD_RATIONALE,
  );
  const letter = parseLetterStrict(text);
  const [, brace] = letter.items;
  assert.equal(brace!.title, 'Lumbar support brace');
  assert.equal(brace!.decision, null);
  assert.equal(at(text, brace!.titleSpan), 'Lumbar support brace');
  assert.equal(conclusionsOf(letter)[1].verdict, 'not medically necessary');
});

test('missing parts: an item without guideline lines, one without a rationale, and a half-typed last item', () => {
  const text = issues(
    'Celecoxib 200mg #30: Upheld',
    UPHELD_RATIONALE,
    'Omeprazole 20mg #60: Upheld',
    CLAIMS,
    'Tramadol ER 100mg #30: Upheld',
    'Decision rationale:',
  );
  const letter = parseLetterStrict(text);
  assert.deepEqual(
    letter.items.map((item) => [
      item.title,
      item.claimsAdministratorGuideline !== null,
      item.maximusGuideline !== null,
      rationaleText(letter, item),
    ]),
    [
      ['Celecoxib 200mg #30', false, false, 'No gain in function is documented. The request is not medically necessary.'],
      ['Omeprazole 20mg #60', true, false, null],
      ['Tramadol ER 100mg #30', false, false, ''],
    ],
  );
  assert.equal(conclusionsOf(letter)[2].verdict, 'unknown');
  assert.equal(conclusionsOf(letter)[2].span, null);
});

test('a page break between the MAXIMUS line and the rationale, and inside a wrapped guideline line', () => {
  const text = issues(
    'Naproxen 550mg #60: Overturned',
    'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment',
    '\f2016.',
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s):',
    'NSAIDs (non-steroidal anti-inflammatory drugs).',
    '',
    '\f',
    'Decision rationale: Anti-inflammatories are recommended at the lowest dose for the shortest time,',
    'and the notes show better walking tolerance on naproxen. The request is medically necessary.',
  );
  const letter = parseLetterStrict(text);
  const [item] = letter.items;
  assert.equal(item!.claimsAdministratorGuideline?.text, 'Decision based on MTUS Chronic Pain Medical Treatment 2016.');
  assert.deepEqual(item!.citations[0]?.sections, ['NSAIDs (non-steroidal anti-inflammatory drugs)']);
  assert.equal(conclusionsOf(letter)[0].verdict, 'medically necessary');
  assert.equal(at(text, item!.maximusGuideline!.label), 'MAXIMUS guideline:');
  assert.ok(item!.maximusGuideline!.span.end < item!.rationale!.span.start);
});

test('without an issues heading, items after the last heading are still found', () => {
  const text = ['CLINICAL CASE SUMMARY', 'A 60 year old driver with neck pain.', 'Cervical pillow: Upheld', CLAIMS, MAXIMUS, UPHELD_RATIONALE].join('\n');
  const letter = parseLetterStrict(text);
  assert.deepEqual(
    letter.items.map((item) => item.title),
    ['Cervical pillow'],
  );
});

test('the decision line without its colon counts only when the guideline lines follow', () => {
  const text = issues('Baclofen 10mg #90 Upheld', CLAIMS, MAXIMUS, 'Decision rationale: The worker was Upheld', 'by a cane. The request is not medically necessary.');
  const letter = parseLetterStrict(text);
  assert.equal(letter.items.length, 1);
  assert.equal(letter.items[0]!.title, 'Baclofen 10mg #90');
  assert.equal(at(text, letter.items[0]!.decision!.span), 'Upheld');
});

test('a title line ending in a label such as "DOS:" wraps onto the date below it: one title, not two', () => {
  for (const [title, expected] of [
    ['Retrospective request for Toradol injection DOS:\n12/01/2016', 'Retrospective request for Toradol injection DOS: 12/01/2016'],
    ['Retrospective Norco 10/325mg #90 (DOS:\nNovember 15, 2016)', 'Retrospective Norco 10/325mg #90 (DOS: November 15, 2016)'],
    ['Ultrasound guided injection, date of service:\n10/10/2016', 'Ultrasound guided injection, date of service: 10/10/2016'],
  ]) {
    const letter = parseLetterStrict(makeLetter({ items: [{ title, decision: 'Upheld' }, { title: 'Norco 10/325mg #60', decision: 'Overturned' }] }));
    assert.deepEqual(letter.items.map((item) => [item.title, item.decision?.decision]), [[expected, 'Upheld'], ['Norco 10/325mg #60', 'Overturned']]);
  }
});

test('a title wraps over at most five lines: a sixth line above is not part of it', () => {
  const text = issues(
    'zero line that must stay out,',
    'first line of the title,',
    'second line,',
    'third line,',
    'fourth line,',
    'fifth line: Upheld',
    CLAIMS,
    MAXIMUS,
    UPHELD_RATIONALE,
  );
  const [item] = parseLetterStrict(text).items;
  assert.equal(item!.title, 'first line of the title, second line, third line, fourth line, fifth line');
});

test('part labels: any blanks between their words, read only within the first 40 characters of the line', () => {
  const spaced = issues(
    'Norco 10/325mg #60: Upheld',
    'Claims\tAdministrator   guidelines :  Decision based on MTUS Chronic Pain Medical Treatment 2016.',
    'maximus \t guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.',
    'DECISION  rationale\t: No gain in function is documented. The request is not medically necessary.',
  );
  const [item] = parseLetterStrict(spaced).items;
  assert.equal(at(spaced, item!.claimsAdministratorGuideline?.label), 'Claims\tAdministrator   guidelines :');
  assert.equal(at(spaced, item!.maximusGuideline?.label), 'maximus \t guideline:');
  assert.equal(at(spaced, item!.rationale?.label), 'DECISION  rationale\t:');

  // 41 characters up to the colon: past the reach, so the line is rationale text of the item above, not a label.
  const far = `Decision${' '.repeat(23)}rationale:`;
  assert.equal(far.length, 41);
  const text = issues('Norco 10/325mg #60: Upheld', CLAIMS, MAXIMUS, UPHELD_RATIONALE, `${far} more text.`);
  const items = parseLetterStrict(text).items;
  assert.equal(items.length, 1);
  assert.ok(at(text, items[0]!.rationale?.textSpan)!.endsWith(`${far} more text.`));
  const within = `Decision${' '.repeat(22)}rationale:`;
  const inReach = issues('Norco 10/325mg #60: Upheld', CLAIMS, MAXIMUS, `${within} The request is not medically necessary.`);
  assert.equal(at(inReach, parseLetterStrict(inReach).items[0]!.rationale?.label), within);
});

test('invisible format characters at the end of an item line (zero-width space, direction marks) do not hide its decision', () => {
  for (const invisible of ['\u200b', '\u200e', '\u200f', '\u2060', '\u202c', ' \u200b\t']) {
    const letter = parseLetterStrict(issues(`Norco 10/325mg #90: Upheld${invisible}`, CLAIMS, MAXIMUS, UPHELD_RATIONALE));
    assert.equal(letter.items.length, 1, JSON.stringify(invisible));
    assert.equal(letter.items[0].decision?.decision, 'Upheld', JSON.stringify(invisible));
    assert.equal(letter.items[0].title, 'Norco 10/325mg #90');
  }
});
