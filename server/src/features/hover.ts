import type { OpioidDose } from '../facts/opioid-dose';
import type { Citation, Item, Letter } from '../letter/model';
import type { Span } from '../text/span';
import { letterDateToIso } from '../language/dates';
import type { KnowledgeBase, ResolvedCitation } from '../knowledge/knowledge-base';
import { guidelineLabel } from '../knowledge/labels';
import { renderDrug, renderGuideline, renderOdgChapter, renderPage, renderSection, renderTerm } from './knowledge-markdown';
import type { KnowledgeRef, SectionEntry } from '../knowledge/types';

interface HoverResult {
  readonly markdown: string;
  readonly span: Span;
  /** The knowledge entry shown, so "go to definition" can open the same entry. */
  readonly entry?: KnowledgeRef;
}

/**
 * What the knowledge base says about the thing at `offset`: a cited section, page or guideline
 * name, a decision word, a drug name, or a regulatory term. Pure; null when there is nothing.
 * `doses`: each item's daily opioid dose (`Analysis.doses`), shown when hovering the drug in its title.
 */
export function hoverAt(letter: Letter, offset: number, kb: KnowledgeBase, doses: readonly (OpioidDose | null)[] = []): HoverResult | null {
  const date = letterDateToIso(letter.header.decisionDate?.value);
  const itemIndex = letter.items.findIndex((candidate) => contains(candidate.span, offset));
  const item = itemIndex >= 0 ? letter.items[itemIndex] : undefined;
  if (item) {
    const fromItem = itemHover(letter, item, offset, kb, date);
    if (fromItem) return fromItem;
  }
  const line = lineAround(letter.text, offset);
  const lineText = letter.text.slice(line.start, line.end);
  const drug = kb.findDrugs(lineText, line.start).find((mention) => contains(mention.span, offset));
  if (drug) {
    const dose = item && contains(item.titleSpan, offset) ? doses[itemIndex] ?? null : null;
    const markdown = renderDrug(kb, drug.entry, letter.text.slice(drug.span.start, drug.span.end), dose);
    return { markdown, span: drug.span, entry: { kind: 'drug', id: drug.entry.id } };
  }
  const term = kb.findTerms(lineText, line.start).find((mention) => contains(mention.span, offset));
  if (term) return { markdown: renderTerm(term.term), span: term.span, entry: { kind: 'term', id: term.term.id } };
  return null;
}

function itemHover(letter: Letter, item: Item, offset: number, kb: KnowledgeBase, date: string | null): HoverResult | null {
  if (item.decision && contains(item.decision.span, offset)) return decisionHover(item, kb);
  for (const citation of item.citations) {
    if (!contains(citation.span, offset) && !citation.sectionSpans.some((s) => contains(s, offset)) && !citation.pageSpans.some((s) => contains(s, offset))) continue;
    const resolved = kb.resolveCitation(citation, { date });
    const hover = citationHover(letter, resolved, offset, kb);
    if (hover) return hover;
  }
  for (const line of [item.claimsAdministratorGuideline, item.maximusGuideline]) {
    if (line && contains(line.textSpan, offset)) {
      const hover = guidelineLineHover(letter, line.textSpan, offset, kb, date);
      if (hover) return hover;
    }
  }
  return null;
}

function decisionHover(item: Item, kb: KnowledgeBase): HoverResult | null {
  const mark = item.decision!;
  const term = mark.decision ? kb.term(mark.decision === 'Upheld' ? 'upheld' : 'overturned') : undefined;
  if (term) {
    const typed = mark.text !== mark.decision ? `\n\n_Written as "${mark.text}"; the letter should say exactly "${mark.decision}"._` : '';
    return { markdown: renderTerm(term) + typed, span: mark.span, entry: { kind: 'term', id: term.id } };
  }
  return { markdown: `**"${mark.text}" is not a decision.** An IMR decision is either **Upheld** (the UR denial stands: not medically necessary) or **Overturned** (medically necessary).`, span: mark.span };
}

