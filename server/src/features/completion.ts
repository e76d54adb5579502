import type { Letter } from '../letter/model';
import type { Span } from '../text/span';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { formatPages } from '../knowledge/pages';
import { guidelineLabel } from '../knowledge/labels';
import { pageRef } from '../knowledge/pages';
import { pagesLine } from './knowledge-markdown';
import type { GuidelineEntry, SectionEntry } from '../knowledge/types';

export type CompletionKind = 'section' | 'decision' | 'label' | 'drug';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText?: string;
  /** Text the editor filters on when it differs from the label. */
  readonly filterText?: string;
  /** Keeps the entries in this order. */
  readonly sortText?: string;
  /** The typed text the entry replaces (section names contain spaces and commas, so a word is not enough). */
  readonly replace?: Span;
}

const GUIDELINE_LABEL = /^\s*(?:MAXIMUS|Claims Administrator) guideline:/i;
const ANY_LABEL = /^\s*(?:MAXIMUS guideline|Claims Administrator guideline|Decision rationale)\s*:/i;
const LIST_LABEL = /(Section\(s\)|Page\(s\))\s*:\s*/gi;
const LIST_AT_LINE_START = /^\s*(?:Section\(s\)|Page\(s\))\s*:/i;

/**
 * Completions at `offset`: section names or pages after "Section(s):"/"Page(s):", the decision
 * after an item title's colon, the item labels at the start of a line in the issues section, and
 * drug names while an item title is typed. Pure.
 */
