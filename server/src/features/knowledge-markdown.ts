import type { OpioidDose } from '../facts/opioid-dose';
import { formatIsoDate } from '../language/dates';
import { guidelineLabel } from '../knowledge/labels';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { pageRef, rangesOverlap, type PageRange } from '../knowledge/pages';
import type { DrugEntry, GuidelineEntry, KnowledgeRef, OdgChapter, SectionEntry, TermEntry } from '../knowledge/types';

/**
 * Markdown for hovers and the read-only "definition" documents. Everything shown comes from
 * the knowledge files; unverified page numbers are always flagged.
 */

const NOT_VERIFIED = '\u26a0 page not verified';

function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function bullets(lines: readonly string[]): string {
  return lines.map((line) => `- ${escape(line)}`).join('\n');
}

function effectivePeriod(guideline: GuidelineEntry): string | null {
  if (!guideline.effectiveFrom && !guideline.effectiveTo) return null;
  const from = guideline.effectiveFrom ? `from ${formatIsoDate(guideline.effectiveFrom)}` : '';
  const to = guideline.effectiveTo ? `to ${formatIsoDate(guideline.effectiveTo)}` : '(no end date recorded)';
  const note = guideline.datesVerified ? '' : ' (dates not verified)';
  return `${from}${from ? ' ' : ''}${to}${note}`;
}

/** "pp. 63-66 · ⚠ page not verified (confidence: high)". */
export function pagesLine(section: SectionEntry): string | null {
  if (section.pages.length !== 2) return null;
  const label = pageRef(section.pages);
  const also = section.alsoCitedPages?.length ? `; also cited: ${section.alsoCitedPages.join(', ')}` : '';
  const check = section.verified ? 'page verified' : `${NOT_VERIFIED} (confidence: ${section.pageConfidence})`;
  return `${label}${also} \u00b7 ${check}`;
}

export function renderSection(kb: KnowledgeBase, section: SectionEntry, note?: string): string {
  const guideline = kb.guideline(section.guideline);
  const parts: string[] = [`**${escape(section.title)}**`];
  if (guideline) parts.push(`${escape(guidelineLabel(guideline))}${guideline.regulation ? ` \u00b7 ${escape(guideline.regulation)}` : ''}`);
  const pages = pagesLine(section);
  if (pages) parts.push(pages);
  if (note) parts.push(note);
  parts.push(escape(section.summary));
  if (section.keyCriteria.length) {
    parts.push(`**Key criteria**\n\n${bullets(section.keyCriteria)}`);
  } else if (section.counterpart) {
    const counterpart = kb.section(section.counterpart);
    const counterpartGuideline = counterpart && kb.guideline(counterpart.guideline);
    if (counterpart?.keyCriteria.length && counterpartGuideline) {
      parts.push(`**Key criteria in the ${escape(guidelineLabel(counterpartGuideline))}** (this edition may differ)\n\n${bullets(counterpart.keyCriteria)}`);
    }
  }
  const related = (section.related ?? []).map((id) => kb.section(id)).filter((s): s is SectionEntry => s !== undefined);
  if (related.length) parts.push(`See also: ${related.map((s) => `${escape(s.title)}${s.pages.length === 2 ? ` (${pageRef(s.pages)})` : ''}`).join('; ')}`);
  if (section.notes) parts.push(`_${escape(section.notes)}_`);
  parts.push(`_Source: ${escape(section.sourceRef)}_`);
  return parts.join('\n\n');
}

