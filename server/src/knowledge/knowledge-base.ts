import type { Citation } from '../letter/model';
import type { Span } from '../text/span';
import { BoundedCache } from './bounded-cache';
import { similarityTo } from './fuzzy';
import { foldName, nameKeyVariants, primaryKey } from './normalise';
import { parsePageRange, rangesOverlap, type PageRange } from './pages';
import { PhraseMatcher } from '../language/phrase-matcher';
import { MmeConversions } from './mme';
import { VisitCaps } from './visit-caps';
import { BodyParts } from './body-parts';
import { CriteriaTable } from './criteria';
import { drugLookupOver, type DrugLookup, type DrugMention } from './drug-lookup';
import { tokenList } from '../language/tokens';
import type { DrugEntry, GuidelineEntry, KnowledgeData, OdgChapter, SectionEntry, TermEntry } from './types';

/** How a section name was recognised. */
type SectionMatchKind = 'exact' | 'normalised' | 'number' | 'other-edition' | 'mention';

interface SectionMatch {
  readonly section: SectionEntry;
  readonly kind: SectionMatchKind;
}

/** How the cited year relates to the chosen edition. */
type YearStatus = 'exact' | 'implied' | 'no-such-edition';

export interface GuidelineMatch {
  readonly guideline: GuidelineEntry;
  readonly yearStatus: YearStatus;
  /** Every edition the name could mean, oldest first. */
  readonly editions: readonly GuidelineEntry[];
}

interface GuidelineQuery {
  readonly year?: number | null;
  /** The citation gives page numbers, which only the page-cited editions have. */
  readonly hasPages?: boolean;
  /** ISO date the letter was decided, to pick the edition in force when no year is given. */
  readonly date?: string | null;
  readonly source?: Citation['source'];
}

interface Suggestion<T> {
  readonly entry: T;
  /** The spelling that matched best. */
  readonly name: string;
  readonly score: number;
}

interface TermMention {
  readonly term: TermEntry;
  readonly span: Span;
  readonly text: string;
}

interface GuidelineMention {
  /** Editions sharing the matched name, oldest first. */
  readonly editions: readonly GuidelineEntry[];
  readonly span: Span;
  /** A four-digit year written right after the name, if any. */
  readonly year: number | null;
}

export interface ResolvedSection {
  readonly name: string;
  readonly span: Span | null;
  readonly match: SectionMatch | null;
  /** For Non-MTUS ODG citations: the chapter the text names. */
  readonly odgChapter: OdgChapter | null;
}

interface ResolvedPage {
  readonly text: string;
  readonly span: Span | null;
  readonly range: PageRange | null;
}

export interface ResolvedCitation {
  readonly citation: Citation;
  readonly guideline: GuidelineMatch | null;
  readonly sections: readonly ResolvedSection[];
  readonly pages: readonly ResolvedPage[];
}

interface KeyedIndex<T> {
  /** key -> entry, or null when two entries share the key at the same rank (ambiguous). */
  readonly byKey: Map<string, { entry: T | null; rank: number; full: boolean }>;
}

function createIndex<T>(): KeyedIndex<T> {
  return { byKey: new Map() };
}

/** Ranks: a title beats an alias at the same variant, and any name as written beats a derived variant. */
function indexName<T>(index: KeyedIndex<T>, name: string, entry: T, isAlias: 0 | 1): void {
  const seen = new Set<string>();
  nameKeyVariants(name).forEach((key, i) => {
    if (!key || seen.has(key)) return;
    seen.add(key);
    const rank = i * 2 + isAlias;
    const existing = index.byKey.get(key);
    if (!existing || rank < existing.rank) index.byKey.set(key, { entry, rank, full: i === 0 });
    else if (rank === existing.rank && existing.entry !== entry) existing.entry = null;
  });
}

function lookupName<T>(index: KeyedIndex<T> | undefined, name: string): { entry: T; exact: boolean } | null {
  if (!index) return null;
  const keys = nameKeyVariants(name);
  for (let i = 0; i < keys.length; i++) {
    if (!keys[i]) continue;
    const hit = index.byKey.get(keys[i]);
    if (hit?.entry) return { entry: hit.entry, exact: i === 0 && hit.full };
  }
  return null;
}