function citationHover(letter: Letter, resolved: ResolvedCitation, offset: number, kb: KnowledgeBase): HoverResult | null {
  const { citation, guideline } = resolved;
  const cited = resolved.sections.map((s) => s.match?.section).filter((s): s is SectionEntry => s !== undefined);
  for (const section of resolved.sections) {
    if (!section.span || !contains(section.span, offset)) continue;
    if (section.match) {
      // A user's knowledge file may name a guideline the knowledge base lacks; then the note is left out.
      const shownFrom = kb.guideline(section.match.section.guideline);
      const note = section.match.kind === 'other-edition' && guideline && shownFrom
        ? `_Not listed for ${guidelineLabel(guideline.guideline)}; shown from ${guidelineLabel(shownFrom)}._`
        : undefined;
      return { markdown: renderSection(kb, section.match.section, note), span: section.span, entry: { kind: 'section', id: section.match.section.id } };
    }
    if (section.odgChapter) return { markdown: renderOdgChapter(kb, section.odgChapter), span: section.span, entry: { kind: 'odg', id: section.odgChapter.id } };
    return { markdown: unknownSectionMarkdown(kb, section.name, guideline?.guideline.id ?? null), span: section.span };
  }
  for (const page of resolved.pages) {
    if (!page.span || !contains(page.span, offset) || !page.range || !guideline) continue;
    return { markdown: renderPage(kb, guideline.guideline, page.range, cited), span: page.span };
  }
  if (guideline && contains(citation.span, offset)) {
    const mention = guidelineNameSpan(letter, citation, offset, kb);
    if (mention) return { markdown: renderGuideline(kb, guideline.guideline), span: mention, entry: { kind: 'guideline', id: guideline.guideline.id } };
  }
  return null;
}

function unknownSectionMarkdown(kb: KnowledgeBase, name: string, guidelineId: string | null): string {
  const guideline = guidelineId ? kb.guideline(guidelineId) : undefined;
  const where = guideline ? ` in ${guidelineLabel(guideline)}` : '';
  const suggestions = guidelineId ? kb.suggestSections(guidelineId, name) : [];
  const hint = suggestions.length ? `\n\nDid you mean: ${suggestions.map((s) => `**${s.entry.title}**`).join(', ')}?` : '';
  return `**${name}**\n\nNot a section the knowledge base knows${where}.${hint}`;
}

/** Where the guideline's name is written inside the citation, if the offset is on it. */
function guidelineNameSpan(letter: Letter, citation: Citation, offset: number, kb: KnowledgeBase): Span | null {
  const text = letter.text.slice(citation.span.start, citation.span.end);
  const mention = kb.findGuidelineMentions(text, citation.span.start).find((m) => contains(m.span, offset));
  return mention?.span ?? null;
}

/**
 * Lines the parser did not turn into citations with spans (the Claims Administrator line):
 * look for a guideline name before the offset and a section name around it.
 */
function guidelineLineHover(letter: Letter, span: Span, offset: number, kb: KnowledgeBase, date: string | null): HoverResult | null {
  const text = letter.text.slice(span.start, span.end);
  const mentions = kb.findGuidelineMentions(text, span.start);
  const onName = mentions.find((m) => contains(m.span, offset));
  const before = [...mentions].reverse().find((m) => m.span.end <= offset);
  const named = onName ?? before;
  if (!named) return null;
  const match = kb.findGuideline(letter.text.slice(named.span.start, named.span.end), { year: named.year, date });
  if (!match) return null;
  if (onName) return { markdown: renderGuideline(kb, match.guideline), span: onName.span, entry: { kind: 'guideline', id: match.guideline.id } };
  const section = sectionAround(letter.text, { start: named.span.end, end: span.end }, offset, match.guideline.id, kb);
  if (!section) return null;
  return { markdown: renderSection(kb, section.section), span: section.span, entry: { kind: 'section', id: section.section.id } };
}

/** Tries the comma-separated piece under the offset, alone and joined with its neighbours. */
function sectionAround(text: string, within: Span, offset: number, guidelineId: string, kb: KnowledgeBase): { section: SectionEntry; span: Span } | null {
  const pieces: Span[] = [];
  let start = within.start;
  for (let i = within.start; i <= within.end; i++) {
    const ch = i < within.end ? text[i] : ',';
    if (ch === ',' || ch === ';' || ch === ':' || ch === '.' && !/\d/.test(text[i + 1] ?? '')) {
      pieces.push(trimSpan(text, { start, end: i }));
      start = i + 1;
    }
  }
  const at = pieces.findIndex((piece) => piece.start <= offset && offset <= piece.end);
  if (at < 0) return null;
  const windows: Span[] = [pieces[at]];
  if (at > 0) windows.unshift({ start: pieces[at - 1].start, end: pieces[at].end });
  if (at + 1 < pieces.length) windows.unshift({ start: pieces[at].start, end: pieces[at + 1].end });
  for (const window of windows) {
    if (window.end <= window.start) continue;
    const match = kb.findSection(guidelineId, text.slice(window.start, window.end));
    if (match && match.kind !== 'other-edition') return { section: match.section, span: window };
  }
  return null;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

function lineAround(text: string, offset: number): Span {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const next = text.indexOf('\n', offset);
  return { start, end: next < 0 ? text.length : next };
}

/** Inclusive of the end, so a cursor just after a word still counts. */
function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
