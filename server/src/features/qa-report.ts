import type { SummaryRow } from './summary-table';

/** One letter of the report: its rows (items, and findings about the letter as a whole) and its findings with their lines. */
export interface ReportLetter {
  /** As the host displays it. */
  readonly file: string;
  readonly rows: readonly SummaryRow[];
  readonly findings: readonly { readonly code: string; readonly severity: string; readonly message: string; readonly line: number }[];
  /** Why the file could not be read; nothing else is then known. */
  readonly error?: string;
}

interface ReportOptions {
  readonly title?: string;
  /** Where a letter (and a line of it, 0-based) opens: a file URL in the CLI's report, a message to the extension in the webview. */
  readonly link?: (file: string, line: number) => string | null;
  /** The checks in catalogue order, for the chart and the chips. */
  readonly checkOrder: readonly string[];
  /** What went wrong in the run outside any one letter (a broken config or knowledge file, an input that named nothing). */
  readonly problems?: readonly string[];
}

const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;

/**
 * The QA report: one self-contained HTML page (inline style and script, nothing fetched, a content
 * policy that forbids any request) with the batch at a glance (letters, items, Upheld and
 * Overturned, findings per check as a bar chart), a sortable table of letters, and each letter's
 * items with their decision, citations and findings. Every piece of letter text is escaped.
 */