export function renderGuideline(kb: KnowledgeBase, guideline: GuidelineEntry): string {
  const parts: string[] = [`**${escape(guidelineLabel(guideline))}**`];
  const edition = guideline.year !== null && guideline.edition.startsWith(String(guideline.year)) ? null : guideline.edition;
  const period = effectivePeriod(guideline);
  const facts = [edition, guideline.regulation, period && `in force ${period}`].filter(Boolean);
  if (facts.length) parts.push(escape(facts.join(' \u00b7 ')));
  if (!guideline.mtus) parts.push('Outside the MTUS (Non-MTUS citation).');
  parts.push(escape(guideline.summary));
  if (guideline.keyPoints?.length) parts.push(`**Key points**\n\n${bullets(guideline.keyPoints)}`);
  const successors = (guideline.supersededBy ?? []).map((id) => kb.guideline(id)).filter((g): g is GuidelineEntry => g !== undefined);
  if (successors.length) parts.push(`Replaced by: ${successors.map((g) => escape(guidelineLabel(g))).join('; ')}`);
  const sectionCount = kb.sectionsOf(guideline.id).length;
  if (sectionCount) parts.push(`${sectionCount} ${sectionCount === 1 ? 'section' : 'sections'} in the knowledge base.`);
  parts.push(`_Source: ${escape(guideline.sourceRef)}_`);
  return parts.join('\n\n');
}

/** What a cited page (or page range) falls in, and whether it fits the sections cited with it. */
export function renderPage(kb: KnowledgeBase, guideline: GuidelineEntry, range: PageRange, citedSections: readonly SectionEntry[]): string {
  const label = range.from === range.to ? `Page ${range.from}` : `Pages ${range.from}-${range.to}`;
  const parts: string[] = [`**${label}** \u00b7 ${escape(guidelineLabel(guideline))}`];
  if (guideline.citedBy !== 'pages') parts.push('This edition is not cited by page number.');
  const within = kb.sectionsOf(guideline.id)
    .filter((s) => s.pages.length === 2 && rangesOverlap(range, { from: s.pages[0], to: s.pages[1] }))
    .sort((a, b) => a.pages[1] - a.pages[0] - (b.pages[1] - b.pages[0]));
  if (within.length) {
    const shown = within.slice(0, 8);
    const more = within.length > shown.length ? `\n- \u2026 and ${within.length - shown.length} more` : '';
    parts.push(`${range.from === range.to ? 'Belongs to' : 'Covers'}:\n\n${shown.map((s) => `- ${escape(s.title)} (${pagesLine(s)})`).join('\n')}${more}`);
  } else if (guideline.citedBy === 'pages') {
    parts.push('No section in the knowledge base covers this page.');
  }
  for (const section of citedSections) {
    if (section.pages.length === 2 && !kb.pageFitsSection(section, range)) parts.push(`Outside the cited section ${escape(section.title)} (${pagesLine(section)}).`);
  }
  if (within.some((s) => !s.verified)) parts.push('_Page numbers are the ones reviewers cite; they have not been checked against the DWC PDF._');
  return parts.join('\n\n');
}

/** The item's daily dose, with its arithmetic and the table's verified flag, or what the line lacks. */
export function doseLine(dose: OpioidDose): string {
  const unverified = dose.table.verified ? '' : ', factors not verified';
  if (dose.dailyMme === null) return `**This request:** no daily MME \u2014 ${escape(dose.missing ?? 'not enough in the item line')}.`;
  return `**This request: \u2248 ${dose.dailyMme} MME/day** (${escape(dose.arithmetic ?? '')}; ${escape(dose.table.title)}${unverified})`;
}

/** The agent's factor in each conversion table, labelled unverified as the data says. */
function morphineEquivalent(kb: KnowledgeBase, agent: string, note: string | undefined): string {
  const lines = kb.mme.tables.map((table) => {
    const entry = kb.mme.entry(agent, table);
    if (!entry) return `${escape(table.title)}: not listed, so no daily MME is computed with it`;
    const factor = entry.factor !== undefined ? `\u00d7${entry.factor}` : `\u00d7${entry.tiers!.map((tier) => tier.factor).join('/')} by daily dose`;
    return `${escape(table.title)}: ${factor} per ${entry.unit}${entry.note ? ` (${escape(entry.note)})` : ''}`;
  });
  const unverified = kb.mme.tables.some((table) => !table.verified) ? '\n\n_Conversion factors not verified against the published CDC tables._' : '';
  return `**Morphine equivalent**\n\n${lines.map((line) => `- ${line}`).join('\n')}${note ? `\n\n${escape(note)}` : ''}${unverified}`;
}