const NUMBERED_HEADING = /^\s*(\d+(?:\.\d+)*)\.?\s/;

/**
 * The loaded knowledge: the entries plus the lookup tables built once at load time.
 * Every method is pure and cheap enough to call on each keystroke.
 */
export class KnowledgeBase {
  readonly guidelines: readonly GuidelineEntry[];
  readonly sections: readonly SectionEntry[];
  readonly drugs: readonly DrugEntry[];
  readonly odgChapters: readonly OdgChapter[];
  readonly terms: readonly TermEntry[];
  /** Morphine-equivalent conversion tables and dose thresholds (built-in, versioned data). */
  readonly mme = tables().mme;
  /** Caps on courses of therapy (built-in, versioned data). */
  readonly visitCaps = tables().visitCaps;
  /** Body parts and the chapters that cover them (built-in, versioned data). */
  readonly bodyParts = tables().bodyParts;
  /** What cited sections require, as criteria the facts answer (built-in, versioned data). */
  readonly criteria = tables().criteria;

  private readonly guidelineById = new Map<string, GuidelineEntry>();
  private readonly sectionById = new Map<string, SectionEntry>();
  private readonly drugById = new Map<string, DrugEntry>();
  private readonly termById = new Map<string, TermEntry>();
  private readonly odgById = new Map<string, OdgChapter>();
  private readonly guidelineIndex = createIndex<GuidelineEntry[]>();
  private readonly guidelineKeyGroups = new Map<string, GuidelineEntry[]>();
  private readonly guidelinePhrases = new PhraseMatcher<GuidelineEntry[]>([], NAMES);
  private readonly sectionsByGuideline = new Map<string, SectionEntry[]>();
  private readonly sectionIndexByGuideline = new Map<string, KeyedIndex<SectionEntry>>();
  private readonly sectionByNumber = new Map<string, Map<string, SectionEntry>>();
  private readonly editionsBySeries = new Map<string, GuidelineEntry[]>();
  private builtDrugLookup: DrugLookup | null = null;
  private readonly termPhrases = new PhraseMatcher<TermEntry>([], NAMES);
  private readonly odgPhrases = new PhraseMatcher<OdgChapter>([], NAMES);
  private readonly sectionPhrasesByGuideline = new Map<string, PhraseMatcher<SectionEntry>>();
  // Letters and keystrokes cite the same few guideline names over and over.
  private readonly editionsByName = new BoundedCache<string, readonly GuidelineEntry[] | null>(2048);
  // Every suggestion compares the query with each name of an edition; only the query is new.
  // Keyed by the knowledge's own titles and aliases, so it never outgrows the data.
  private readonly comparisonKeyByKnownName = new Map<string, string>();
  private readonly knownNameKey = (name: string): string => {
    let key = this.comparisonKeyByKnownName.get(name);
    if (key === undefined) {
      key = comparisonKey(name);
      this.comparisonKeyByKnownName.set(name, key);
    }
    return key;
  };

