import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { formatSummary, summaryRows, unreadableRow, type SummaryRow } from '../../../server/src/features/summary-table';
import { loadKnowledge } from '../../../server/src/knowledge';
import { makeLetter } from '../../support/letters';

const knowledge = loadKnowledge();
const rowsOf = (file: string, text: string) => {
  const analysis = analyze(text, { knowledge });
  return summaryRows(file, analysis.letter!, analysis);
};

test('one row per item with its case number, decision, citations, daily MME and findings by check; letter-wide findings in a row of their own', () => {
  const draft = rowsOf('draft.imr', readFileSync('examples/draft-with-gaps.imr', 'utf8'));
  assert.deepEqual(draft.map((row) => [row.item, row.decision]), [
    ['Oxycodone 10mg #120', 'Upheld'],
    ['Tizanidine 4mg #60 with refills', 'Uphold'],
    ['Functional capacity evaluation', 'Upheld'],
    [null, null],
  ]);
  assert.equal(draft[0].caseNumber, 'CM19-0093586');
  assert.equal(draft[0].citations, 'MTUS Chronic Pain Medical Treatment 2009: Opioids, criteria for use, p. 76-80');
  assert.deepEqual(draft[1].findings, { 'item-decision': 1, 'refill-count': 2 });
  assert.deepEqual(draft[3].findings, { 'date-order': 1 });
  const opioid = rowsOf('a.imr', makeLetter({ items: [{ title: 'Norco 10/325mg one tablet every 6 hours #120', maximus: 'Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioids, criteria for use.' }] }));
  assert.equal(opioid[0].dailyMme, 40);
});

test('CSV quotes what needs quoting and defuses formulas; Markdown escapes pipes; columns only for checks that fired, in catalogue order', () => {
  const rows: SummaryRow[] = [
    { file: 'a, b.imr', caseNumber: 'CM1', item: '=HYPERLINK("x")', decision: 'Upheld', citations: 'MTUS | x', dailyMme: 90, findings: { quantity: 1, 'functional-improvement': 2 } },
    { file: 'c.imr', caseNumber: null, item: null, decision: null, citations: '', dailyMme: null, findings: {} },
  ];
  const order = ['functional-improvement', 'quantity', 'refill-count'];
  assert.equal(
    formatSummary(rows, 'csv', order),
    'File,Case number,Item,Decision,Citations,Daily MME,functional-improvement,quantity\r\n' +
      '"a, b.imr",CM1,"\'=HYPERLINK(""x"")",Upheld,MTUS | x,90,2,1\r\n' +
      'c.imr,,(whole letter),,,,,\r\n',
  );
  const markdown = formatSummary(rows, 'markdown', order).split('\n');
  assert.equal(markdown[0], '| File | Case number | Item | Decision | Citations | Daily MME | functional-improvement | quantity |');
  assert.equal(markdown[1], '| --- | --- | --- | --- | --- | ---: | ---: | ---: |');
  assert.equal(markdown[2], '| a, b.imr | CM1 | =HYPERLINK("x") | Upheld | MTUS \\| x | 90 | 2 | 1 |');
  assert.deepEqual(JSON.parse(formatSummary(rows, 'json', order)), { rows });
});

test('a letter too large to analyse and a file that cannot be read each get one row; Markdown shows letter text as text, never as HTML', () => {
  const tooLarge = analyze(makeLetter(), { knowledge, maxFileSize: 100 });
  assert.equal(tooLarge.letter, null);
  const rows = [...summaryRows('big.imr', null, tooLarge), unreadableRow('gone.imr', 'permission denied')];
  assert.deepEqual(rows.map((row) => [row.file, row.item, row.findings]), [
    ['big.imr', null, { 'file-too-large': 1 }],
    ['gone.imr', null, {}],
  ]);
  assert.equal(formatSummary(rows, 'csv', ['file-too-large']), 'File,Case number,Item,Decision,Citations,Daily MME,file-too-large\r\nbig.imr,,(whole letter),,,,1\r\ngone.imr,,(not read: permission denied),,,,\r\n');
  const html: SummaryRow = { file: 'x.imr', caseNumber: '<b>CM1</b>', item: '<script>alert(1)</script> & more', decision: 'Upheld', citations: '', dailyMme: null, findings: {} };
  assert.equal(formatSummary([html], 'markdown', []).split('\n')[2], '| x.imr | &lt;b&gt;CM1&lt;/b&gt; | &lt;script&gt;alert(1)&lt;/script&gt; &amp; more | Upheld |  |  |');
});
