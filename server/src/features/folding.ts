import type { Letter } from '../letter/model';
import type { Span } from '../text/span';

export interface FoldingSpan {
  readonly span: Span;
  readonly kind: 'section' | 'item' | 'header';
}

/** Sections, items and the header table fold; adapters turn spans into line ranges. */
export function foldingSpans(letter: Letter): FoldingSpan[] {
  const spans: FoldingSpan[] = [];
  const headerFields = Object.values(letter.header).filter((field) => field !== undefined);
  if (headerFields.length > 1) {
    spans.push({
      kind: 'header',
      span: {
        start: Math.min(...headerFields.map((field) => Math.min(field.label.start, field.valueSpan.start))),
        end: Math.max(...headerFields.map((field) => Math.max(field.label.end, field.valueSpan.end))),
      },
    });
  }
  for (const section of letter.sections) spans.push({ kind: 'section', span: { start: section.heading.start, end: section.body.end } });
  for (const item of letter.items) spans.push({ kind: 'item', span: item.span });
  return spans;
}