export function completionsAt(letter: Letter, offset: number, kb: KnowledgeBase): CompletionEntry[] {
  const text = letter.text;
  const lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const lineEndIndex = text.indexOf('\n', offset);
  const lineEnd = lineEndIndex < 0 ? text.length : lineEndIndex;
  const prefix = text.slice(lineStart, offset);

  const rest = text.slice(offset, lineEnd);
  const atLineStart = /^[A-Za-z \t]*$/.test(prefix) && prefix.trim().split(/\s+/).length <= 2 && rest.trim() === '';

  const guidelineText = guidelineTextBefore(letter, offset, lineStart, prefix);
  if (guidelineText) {
    const entries = citationCompletions(letter, guidelineText, offset, kb);
    // A new line right after a guideline line reads as its continuation until a label is typed.
    if (entries.length || !atLineStart) return entries;
  }

  if (!inIssues(letter, offset) || ANY_LABEL.test(prefix)) return [];
  const results: CompletionEntry[] = [];
  const word = trailingWord(prefix);
  if (atLineStart) {
    results.push(...labelCompletions(letter, offset, lineStart, prefix));
    if (word.length >= 2) results.push(...drugCompletions(kb, word, { start: offset - word.length, end: offset }));
    return results;
  }
  // The decision follows an item title's colon, not a colon inside a rationale ("as follows:").
  // A line after a finished sentence may be a new item typed under the last rationale.
  const decision = /:\s*([A-Za-z]*)$/.exec(prefix);
  const mayBeItemTitle = !inRationale(letter, offset, lineStart) || /[.!?]["')\]]?\s*$/.test(letter.text.slice(Math.max(0, lineStart - 200), lineStart));
  if (decision && rest.trim() === '' && mayBeItemTitle) return decisionCompletions(offset, decision);
  // Drug names while an item title is typed; not in rationale prose.
  if (word.length >= 2 && !prefix.includes(':') && !inRationale(letter, offset, lineStart)) {
    results.push(...drugCompletions(kb, word, { start: offset - word.length, end: offset }));
  }
  return results;
}

interface GuidelineText {
  /** Where the guideline text (after its label) starts. */
  readonly start: number;
  readonly text: string;
}

/** The guideline line's text up to the cursor, when the cursor is on one. */
function guidelineTextBefore(letter: Letter, offset: number, lineStart: number, prefix: string): GuidelineText | null {
  for (const item of letter.items) {
    for (const line of [item.maximusGuideline, item.claimsAdministratorGuideline]) {
      if (line && line.label.start <= offset && offset <= line.span.end) {
        return { start: line.label.end, text: letter.text.slice(line.label.end, offset) };
      }
    }
  }
  const label = GUIDELINE_LABEL.exec(prefix);
  if (label) return { start: lineStart + label[0].length, text: prefix.slice(label[0].length) };
  // "Section(s):" or "Page(s):" on a line of its own continues the guideline line above it, blank
  // lines between allowed, as the seeds print it.
  if (!LIST_AT_LINE_START.test(prefix) || lineStart === 0) return null;
  const text = letter.text;
  // The nearest line above with any text: `above` is where it ends, `aboveStart` where it starts.
  let above = lineStart - 1;
  let aboveStart = text.lastIndexOf('\n', above - 1) + 1;
  while (aboveStart > 0 && text.slice(aboveStart, above).trim() === '') {
    above = aboveStart - 1;
    aboveStart = text.lastIndexOf('\n', above - 1) + 1;
  }
  const guideline = guidelineTextBefore(letter, above, aboveStart, text.slice(aboveStart, above));
  return guideline ? { start: guideline.start, text: text.slice(guideline.start, offset) } : null;
}

function citationCompletions(letter: Letter, guideline: GuidelineText, offset: number, kb: KnowledgeBase): CompletionEntry[] {
  let list: RegExpExecArray | null = null;
  LIST_LABEL.lastIndex = 0;
  for (let match = LIST_LABEL.exec(guideline.text); match; match = LIST_LABEL.exec(guideline.text)) list = match;
  if (!list) return [];
  const typedStart = guideline.start + list.index + list[0].length;
  const typed = letter.text.slice(typedStart, offset);
  // A new sentence ("... Section(s): X. Decision based on ...") ends the list.
  if (/\.\s/.test(typed) || typed.includes('\n\n')) return [];
  const before = letter.text.slice(guideline.start, guideline.start + list.index);
  const mentions = kb.findGuidelineMentions(before, guideline.start);
  const mention = mentions[mentions.length - 1] ?? null;
  const byPage = list[1].toLowerCase().startsWith('page');
  const editions = mention ? pickEditions(kb, mention.editions, mention.year, byPage) : defaultEditions(kb, byPage);
  const entries: CompletionEntry[] = [];
  editions.forEach((edition, editionIndex) => {
    kb.sectionsOf(edition.id).forEach((section, sectionIndex) => {
      const order = `${editionIndex}-${String(sectionIndex).padStart(4, '0')}`;
      if (byPage) {
        if (section.pages.length !== 2) return;
        const pages = formatPages(section.pages);
        entries.push({
          label: section.title,
          kind: 'section',
          detail: `Page(s): ${pages}${section.verified ? '' : ' (not verified)'}`,
          documentation: sectionDocumentation(edition, section),
          insertText: pages,
          filterText: `${pages} ${section.title}`,
          sortText: order,
          replace: listItemSpan(letter.text, typedStart, offset, pages),
        });
      } else {
        entries.push({
          label: section.title,
          kind: 'section',
          detail: `${guidelineLabel(edition)}${section.pages.length === 2 ? ` \u00b7 ${pageRef(section.pages)}${section.verified ? '' : ' \u26a0'}` : ''}`,
          documentation: sectionDocumentation(edition, section),
          insertText: section.title,
          sortText: order,
          replace: listItemSpan(letter.text, typedStart, offset, section.title),
        });
      }
    });
  });
  return entries;
}

function pickEditions(kb: KnowledgeBase, editions: readonly GuidelineEntry[], year: number | null, byPage: boolean): GuidelineEntry[] {
  const withSections = editions.filter((g) => kb.sectionsOf(g.id).length > 0);
  if (byPage) return withSections.filter((g) => g.citedBy === 'pages');
  const exact = year === null ? undefined : withSections.find((g) => g.year === year);
  return exact ? [exact] : withSections;
}

function defaultEditions(kb: KnowledgeBase, byPage: boolean): GuidelineEntry[] {
  return kb.guidelines.filter((g) => g.mtus && kb.sectionsOf(g.id).length > 0 && (!byPage || g.citedBy === 'pages'));
}

/**
 * The typed part of the current list entry: from the earliest comma boundary whose text is a
 * prefix of the completion (so "NSAIDs, GI" is replaced whole), else after the last comma.
 */
function listItemSpan(text: string, listStart: number, offset: number, completion: string): Span {
  const boundaries = [listStart];
  for (let i = listStart; i < offset; i++) if (text[i] === ',') boundaries.push(i + 1);
  const wanted = completion.toLowerCase();
  for (const boundary of boundaries) {
    let start = boundary;
    while (start < offset && /\s/.test(text[start])) start++;
    if (wanted.startsWith(text.slice(start, offset).toLowerCase().replace(/\s+/g, ' '))) return { start, end: offset };
  }
  let start = boundaries[boundaries.length - 1];
  while (start < offset && /\s/.test(text[start])) start++;
  return { start, end: offset };
}

function sectionDocumentation(edition: GuidelineEntry, section: SectionEntry): string {
  const pages = pagesLine(section);
  return [`**${section.title}** \u00b7 ${guidelineLabel(edition)}`, pages, section.summary].filter(Boolean).join('\n\n');
}

function decisionCompletions(offset: number, match: RegExpExecArray): CompletionEntry[] {
  const typed = match[1];
  const start = offset - typed.length;
  const needsSpace = !/\s$/.test(match[0].slice(0, match[0].length - typed.length));
  const docs = {
    Upheld: 'The UR denial or modification stands: the request is **not medically necessary**.',
    Overturned: 'The UR decision is reversed: the request **is medically necessary**.',
  };
  return (['Upheld', 'Overturned'] as const).map((decision, i) => ({
    label: decision,
    kind: 'decision' as const,
    detail: 'IMR decision',
    documentation: docs[decision],
    insertText: needsSpace ? ` ${decision}` : decision,
    sortText: String(i),
    replace: { start, end: offset },
  }));
}

const LABELS: readonly { label: string; insert: string; part: 'claims' | 'maximus' | 'rationale'; doc: string }[] = [
  { label: 'Claims Administrator guideline:', insert: 'Claims Administrator guideline: Decision based on MTUS ', part: 'claims', doc: 'What the claims administrator (UR) based its decision on.' },
  { label: 'Claims Administrator guideline: (no evidence cited)', insert: 'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence for its decision.', part: 'claims', doc: 'Use when the UR decision cited nothing.' },
  { label: 'MAXIMUS guideline:', insert: 'MAXIMUS guideline: Decision based on MTUS ', part: 'maximus', doc: 'The guideline, edition and section(s) the IMR decision rests on.' },
  { label: 'MAXIMUS guideline: Non-MTUS (ODG)', insert: 'MAXIMUS guideline: Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) ', part: 'maximus', doc: 'Only when the MTUS does not address the treatment (8 CCR 9792.21.1).' },
  { label: 'Decision rationale:', insert: 'Decision rationale: ', part: 'rationale', doc: 'The reasoning, ending with whether the request is medically necessary.' },
];

function labelCompletions(letter: Letter, offset: number, lineStart: number, prefix: string): CompletionEntry[] {
  const start = lineStart + (prefix.length - prefix.trimStart().length);
  const previous = [...letter.items].reverse().find((item) => item.titleSpan.start < lineStart);
  const missing = (part: 'claims' | 'maximus' | 'rationale') =>
    !previous || (part === 'claims' ? !previous.claimsAdministratorGuideline : part === 'maximus' ? !previous.maximusGuideline : !previous.rationale);
  return LABELS.map((entry, i) => ({
    label: entry.label,
    kind: 'label' as const,
    documentation: entry.doc,
    insertText: entry.insert,
    sortText: `${missing(entry.part) ? 0 : 1}-${i}`,
    replace: { start, end: offset },
  }));
}

function drugCompletions(kb: KnowledgeBase, typed: string, replace: Span): CompletionEntry[] {
  return kb.drugNamesStartingWith(typed).map(({ name, drug }, i) => ({
    label: name,
    kind: 'drug' as const,
    detail: name.toLowerCase() === drug.generic.toLowerCase() ? drug.classes.join(', ') : `${drug.generic} \u00b7 ${drug.classes.join(', ')}`,
    insertText: name,
    sortText: String(i).padStart(3, '0'),
    replace,
  }));
}

/** The letters (and inner hyphens) just before the cursor; a backwards scan rather than an end-anchored regex. */
function trailingWord(prefix: string): string {
  let start = prefix.length;
  while (start > 0 && /[A-Za-z-]/.test(prefix[start - 1])) start--;
  while (start < prefix.length && prefix[start] === '-') start++;
  return prefix.slice(start);
}

function inIssues(letter: Letter, offset: number): boolean {
  const issues = letter.sections.find((section) => section.kind === 'issues');
  if (issues) return issues.body.start <= offset && offset <= issues.body.end;
  // A draft without headings yet: allow completions anywhere.
  return letter.sections.length === 0;
}

/** Inside a rationale paragraph (a blank line before the cursor's line starts a new item). */
function inRationale(letter: Letter, offset: number, lineStart: number): boolean {
  const rationale = letter.items.find((item) => item.rationale && item.rationale.textSpan.start <= offset && offset <= item.rationale.textSpan.end)?.rationale;
  if (!rationale) return false;
  const previousLineEnd = lineStart - 1;
  const previousLineStart = letter.text.lastIndexOf('\n', Math.max(0, previousLineEnd - 1)) + 1;
  return letter.text.slice(previousLineStart, Math.max(previousLineStart, previousLineEnd)).trim() !== '';
}
