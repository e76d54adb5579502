import type { Citation, Letter } from '../letter/model';
import type { Finding } from '../rules/types';
import { showControls } from '../text/quote';

/**
 * One row of the export: a disputed item, or (with `item` null) the findings about a letter as a
 * whole. Plain data, so that it crosses from a worker thread as it is.
 */
export interface SummaryRow {
  /** The letter's file as the host displays it. */
  readonly file: string;
  readonly caseNumber: string | null;
  /** The item's title; null for the row of findings about the whole letter. */
  readonly item: string | null;
  readonly decision: string | null;
  /** "MTUS Chronic Pain Medical Treatment 2009: Opioids, criteria for use, p. 76-80; …". */
  readonly citations: string;
  /** The requested opioid dose in MME a day, where the item line gives enough to compute it. */
  readonly dailyMme: number | null;
  /** Open findings by check id. */
  readonly findings: Readonly<Record<string, number>>;
  /** Why the letter's file could not be read, for the one row such a file gets. */
  readonly unreadable?: string;
}

export type SummaryFormat = 'csv' | 'markdown' | 'json';
export const SUMMARY_FORMATS: readonly SummaryFormat[] = ['csv', 'markdown', 'json'];

/**
 * The rows of one analysed letter: one per disputed item, with the findings about it, then one for
 * the findings about the letter as a whole (only when there are any). A finding belongs to an item
 * when its rule says so, or when it sits inside the item. A file that was not analysed (too large)
 * has one row, with its findings, so that every file of a batch is in the table.
 */
export function summaryRows(
  file: string,
  letter: Letter | null,
  analysis: { readonly findings: readonly Finding[]; readonly doses: readonly ({ readonly dailyMme: number | null } | null)[] },
): SummaryRow[] {
  if (!letter) return [wholeLetterRow(file, null, countByRule(analysis.findings))];
  const caseNumber = letter.header.caseNumber?.value ?? null;
  const perItem = letter.items.map(() => new Map<string, number>());
  const perLetter = new Map<string, number>();
  for (const finding of analysis.findings) {
    const index = finding.itemIndex ?? letter.items.findIndex((item) => finding.span.start >= item.span.start && finding.span.start < item.span.end);
    const counts = perItem[index] ?? perLetter;
    counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  }
  const rows: SummaryRow[] = letter.items.map((item, index) => ({
    file,
    caseNumber,
    item: item.title,
    decision: item.decision?.decision ?? item.decision?.text ?? null,
    citations: item.citations.map(citationText).filter(Boolean).join('; '),
    dailyMme: analysis.doses[index]?.dailyMme ?? null,
    findings: Object.fromEntries(perItem[index]),
  }));
  if (perLetter.size > 0 || letter.items.length === 0) rows.push(wholeLetterRow(file, caseNumber, Object.fromEntries(perLetter)));
  return rows;
}

/** The one row of a file that could not be read. */
export function unreadableRow(file: string, reason: string): SummaryRow {
  return { ...wholeLetterRow(file, null, {}), unreadable: reason };
}

function wholeLetterRow(file: string, caseNumber: string | null, findings: Readonly<Record<string, number>>): SummaryRow {
  return { file, caseNumber, item: null, decision: null, citations: '', dailyMme: null, findings };
}

function countByRule(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
  return counts;
}

function citationText(citation: Citation): string {
  if (citation.source === 'none') return 'no evidence cited';
  // The source only where the guideline's name does not say it ("ODG Official Disability Guidelines (ODG)").
  const source = citation.source === 'other' || citation.guideline?.includes(citation.source) ? null : citation.source;
  const name = [source, citation.guideline, citation.year].filter((part) => part !== null && part !== '').join(' ');
  const sections = citation.sections.join(', ');
  const pages = citation.pages.length > 0 ? `p. ${citation.pages.join(', ')}` : '';
  const details = [sections, pages].filter(Boolean).join(', ');
  return details ? `${name}: ${details}` : name;
}

/**
 * The rows as a table: the columns file, case number, item, decision, citations, daily MME, then one
 * column per check that has an open finding in any row (in `checkOrder`), holding the count.
 */
export function formatSummary(rows: readonly SummaryRow[], format: SummaryFormat, checkOrder: readonly string[]): string {
  if (format === 'json') return JSON.stringify({ rows }, null, 2) + '\n';
  const used = new Set(rows.flatMap((row) => Object.keys(row.findings)));
  const checks = [...checkOrder.filter((id) => used.has(id)), ...[...used].filter((id) => !checkOrder.includes(id)).sort()];
  const header = ['File', 'Case number', 'Item', 'Decision', 'Citations', 'Daily MME', ...checks];
  const cells = rows.map((row) => [
    row.file,
    row.caseNumber ?? '',
    row.unreadable !== undefined ? `(not read: ${row.unreadable})` : (row.item ?? '(whole letter)'),
    row.decision ?? '',
    row.citations,
    row.dailyMme === null ? '' : String(row.dailyMme),
    ...checks.map((id) => (row.findings[id] ? String(row.findings[id]) : '')),
  ].map(showControls));
  if (format === 'csv') return [header, ...cells].map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const markdownLine = (line: readonly string[]) => `| ${line.map(markdownCell).join(' | ')} |`;
  return [markdownLine(header), markdownLine(header.map((_, index) => (index >= 5 ? '---:' : '---'))), ...cells.map(markdownLine)].join('\n') + '\n';
}

/**
 * RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. A cell that a
 * spreadsheet would read as a formula (=, +, - or @ first) gets a leading apostrophe, so that opening
 * the export never runs anything.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A cell's text as Markdown shows it literally: no table breaks, no line breaks, and no HTML (letter text may hold "<script>"). */
function markdownCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
