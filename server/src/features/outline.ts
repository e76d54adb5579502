import type { GuidelineLine, HeaderKey, Item, Letter, Rationale, RationaleConclusion } from '../letter/model';
import type { Span } from '../text/span';

export type OutlineKind = 'header' | 'field' | 'section' | 'item' | 'guideline' | 'rationale';

export interface OutlineNode {
  readonly name: string;
  readonly detail?: string;
  readonly kind: OutlineKind;
  /** The whole element. */
  readonly span: Span;
  /** The part to reveal and highlight when the node is picked. */
  readonly selectionSpan: Span;
  readonly children: readonly OutlineNode[];
}

const HEADER_LABELS: Readonly<Record<HeaderKey, string>> = {
  caseNumber: 'Case Number',
  dateAssigned: 'Date Assigned',
  decisionDate: 'Decision Date',
  dateOfInjury: 'Date of Injury',
  urDenialDate: 'UR Denial Date',
  priority: 'Priority',
  applicationReceived: 'Application Received',
};

/**
 * Header table, then sections; the disputed items sit inside the issues section. `conclusions`
 * says how each item's rationale concludes (the analysis reads it), parallel to `letter.items`.
 */
export function outline(letter: Letter, conclusions: readonly (RationaleConclusion | null)[]): OutlineNode[] {
  const nodes: OutlineNode[] = [];
  const header = headerNode(letter);
  if (header) nodes.push(header);
  const itemNodes = letter.items.map((item, index) => itemNode(item, conclusions[index] ?? 'unknown'));
  let placedItems = false;
  for (const section of letter.sections) {
    const isIssues: boolean = section.kind === 'issues' && !placedItems;
    const children: OutlineNode[] = isIssues ? itemNodes.filter((node) => within(node.span, section.heading.start, section.body.end)) : [];
    if (isIssues) placedItems = children.length === itemNodes.length;
    nodes.push({
      name: section.title,
      detail: isIssues ? itemCountDetail(letter.items) : undefined,
      kind: 'section',
      span: { start: section.heading.start, end: Math.max(section.heading.end, section.body.end) },
      selectionSpan: section.heading,
      children,
    });
  }
  if (!placedItems) {
    const placed = new Set(nodes.flatMap((node) => node.children));
    for (const node of itemNodes) if (!placed.has(node)) nodes.push(node);
  }
  return nodes;
}

function headerNode(letter: Letter): OutlineNode | null {
  const fields = Object.values(letter.header).filter((field) => field !== undefined);
  if (fields.length === 0) return null;
  const children = fields
    .map((field) => ({
      name: HEADER_LABELS[field.key],
      detail: field.value,
      kind: 'field' as const,
      span: cover(field.label, field.valueSpan),
      selectionSpan: field.label,
      children: [],
    }))
    .sort((a, b) => a.span.start - b.span.start);
  return {
    name: 'Header',
    detail: letter.header.caseNumber?.value,
    kind: 'header',
    span: cover(...children.map((child) => child.span)),
    selectionSpan: children[0].selectionSpan,
    children,
  };
}

function itemNode(item: Item, conclusion: RationaleConclusion): OutlineNode {
  const children: OutlineNode[] = [];
  const guideline = (name: string, line: GuidelineLine | null) => {
    if (line) children.push({ name, detail: line.text, kind: 'guideline', span: line.span, selectionSpan: line.label, children: [] });
  };
  guideline('Claims Administrator guideline', item.claimsAdministratorGuideline);
  guideline('MAXIMUS guideline', item.maximusGuideline);
  if (item.rationale) children.push(rationaleNode(item.rationale, conclusion));
  return {
    name: item.title || '(untitled item)',
    detail: item.decision ? item.decision.decision ?? `${item.decision.text} (not a decision)` : 'no decision',
    kind: 'item',
    span: item.span,
    selectionSpan: item.titleSpan,
    children,
  };
}

function rationaleNode(rationale: Rationale, conclusion: RationaleConclusion): OutlineNode {
  return {
    name: 'Decision rationale',
    detail: conclusion === 'unknown' ? undefined : conclusion,
    kind: 'rationale',
    span: rationale.span,
    selectionSpan: rationale.label,
    children: [],
  };
}

function itemCountDetail(items: readonly Item[]): string {
  const upheld = items.filter((item) => item.decision?.decision === 'Upheld').length;
  const overturned = items.filter((item) => item.decision?.decision === 'Overturned').length;
  const noun = items.length === 1 ? 'item' : 'items';
  return `${items.length} ${noun}: ${upheld} Upheld, ${overturned} Overturned`;
}

function within(span: Span, start: number, end: number): boolean {
  return span.start >= start && span.start < Math.max(end, start + 1);
}

function cover(...spans: Span[]): Span {
  return { start: Math.min(...spans.map((span) => span.start)), end: Math.max(...spans.map((span) => span.end)) };
}