export function renderQaReport(letters: readonly ReportLetter[], options: ReportOptions): string {
  const items = letters.flatMap((letter) => letter.rows.filter((row) => row.item !== null));
  const upheld = items.filter((row) => row.decision === 'Upheld').length;
  const overturned = items.filter((row) => row.decision === 'Overturned').length;
  const byCheck = new Map<string, number>();
  for (const letter of letters) for (const finding of letter.findings) byCheck.set(finding.code, (byCheck.get(finding.code) ?? 0) + 1);
  const checks = [...options.checkOrder.filter((id) => byCheck.has(id)), ...[...byCheck.keys()].filter((id) => !options.checkOrder.includes(id)).sort()];
  const title = options.title ?? 'IMR QA report';
  const link = options.link ?? (() => null);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${options.problems?.length ? `<section aria-labelledby="problems-title"><h2 id="problems-title">Problems with this run</h2><ul class="error">${options.problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('')}</ul></section>\n` : ''}<section class="glance" aria-label="The batch at a glance">
<div class="figure"><span class="number">${letters.length}</span> letters</div>
<div class="figure"><span class="number">${items.length}</span> disputed items</div>
<div class="figure"><span class="number">${upheld}</span> Upheld</div>
<div class="figure"><span class="number">${overturned}</span> Overturned</div>
<div class="figure"><span class="number">${[...byCheck.values()].reduce((sum, count) => sum + count, 0)}</span> findings</div>
</section>
<section aria-labelledby="decisions-title"><h2 id="decisions-title">Decisions</h2>${decisionBar(upheld, overturned, items.length - upheld - overturned)}</section>
<section aria-labelledby="checks-title"><h2 id="checks-title">Findings per check</h2>${checks.length === 0 ? '<p>No findings.</p>' : barChart(checks.map((id) => [id, byCheck.get(id)!]))}</section>
<section aria-labelledby="letters-title"><h2 id="letters-title">Letters</h2>
${letterTable(letters)}
</section>
<section aria-labelledby="details-title"><h2 id="details-title">Each letter</h2>
${letters.map((letter, index) => letterDetails(letter, index, checks, link)).join('\n')}
</section>
<script>${SORT_SCRIPT}${OPEN_IN_EDITOR_SCRIPT}</script>
</body>
</html>
`;
}

function decisionBar(upheld: number, overturned: number, other: number): string {
  const total = upheld + overturned + other;
  if (total === 0) return '<p>No disputed items.</p>';
  const parts: [string, number, string][] = [['Upheld', upheld, 'upheld'], ['Overturned', overturned, 'overturned'], ['Other or none', other, 'other']];
  let x = 0;
  const rects = parts
    .filter(([, count]) => count > 0)
    .map(([label, count, kind]) => {
      const width = (600 * count) / total;
      const rect = `<rect class="${kind}" x="${x.toFixed(1)}" y="0" width="${width.toFixed(1)}" height="28"><title>${label}: ${count}</title></rect>`;
      x += width;
      return rect;
    });
  const legend = parts.filter(([, count]) => count > 0).map(([label, count, kind]) => `<span class="key ${kind}"></span>${label} ${count} (${Math.round((100 * count) / total)}%)`).join(' ');
  return `<svg class="chart decisions" role="img" aria-label="Upheld ${upheld}, Overturned ${overturned}" viewBox="0 0 600 28" width="600" height="28">${rects.join('')}</svg><p class="legend">${legend}</p>`;
}

function barChart(bars: readonly [string, number][]): string {
  const max = Math.max(...bars.map(([, count]) => count));
  const rowHeight = 24;
  const labelWidth = 210;
  const width = 600;
  const rows = bars.map(([label, count], index) => {
    const y = index * rowHeight;
    const length = Math.max(2, ((width - labelWidth - 50) * count) / max);
    return `<g class="bar"><text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(label)}</text><rect x="${labelWidth}" y="${y + 4}" width="${length.toFixed(1)}" height="${rowHeight - 8}"><title>${escapeHtml(label)}: ${count}</title></rect><text x="${(labelWidth + length + 6).toFixed(1)}" y="${y + 16}">${count}</text></g>`;
  });
  return `<svg class="chart checks" role="img" aria-label="Findings per check" viewBox="0 0 ${width} ${bars.length * rowHeight}" width="${width}" height="${bars.length * rowHeight}">${rows.join('')}</svg>`;
}

function letterTable(letters: readonly ReportLetter[]): string {
  const columns = ['File', 'Case number', 'Items', 'Upheld', 'Overturned', 'Errors', 'Warnings', 'Information', 'Hints'];
  const numeric = new Set([2, 3, 4, 5, 6, 7, 8]);
  const head = columns.map((column, index) => `<th scope="col" aria-sort="none"><button type="button" data-column="${index}"${numeric.has(index) ? ' data-numeric' : ''}>${column}</button></th>`).join('');
  const body = letters.map((letter, index) => {
    const items = letter.rows.filter((row) => row.item !== null);
    const count = (severity: string) => letter.findings.filter((finding) => finding.severity === severity).length;
    const cells = [
      `<a href="#letter-${index}">${escapeHtml(letter.file)}</a>${letter.error ? ` <span class="error">${escapeHtml(letter.error)}</span>` : ''}`,
      escapeHtml(letter.rows[0]?.caseNumber ?? ''),
      String(items.length),
      String(items.filter((row) => row.decision === 'Upheld').length),
      String(items.filter((row) => row.decision === 'Overturned').length),
      ...SEVERITIES.map((severity) => String(count(severity))),
    ];
    return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
  });
  return `<table class="letters"><thead><tr>${head}</tr></thead><tbody>${body.join('\n')}</tbody></table>`;
}

function letterDetails(letter: ReportLetter, index: number, checks: readonly string[], link: (file: string, line: number) => string | null): string {
  const anchor = (text: string, line: number) => {
    const href = link(letter.file, line);
    return href ? `<a class="open" href="${escapeHtml(href)}" data-file="${escapeHtml(letter.file)}" data-line="${line}">${text}</a>` : text;
  };
  const items = letter.rows.map((row) => {
    const chips = checks.filter((id) => row.findings[id]).map((id) => `<span class="chip">${escapeHtml(id)}${row.findings[id] > 1 ? ` ×${row.findings[id]}` : ''}</span>`).join(' ');
    const decision = row.decision ? `<span class="decision ${row.decision === 'Upheld' ? 'upheld' : row.decision === 'Overturned' ? 'overturned' : 'other'}">${escapeHtml(row.decision)}</span>` : '';
    return `<tr><td>${row.item === null ? '<em>the letter as a whole</em>' : escapeHtml(row.item)}</td><td>${decision}</td><td>${escapeHtml(row.citations)}</td><td>${row.dailyMme ?? ''}</td><td>${chips}</td></tr>`;
  });
  const findings = letter.findings.map((finding) => `<li class="${escapeHtml(finding.severity)}">${anchor(`line ${finding.line + 1}`, finding.line)} <span class="severity">${escapeHtml(finding.severity)}</span> <code>${escapeHtml(finding.code)}</code> ${escapeHtml(finding.message)}</li>`);
  return `<details id="letter-${index}"${letter.findings.some((finding) => finding.severity === 'error') ? ' open' : ''}>
