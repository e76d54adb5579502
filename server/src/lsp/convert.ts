import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  DocumentSymbol,
  FoldingRange,
  FoldingRangeKind,
  SymbolKind,
  type TextEdit,
} from 'vscode-languageserver';
import type { CompletionEntry, CompletionKind } from '../features/completion';
import type { FoldingSpan } from '../features/folding';
import type { OutlineKind, OutlineNode } from '../features/outline';
import { ABOUT_THE_FILE } from '../engine/catalogue';
import type { Finding, Fix, Severity } from '../rules/types';
import type { LineMap } from '../text/line-map';

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding, lines: LineMap, documentUri: string, docUri: (ruleId: string) => string | undefined): Diagnostic {
  const href = docUri(finding.ruleId);
  const diagnostic: Diagnostic = {
    range: lines.rangeOf(finding.span),
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    source: 'imr',
    message: finding.message,
  };
  if (href) diagnostic.codeDescription = { href };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri: documentUri, range: lines.rangeOf(related.span) },
      message: related.message,
    }));
  }
  // Greyed out: these say why nothing was checked, not what is wrong.
  if (ABOUT_THE_FILE.has(finding.ruleId)) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

const SYMBOL_KINDS: Readonly<Record<OutlineKind, SymbolKind>> = {
  header: SymbolKind.Namespace,
  field: SymbolKind.Field,
  section: SymbolKind.Module,
  item: SymbolKind.Event,
  guideline: SymbolKind.Property,
  rationale: SymbolKind.String,
};

export function toDocumentSymbol(node: OutlineNode, lines: LineMap): DocumentSymbol {
  const range = lines.rangeOf(node.span);
  const selection = lines.rangeOf(node.selectionSpan);
  return {
    name: node.name,
    detail: node.detail,
    kind: SYMBOL_KINDS[node.kind],
    range,
    // LSP requires the selection range to sit inside the full range.
    selectionRange: node.selectionSpan.start >= node.span.start && node.selectionSpan.end <= node.span.end ? selection : range,
    children: node.children.map((child) => toDocumentSymbol(child, lines)),
  };
}

export function toFoldingRanges(spans: readonly FoldingSpan[], lines: LineMap, text: string): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const { span, kind } of spans) {
    const startLine = lines.positionAt(span.start).line;
    const endLine = lastContentLine(lines, text, span);
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: kind === 'header' ? FoldingRangeKind.Region : undefined });
  }
  return ranges;
}

/** Trailing blank lines and page breaks stay visible when a range folds. */
function lastContentLine(lines: LineMap, text: string, span: { start: number; end: number }): number {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return lines.positionAt(end).line;
}

export function toCodeAction(fix: Fix, finding: Finding, diagnostic: Diagnostic, uri: string, lines: LineMap): CodeAction {
  const edits: TextEdit[] = fix.edits.map((edit) => ({ range: lines.rangeOf(edit.span), newText: edit.newText }));
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.isPreferred,
    edit: { changes: { [uri]: edits } },
  };
}

const COMPLETION_KINDS: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  section: CompletionItemKind.Reference,
  decision: CompletionItemKind.EnumMember,
  label: CompletionItemKind.Keyword,
  drug: CompletionItemKind.Value,
};

export function toCompletionItem(entry: CompletionEntry, lines: LineMap, offset: number): CompletionItem {
  const item: CompletionItem = {
    label: entry.label,
    kind: COMPLETION_KINDS[entry.kind],
    detail: entry.detail,
    filterText: entry.filterText,
    sortText: entry.sortText,
    insertTextFormat: InsertTextFormat.PlainText,
  };
  if (entry.documentation) item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
  const newText = entry.insertText ?? entry.label;
  // Section names hold spaces and commas, so the typed text to replace is given, not guessed from a word.
  if (entry.replace) item.textEdit = { range: lines.rangeOf({ start: entry.replace.start, end: Math.max(entry.replace.end, offset) }), newText };
  else item.insertText = newText;
  return item;
}
