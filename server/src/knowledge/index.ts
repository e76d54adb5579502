import guidelinesFile from './data/guidelines.json';
import sectionsFile from './data/sections.json';
import drugsFile from './data/drugs.json';
import odgFile from './data/odg.json';
import termsFile from './data/terms.json';
import { KnowledgeBase } from './knowledge-base';
import type { DrugEntry, GuidelineEntry, KnowledgeData, OdgChapter, SectionEntry, TermEntry } from './types';

export { KnowledgeBase } from './knowledge-base';
export type { ResolvedCitation } from './knowledge-base';
export type * from './types';

/** The knowledge shipped with the extension, bundled from ./data (no file reads at run time). */
export const builtinKnowledgeData: KnowledgeData = {
  guidelines: guidelinesFile.guidelines as readonly GuidelineEntry[],
  sections: sectionsFile.sections as readonly SectionEntry[],
  drugs: drugsFile.drugs as readonly DrugEntry[],
  odgChapters: odgFile.chapters as readonly OdgChapter[],
  terms: termsFile.terms as readonly TermEntry[],
};

let builtin: KnowledgeBase | null = null;

/** The built-in knowledge base, built once and shared. */
export function loadKnowledge(): KnowledgeBase {
  builtin ??= new KnowledgeBase(builtinKnowledgeData);
  return builtin;
}

/**
 * Layers extra knowledge (for example an organisation's newer guideline data) over a base:
 * an entry with an existing id replaces it, a new id is added.
 */
export function mergeKnowledgeData(base: KnowledgeData, ...layers: readonly Partial<KnowledgeData>[]): KnowledgeData {
  const merge = <T extends { id: string }>(baseList: readonly T[], pick: (layer: Partial<KnowledgeData>) => readonly T[] | undefined): T[] => {
    const byId = new Map(baseList.map((entry) => [entry.id, entry] as const));
    for (const layer of layers) for (const entry of pick(layer) ?? []) byId.set(entry.id, entry);
    return [...byId.values()];
  };
  return {
    guidelines: merge(base.guidelines, (l) => l.guidelines),
    sections: merge(base.sections, (l) => l.sections),
    drugs: merge(base.drugs, (l) => l.drugs),
    odgChapters: merge(base.odgChapters, (l) => l.odgChapters),
    terms: merge(base.terms, (l) => l.terms),
  };
}

/** A knowledge base over custom data (built-in data merged with user files, or test data). */
export function buildKnowledge(data: KnowledgeData): KnowledgeBase {
  return new KnowledgeBase(data);
}