<summary>${escapeHtml(letter.file)}${letter.rows[0]?.caseNumber ? ` · ${escapeHtml(letter.rows[0].caseNumber)}` : ''} · ${letter.findings.length} findings</summary>
<p>${anchor('Open the letter', 0)}</p>
${letter.error ? `<p class="error">${escapeHtml(letter.error)}</p>` : ''}
${items.length ? `<table class="items"><thead><tr><th scope="col">Item</th><th scope="col">Decision</th><th scope="col">Citations</th><th scope="col">Daily MME</th><th scope="col">Findings</th></tr></thead><tbody>${items.join('')}</tbody></table>` : ''}
${findings.length ? `<ul class="findings">${findings.join('')}</ul>` : '<p>No findings.</p>'}
</details>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}
.glance{display:flex;gap:12px;flex-wrap:wrap}.figure{border:1px solid #d0d7de;border-radius:6px;padding:8px 14px}.number{font-size:22px;font-weight:600;margin-right:4px}
.chart text{font-size:12px;fill:#1f2328}.chart .bar rect{fill:#0969da}.upheld{fill:#cf222e;background:#cf222e}.overturned{fill:#1a7f37;background:#1a7f37}.other{fill:#8c959f;background:#8c959f}
.legend .key{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px;border-radius:2px}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer}th[aria-sort=ascending] button::after{content:" ▲";content:" ▲"/""}th[aria-sort=descending] button::after{content:" ▼";content:" ▼"/""}
.chip{display:inline-block;background:#ddf4ff;border-radius:10px;padding:0 8px;margin:1px;font-size:12px}
.decision.upheld{color:#cf222e;background:none}.decision.overturned{color:#1a7f37;background:none}.decision.other{color:#57606a;background:none}
details{border:1px solid #d0d7de;border-radius:6px;padding:6px 10px;margin:6px 0}summary{cursor:pointer;font-weight:600}
.findings li.error .severity{color:#cf222e}.findings li.warning .severity{color:#9a6700}.error{color:#cf222e}
@media (prefers-color-scheme: dark){body{background:#0d1117;color:#e6edf3}.chart text{fill:#e6edf3}th,td,details,.figure{border-color:#30363d}.chip{background:#1f3a5f}}
`;

/**
 * In the editor's webview, a link to a letter asks the extension to open it at the line (a webview
 * cannot follow file links itself); in a browser the links are followed as they are.
 */
const OPEN_IN_EDITOR_SCRIPT = `
(function(){
  if(typeof acquireVsCodeApi!=='function')return;
  var host=acquireVsCodeApi();
  document.addEventListener('click',function(event){
    var link=event.target.closest&&event.target.closest('a.open');
    if(!link)return;
    event.preventDefault();
    host.postMessage({open:link.getAttribute('href')});
  });
})();
`;

/** Sorting the letters table by a column: a click (or Enter on the focused header button) sorts, again reverses. */
const SORT_SCRIPT = `
(function(){
  var table=document.querySelector('table.letters');if(!table)return;
  var headers=table.querySelectorAll('th');
  table.querySelectorAll('th button').forEach(function(button){
    button.addEventListener('click',function(){
      var column=Number(button.dataset.column),numeric=button.hasAttribute('data-numeric'),th=button.parentElement;
      var ascending=th.getAttribute('aria-sort')!=='ascending';
      headers.forEach(function(other){other.setAttribute('aria-sort','none');});
      th.setAttribute('aria-sort',ascending?'ascending':'descending');
      var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){
        var x=a.cells[column].textContent.trim(),y=b.cells[column].textContent.trim();
        var order=numeric?Number(x)-Number(y):x.localeCompare(y);
        return ascending?order:-order;
      });
      rows.forEach(function(row){body.appendChild(row);});
    });
  });
})();
`;
