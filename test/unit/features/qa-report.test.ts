import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderQaReport, type ReportLetter } from '../../../server/src/features/qa-report';

const letters: ReportLetter[] = [
  {
    file: 'a.imr',
    rows: [
      { file: 'a.imr', caseNumber: 'CM1', item: 'Norco <script>alert(1)</script> #60', decision: 'Upheld', citations: 'MTUS "x" & y', dailyMme: 40, findings: { quantity: 1 } },
      { file: 'a.imr', caseNumber: 'CM1', item: 'Physical therapy', decision: 'Overturned', citations: '', dailyMme: null, findings: {} },
    ],
    findings: [{ code: 'quantity', severity: 'warning', message: 'No <b>quantity</b>', line: 11 }],
  },
  { file: 'b.imr', rows: [{ file: 'b.imr', caseNumber: null, item: null, decision: null, citations: '', dailyMme: null, findings: {} }], findings: [] },
];

test('the report counts letters, items and decisions, charts the findings per check, and links each finding to its line', () => {
  const html = renderQaReport(letters, { checkOrder: ['quantity'], link: (file, line) => `file:///x/${file}#L${line + 1}` });
  assert.match(html, /<span class="number">2<\/span> letters/);
  assert.match(html, /<span class="number">2<\/span> disputed items/);
  assert.match(html, /<span class="number">1<\/span> Upheld/);
  assert.match(html, /<span class="number">1<\/span> Overturned/);
  assert.match(html, /<svg class="chart checks"[^>]*>.*<text[^>]*>quantity<\/text><rect/s);
  assert.match(html, /href="file:\/\/\/x\/a.imr#L12"[^>]*>line 12<\/a>/);
  assert.match(html, /<th scope="col" aria-sort="none"><button type="button" data-column="0">File<\/button><\/th>/);
});

test('letter text is escaped: a script in an item title is shown, never run', () => {
  const html = renderQaReport(letters, { checkOrder: [] });
  assert.ok(!html.includes('<script>alert(1)'), 'the title\'s tag is escaped');
  assert.match(html, /Norco &#60;script&#62;alert\(1\)&#60;\/script&#62; #60/);
  assert.match(html, /No &#60;b&#62;quantity&#60;\/b&#62;/);
  assert.match(html, /MTUS &#34;x&#34; &#38; y/);
  // Exactly one script element: the report's own.
  assert.equal(html.match(/<script>/g)?.length, 1);
});

test('the page loads nothing from outside: a content policy forbids it, and nothing refers to the network', () => {
  const html = renderQaReport(letters, { checkOrder: ['quantity'] });
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">/);
  assert.doesNotMatch(html, /https?:\/\/|\bsrc=|<link\b|@import|url\(/i);
});

test('paths and links are escaped wherever they stand: text, attributes and the link maker\'s answer', () => {
  const file = 'x/<img src=y onerror=alert(1)> "a" & \'b\'.imr';
  const html = renderQaReport([{ file, rows: [], findings: [{ code: 'quantity', severity: 'warning', message: 'm', line: 0 }], error: 'could not read <it>' }], {
    checkOrder: ['quantity'],
    link: (path, line) => `file:///${path}#L${line + 1}`,
  });
  assert.doesNotMatch(html, /<img|<it>/);
  const escaped = 'x/&#60;img src=y onerror=alert(1)&#62; &#34;a&#34; &#38; &#39;b&#39;.imr';
  assert.ok(html.includes(`<summary>${escaped} · 1 findings</summary>`), 'the file as text');
  assert.ok(html.includes(`data-file="${escaped}"`), 'the file in an attribute');
  assert.ok(html.includes(`href="file:///${escaped}#L1"`), 'the link maker\'s answer in an attribute');
  assert.ok(html.includes('could not read &#60;it&#62;'), 'the reading error');
});