  constructor(data: KnowledgeData) {
    this.guidelines = data.guidelines;
    this.sections = data.sections;
    this.drugs = data.drugs;
    this.odgChapters = data.odgChapters;
    this.terms = data.terms;

    for (const guideline of data.guidelines) {
      this.guidelineById.set(guideline.id, guideline);
      const editions = this.editionsBySeries.get(guideline.series) ?? [];
      editions.push(guideline);
      this.editionsBySeries.set(guideline.series, editions);
      for (const name of [guideline.title, ...guideline.aliases]) {
        // Several editions share a name ("Chronic Pain Medical Treatment"): group them under one key.
        const key = primaryKey(name);
        if (!key) continue;
        const group = this.guidelineKeyGroups.get(key) ?? [];
        if (!group.includes(guideline)) group.push(guideline);
        this.guidelineKeyGroups.set(key, group);
        indexName(this.guidelineIndex, name, group, 0);
        this.guidelinePhrases.update(name, (editions = []) => (editions.includes(guideline) ? editions : [...editions, guideline]));
      }
    }
    for (const editions of this.editionsBySeries.values()) editions.sort(byYear);
    for (const group of this.guidelineKeyGroups.values()) group.sort(byYear);

    data.sections.forEach((section) => {
      this.sectionById.set(section.id, section);
      const list = this.sectionsByGuideline.get(section.guideline) ?? [];
      list.push(section);
      this.sectionsByGuideline.set(section.guideline, list);
      if (section.number) {
        const numbers = this.sectionByNumber.get(section.guideline) ?? new Map<string, SectionEntry>();
        numbers.set(section.number, section);
        this.sectionByNumber.set(section.guideline, numbers);
      }
    });

    for (const drug of data.drugs) {
      this.drugById.set(drug.id, drug);
    }
    for (const term of data.terms) {
      this.termById.set(term.id, term);
      for (const phrase of term.phrases) this.termPhrases.add(phrase, term);
    }
    for (const chapter of data.odgChapters) {
      this.odgById.set(chapter.id, chapter);
      for (const name of [chapter.title, ...chapter.aliases]) this.odgPhrases.add(name, chapter);
    }
  }

  guideline(id: string): GuidelineEntry | undefined {
    return this.guidelineById.get(id);
  }

  section(id: string): SectionEntry | undefined {
    return this.sectionById.get(id);
  }

  drug(id: string): DrugEntry | undefined {
    return this.drugById.get(id);
  }

  term(id: string): TermEntry | undefined {
    return this.termById.get(id);
  }

  odgChapter(id: string): OdgChapter | undefined {
    return this.odgById.get(id);
  }

  /** Sections of one guideline edition, in data order. */
  sectionsOf(guidelineId: string): readonly SectionEntry[] {
    return this.sectionsByGuideline.get(guidelineId) ?? [];
  }

  /** All editions in a series, oldest first. */
  editionsOf(series: string): readonly GuidelineEntry[] {
    return this.editionsBySeries.get(series) ?? [];
  }

  /** The edition of `guideline`'s series that applied on an ISO date, if the data says. */
  editionInForce(series: string, isoDate: string): GuidelineEntry | null {
    return this.editionsOf(series).find((g) => inForce(g, isoDate)) ?? null;
  }

  /**
   * A guideline by the name written in a citation ("Chronic Pain Medical Treatment", "Low Back
   * Complaints", "Official Disability Guidelines (ODG)", "UpToDate.com ..."), then the edition by
   * year, page style or date.
   */
  findGuideline(name: string, query: GuidelineQuery = {}): GuidelineMatch | null {
    // The source is one of a few fixed words without a colon, so the key cannot be ambiguous.
    const editions = this.editionsByName.get(`${query.source ?? ''}:${name}`, () => this.editionsNamed(name, query.source));
    if (!editions) return null;
    const year = query.year ?? null;
    if (year !== null) {
      const exact = editions.find((g) => g.year === year);
      if (exact) return { guideline: exact, yearStatus: 'exact', editions };
    }
    const byPages = query.hasPages ? editions.find((g) => g.citedBy === 'pages') : undefined;
    const byDate = query.date ? editions.find((g) => inForce(g, query.date!)) : undefined;
    const chosen = byPages ?? byDate ?? (year !== null ? nearestEarlier(editions, year) : editions[0]);
    const yearless = editions.every((g) => g.year === null);
    return { guideline: chosen, yearStatus: year === null || yearless ? 'implied' : 'no-such-edition', editions };
  }

  /** The editions a cited name can mean, narrowed to the citation's source; null when none. */
  private editionsNamed(name: string, source: GuidelineQuery['source']): readonly GuidelineEntry[] | null {
    let editions: readonly GuidelineEntry[] | null = null;
    for (const variant of nameVariants(name)) {
      editions = lookupName(this.guidelineIndex, variant)?.entry ?? null;
      if (editions) break;
    }
    if (!editions && source !== 'MTUS') {
      // Non-MTUS references are free text; a known source name anywhere in them counts.
      const mention = this.guidelinePhrases.findAll(tokenList(name)).find((m) => m.value.some((g) => !g.mtus));
      if (mention) editions = mention.value.filter((g) => !g.mtus);
    }
    if (!editions?.length) return null;
    if (source === 'ODG') editions = editions.filter((g) => g.source === 'ODG').length ? editions.filter((g) => g.source === 'ODG') : editions;
    if (source === 'MTUS') editions = editions.filter((g) => g.mtus).length ? editions.filter((g) => g.mtus) : editions;
    if (source === 'ACOEM' || source === 'other') {
      const nonMtus = editions.filter((g) => !g.mtus);
      if (nonMtus.length) editions = nonMtus;
    }
    return editions;
  }