/** `dose`: the daily dose of the item whose title names the drug, when hovering there. */
export function renderDrug(kb: KnowledgeBase, drug: DrugEntry, asWritten?: string, dose?: OpioidDose | null): string {
  const parts: string[] = [];
  const title = asWritten && asWritten.toLowerCase() !== drug.generic.toLowerCase() ? `**${escape(asWritten)}** = ${escape(drug.generic)}` : `**${escape(drug.generic)}**`;
  parts.push(title);
  if (dose) parts.push(doseLine(dose));
  parts.push(`Class: ${escape(drug.classes.join(', '))}`);
  if (drug.brands.length) parts.push(`Brands: ${escape(drug.brands.join(', '))}`);
  if (drug.mmeAgent !== undefined) parts.push(morphineEquivalent(kb, drug.mmeAgent, drug.mmeNote));
  const components = (drug.components ?? []).map((id) => kb.drug(id)?.generic).filter(Boolean);
  if (components.length) parts.push(`Contains: ${escape(components.join(', '))}`);
  if (drug.notes) parts.push(escape(drug.notes));
  if (drug.verified === false) parts.push('_\u26a0 Not verified: the names, ingredients and class have not been checked against a label._');
  if (drug.sourceRef) parts.push(`_Source: ${escape(drug.sourceRef)}_`);
  const sections = drug.sections.map((id) => kb.section(id)).filter((s): s is SectionEntry => s !== undefined);
  if (sections.length) {
    parts.push(`**Governing sections**\n\n${sections.map((s) => {
      const guideline = kb.guideline(s.guideline);
      const pages = s.pages.length === 2 ? ` ${pageRef(s.pages)}${s.verified ? '' : ' \u26a0'}` : '';
      return `- ${escape(s.title)}${guideline ? ` \u2014 ${escape(guidelineLabel(guideline))}` : ''}${pages}`;
    }).join('\n')}`);
    if (sections.some((s) => s.pages.length === 2 && !s.verified)) parts.push(`_\u26a0 page not verified against the DWC PDF._`);
  }
  return parts.join('\n\n');
}

export function renderTerm(term: TermEntry): string {
  const parts = [`**${escape(term.term)}** \u00b7 ${escape(term.citation)}`, escape(term.summary)];
  if (term.details.length) parts.push(bullets(term.details));
  if (!term.verified) parts.push('_\u26a0 Not fully verified against the source text._');
  parts.push(`_Source: ${escape(term.sourceRef)}_`);
  return parts.join('\n\n');
}

export function renderOdgChapter(kb: KnowledgeBase, chapter: OdgChapter): string {
  const odg = kb.guideline('odg');
  const parts = [`**ODG: ${escape(chapter.title)}**`, 'Official Disability Guidelines \u00b7 Non-MTUS source', escape(chapter.summary)];
  if (odg) parts.push(escape(odg.summary));
  return parts.join('\n\n');
}

/** The full entry for a reference, for a read-only definition document; null for an unknown id. */
export function renderKnowledgeEntry(kb: KnowledgeBase, ref: KnowledgeRef): string | null {
  switch (ref.kind) {
    case 'guideline': {
      const guideline = kb.guideline(ref.id);
      if (!guideline) return null;
      const sections = kb.sectionsOf(guideline.id);
      const list = sections.length
        ? `\n\n**Sections**\n\n${sections.map((s) => `- ${escape(s.title)}${s.pages.length === 2 ? ` (${pageRef(s.pages)}${s.verified ? '' : ' \u26a0'})` : ''}`).join('\n')}`
        : '';
      return renderGuideline(kb, guideline) + list;
    }
    case 'section': {
      const section = kb.section(ref.id);
      return section ? renderSection(kb, section) : null;
    }
    case 'drug': {
      const drug = kb.drug(ref.id);
      return drug ? renderDrug(kb, drug) : null;
    }
    case 'term': {
      const term = kb.term(ref.id);
      return term ? renderTerm(term) : null;
    }
    case 'odg': {
      const chapter = kb.odgChapter(ref.id);
      return chapter ? renderOdgChapter(kb, chapter) : null;
    }
  }
}