  /** Guideline names mentioned in free text (a guideline line being typed), in order. */
  findGuidelineMentions(text: string, base = 0): GuidelineMention[] {
    return this.guidelinePhrases.findAll(tokenList(text)).map((match) => {
      const after = /^\s*(?:,\s*)?(\d{4})\b/.exec(text.slice(match.span.end, match.span.end + 12));
      return { editions: [...match.value].sort(byYear), span: offsetSpan(match.span, base), year: after ? Number(after[1]) : null };
    });
  }

  /**
   * The name index of one edition's sections, built when the edition is first looked in: most
   * runs cite a few editions of the sixteen, and building all of them was most of the cost of
   * loading the knowledge.
   */
  private sectionIndex(guidelineId: string): KeyedIndex<SectionEntry> | undefined {
    let index = this.sectionIndexByGuideline.get(guidelineId);
    if (!index) {
      const sections = this.sectionsByGuideline.get(guidelineId);
      if (!sections) return undefined;
      index = createIndex<SectionEntry>();
      for (const section of sections) {
        indexName(index, section.title, section, 0);
        // Numbered headings are also cited by their last part alone.
        if (section.number) indexName(index, section.title.slice(section.title.lastIndexOf(':') + 1), section, 1);
      }
      // Aliases after every title, so a title always beats someone else's alias.
      for (const section of sections) for (const alias of section.aliases) indexName(index, alias, section, 1);
      this.sectionIndexByGuideline.set(guidelineId, index);
    }
    return index;
  }

  /** The phrase matcher of one edition's section names, built on first use like `sectionIndex`. */
  private sectionPhrases(guidelineId: string): PhraseMatcher<SectionEntry> | undefined {
    let phrases = this.sectionPhrasesByGuideline.get(guidelineId);
    if (!phrases) {
      const sections = this.sectionsByGuideline.get(guidelineId);
      if (!sections) return undefined;
      phrases = new PhraseMatcher<SectionEntry>([], NAMES);
      for (const section of sections) for (const name of [section.title, ...section.aliases]) phrases.add(name, section);
      this.sectionPhrasesByGuideline.set(guidelineId, phrases);
    }
    return phrases;
  }

  /** A section by the name or heading number a citation uses, within one edition (then its sibling editions). */
  findSection(guidelineId: string, name: string): SectionMatch | null {
    const numbered = NUMBERED_HEADING.exec(name) ?? /^\s*(\d+(?:\.\d+)+)\s*$/.exec(name);
    if (numbered) {
      const section = this.sectionByNumber.get(guidelineId)?.get(numbered[1]);
      if (section) return { section, kind: 'number' };
    }
    const hit = lookupName(this.sectionIndex(guidelineId), name);
    if (hit) return { section: hit.entry, kind: hit.exact ? 'exact' : 'normalised' };
    const guideline = this.guideline(guidelineId);
    if (!guideline) return null;
    for (const sibling of this.editionsOf(guideline.series)) {
      if (sibling.id === guidelineId) continue;
      const other = lookupName(this.sectionIndex(sibling.id), name);
      if (other) return { section: other.entry, kind: 'other-edition' };
    }
    return null;
  }

  /**
   * For free-text Non-MTUS references ("Low back disorders, diagnostic ... MRI"): the first
   * section of the guideline named anywhere in the text.
   */
  findSectionMention(guidelineId: string, text: string): SectionMatch | null {
    const found = this.sectionPhrases(guidelineId)?.findFirst(tokenList(text));
    return found ? { section: found.value, kind: 'mention' } : null;
  }

  /** The sections of an edition that a page falls in, narrowest first. */
  sectionsAtPage(guidelineId: string, page: number): SectionEntry[] {
    return this.sectionsOf(guidelineId)
      .filter((s) => s.pages.length === 2 && s.pages[0] <= page && page <= s.pages[1])
      .sort((a, b) => a.pages[1] - a.pages[0] - (b.pages[1] - b.pages[0]));
  }

  /**
   * Whether a cited page range fits a section: it overlaps the section's pages, one of the
   * other pages reviewers cite for it, or the pages of its parent or related sections.
   */
  pageFitsSection(section: SectionEntry, range: PageRange): boolean {
    const candidates = [section, ...(section.parent ? [section.parent] : []), ...(section.related ?? [])]
      .map((s) => (typeof s === 'string' ? this.section(s) : s))
      .filter((s): s is SectionEntry => s !== undefined);
    for (const candidate of candidates) {
      if (candidate.pages.length === 2 && rangesOverlap(range, { from: candidate.pages[0], to: candidate.pages[1] })) return true;
      if (candidate.alsoCitedPages?.some((p) => range.from <= p && p <= range.to)) return true;
    }
    return false;
  }

  /** Closest section names in an edition, best first, for "did you mean". */
  suggestSections(guidelineId: string, name: string, limit = 3, minScore = 0.5): Suggestion<SectionEntry>[] {
    return bestBy(this.sectionsOf(guidelineId), (s) => [s.title, ...s.aliases], this.knownNameKey, name, limit, minScore);
  }

  /** Closest guideline names (MTUS first), for "did you mean". */
  suggestGuidelines(name: string, limit = 3, minScore = 0.5): Suggestion<GuidelineEntry>[] {
    const suggestions = bestBy(this.guidelines, (g) => [g.title, ...g.aliases], this.knownNameKey, name, limit * 3, minScore);
    const seen = new Set<string>();
    return suggestions.filter((s) => {
      const key = `${s.entry.title}|${s.entry.year}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }).slice(0, limit);
  }

  /** The ODG chapter a Non-MTUS citation names ("Low Back - Lumbar & Thoracic ... MRI" -> Low Back). */
  findOdgChapter(text: string): OdgChapter | null {
    return this.odgPhrases.findFirst(tokenList(text))?.value ?? null;
  }

  /** The drug names of this knowledge base's dictionary, as hover, completion and every rule find them. Built on first use. */
  get drugLookup(): DrugLookup {
    return (this.builtDrugLookup ??= drugLookupOver(this.drugs));
  }

  /** Every drug named in `text` (brand, generic or other name), left to right, with spans offset by `base`. */
  findDrugs(text: string, base = 0): DrugMention[] {
    const mentions = this.drugLookup.mentions(tokenList(text));
    return base === 0 ? mentions : mentions.map((mention) => ({ ...mention, span: offsetSpan(mention.span, base) }));
  }

  /** A drug by its whole name ("Zanaflex", "hydrocodone/APAP"). */
  findDrug(name: string): DrugEntry | null {
    return this.drugLookup.lookup(name)?.entry ?? null;
  }

  /** Names that start with `prefix` (case-insensitive), for completion. */
  drugNamesStartingWith(prefix: string, limit = 50): { name: string; drug: DrugEntry }[] {
    const folded = prefix.toLowerCase();
    const found: { name: string; drug: DrugEntry }[] = [];
    for (const drug of this.drugs) {
      for (const name of [...drug.brands, drug.generic]) {
        if (name.toLowerCase().startsWith(folded)) found.push({ name, drug });
      }
    }
    found.sort((a, b) => a.name.length - b.name.length || a.name.localeCompare(b.name));
    return found.slice(0, limit);
  }

  /** Regulatory terms mentioned in `text` ("functional improvement"). */
  findTerms(text: string, base = 0): TermMention[] {
    return this.termPhrases.findAll(tokenList(text)).map((m) => ({ term: m.value, span: offsetSpan(m.span, base), text: text.slice(m.span.start, m.span.end) }));
  }

  /** Ties a parsed citation to the knowledge: its guideline edition, each section and page. */
  resolveCitation(citation: Citation, options: { date?: string | null } = {}): ResolvedCitation {
    const pages: ResolvedPage[] = citation.pages.map((text, i) => ({ text, span: citation.pageSpans[i] ?? null, range: parsePageRange(text) }));
    if (citation.source === 'none') return { citation, guideline: null, sections: [], pages };
    const name = citation.guideline ?? (citation.source === 'ODG' ? 'ODG' : '');
    const guideline = name
      ? this.findGuideline(name, { year: citation.year, hasPages: citation.pages.length > 0, date: options.date, source: citation.source })
      : null;
    const sections: ResolvedSection[] = citation.sections.map((sectionName, i) => {
      const span = citation.sectionSpans[i] ?? null;
      if (!guideline) return { name: sectionName, span, match: null, odgChapter: null };
      const id = guideline.guideline.id;
      if (guideline.guideline.source === 'ODG') return { name: sectionName, span, match: null, odgChapter: this.findOdgChapter(sectionName) };
      const match = this.findSection(id, sectionName) ?? (guideline.guideline.mtus ? null : this.findSectionMention(id, sectionName));
      return { name: sectionName, span, match, odgChapter: null };
    });
    return { citation, guideline, sections, pages };
  }
}

/**
 * A cited guideline name as written, then without a year inside it ("Chronic Pain Medical
 * Treatment 2016 Guidelines") and without a publisher in front ("ACOEM Low Back Complaints").
 */
function nameVariants(name: string): string[] {
  const withoutYear = name.replace(/\b(?:19|20)\d{2}\b/g, ' ');
  const withoutPublisher = (text: string) => text.replace(/^\s*(?:ACOEM|MTUS)\s+/i, '');
  return [...new Set([name, withoutYear, withoutPublisher(name), withoutPublisher(withoutYear)])];
}

function offsetSpan(span: Span, base: number): Span {
  return base === 0 ? span : { start: span.start + base, end: span.end + base };
}

/** Guideline, section, term and chapter names are matched literally, punctuation ignored. */
const NAMES = { names: true } as const;

function inForce(guideline: GuidelineEntry, isoDate: string): boolean {
  if (guideline.effectiveFrom && isoDate < guideline.effectiveFrom) return false;
  if (guideline.effectiveTo && isoDate > guideline.effectiveTo) return false;
  return Boolean(guideline.effectiveFrom || guideline.effectiveTo);
}

function byYear(a: GuidelineEntry, b: GuidelineEntry): number {
  return (a.year ?? 0) - (b.year ?? 0);
}

function nearestEarlier(editions: readonly GuidelineEntry[], year: number): GuidelineEntry {
  let chosen = editions[0];
  for (const edition of editions) if (edition.year !== null && edition.year <= year) chosen = edition;
  return chosen;
}

/** The form names are compared in for suggestions. */
function comparisonKey(name: string): string {
  return primaryKey(name) || foldName(name);
}

function bestBy<T>(
  entries: readonly T[],
  names: (entry: T) => readonly string[],
  keyOf: (name: string) => string,
  query: string,
  limit: number,
  minScore: number,
): Suggestion<T>[] {
  const scoreAgainst = similarityTo(comparisonKey(query));
  const best = new Map<T, Suggestion<T>>();
  for (const entry of entries) {
    for (const name of names(entry)) {
      const score = scoreAgainst(keyOf(name));
      const current = best.get(entry);
      if (score >= minScore && (!current || score > current.score)) best.set(entry, { entry, name, score });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}

interface BuiltinTables {
  readonly mme: MmeConversions;
  readonly visitCaps: VisitCaps;
  readonly bodyParts: BodyParts;
  readonly criteria: CriteriaTable;
}

let builtinTables: BuiltinTables | null = null;

/** The versioned tables user files do not layer: the same for every knowledge base, so built once. */
function tables(): BuiltinTables {
  return (builtinTables ??= { mme: new MmeConversions(), visitCaps: new VisitCaps(), bodyParts: new BodyParts(), criteria: new CriteriaTable() });
}
