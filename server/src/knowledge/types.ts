/** Shapes of the knowledge data files; the JSON schemas in ./schema are the contract. */

type GuidelineSource = 'MTUS' | 'ODG' | 'ACOEM' | 'other';
type PageConfidence = 'verified' | 'high' | 'medium' | 'low' | 'n/a';

export interface GuidelineEntry {
  readonly id: string;
  /** Editions of the same guideline share a series ("chronic-pain": 2009, 2016, ACOEM 2017). */
  readonly series: string;
  readonly source: GuidelineSource;
  readonly mtus: boolean;
  readonly title: string;
  readonly year: number | null;
  readonly edition: string;
  readonly chapter?: number;
  readonly aliases: readonly string[];
  readonly regulation?: string;
  /** ISO dates; `effectiveTo` is the last day the edition applied. */
  readonly effectiveFrom?: string;
  readonly effectiveTo?: string;
  readonly datesVerified: boolean;
  readonly supersededBy?: readonly string[];
  readonly citedBy: 'pages' | 'sections' | 'none';
  readonly pageCount?: number;
  readonly summary: string;
  readonly keyPoints?: readonly string[];
  readonly sourceRef: string;
  readonly notes?: string;
}

export interface SectionEntry {
  readonly id: string;
  readonly guideline: string;
  readonly title: string;
  readonly number?: string;
  readonly aliases: readonly string[];
  /** `[first, last]`, or empty when the guideline is not cited by page. */
  readonly pages: readonly number[];
  /** Other pages reviewers cite for this topic; a citation of one of them is not a wrong page. */
  readonly alsoCitedPages?: readonly number[];
  readonly pageConfidence: PageConfidence;
  /** True only when the pages were checked against the official text. */
  readonly verified: boolean;
  readonly summary: string;
  readonly keyCriteria: readonly string[];
  readonly parent?: string;
  readonly related?: readonly string[];
  readonly counterpart?: string;
  readonly sourceRef: string;
  readonly notes?: string;
}

export type DrugClass =
  | 'opioid' | 'opioid antagonist' | 'muscle relaxant' | 'antispasticity' | 'benzodiazepine' | 'anxiolytic'
  | 'antihistamine' | 'anti-epilepsy' | 'antidepressant' | 'sleep aid' | 'NSAID' | 'acetaminophen'
  | 'barbiturate-containing analgesic' | 'PPI' | 'H2 blocker' | 'GI protectant' | 'laxative' | 'antiemetic'
  | 'topical' | 'compounded' | 'local anesthetic' | 'salicylate' | 'corticosteroid' | 'supplement'
  | 'medical food' | 'stimulant' | 'PDE5 inhibitor' | 'hormone' | 'triptan' | 'injection' | 'other';

export interface DrugEntry {
  readonly id: string;
  readonly generic: string;
  readonly brands: readonly string[];
  readonly otherNames: readonly string[];
  /** Primary class first. */
  readonly classes: readonly DrugClass[];
  /** Governing section ids, most specific first. */
  readonly sections: readonly string[];
  readonly components?: readonly string[];
  /** The opioid whose morphine-equivalent factor applies, as the conversion tables name it (`mme.json`). */
  readonly mmeAgent?: string;
  readonly mmeNote?: string;
  readonly notes?: string;
  /** True only when checked against a label or the research notes; false is shown as not verified. Older entries have no flag. */
  readonly verified?: boolean;
  readonly sourceRef?: string;
}

export interface OdgChapter {
  readonly id: string;
  readonly title: string;
  readonly aliases: readonly string[];
  readonly summary: string;
}

export interface TermEntry {
  readonly id: string;
  readonly term: string;
  readonly citation: string;
  /** Phrases in a letter that bring up this entry on hover. */
  readonly phrases: readonly string[];
  readonly summary: string;
  readonly details: readonly string[];
  readonly sourceRef: string;
  readonly verified: boolean;
}

export type MmeUnit = 'mg' | 'mcg' | 'mcg/hr';

export interface MmeFactor {
  readonly agent: string;
  /** What the factor multiplies: a daily dose in mg or mcg, or a patch's mcg/hr. */
  readonly unit: MmeUnit;
  readonly factor?: number;
  /** For methadone in the CDC 2016 table: the factor by daily dose, in ascending order; the last has no bound. */
  readonly tiers?: readonly { readonly upToDailyDose?: number; readonly factor: number }[];
  readonly note?: string;
}

export interface MmeTable {
  readonly id: string;
  readonly title: string;
  readonly published?: string;
  readonly sourceRef: string;
  readonly verified: boolean;
  readonly factors: readonly MmeFactor[];
}

export interface MmeThreshold {
  readonly id: string;
  /** The guideline edition whose threshold this is; without it, the threshold that applies otherwise. */
  readonly guideline?: string;
  readonly dailyMme: number;
  readonly text: string;
  readonly section?: string;
  readonly page?: number;
  readonly sourceRef: string;
  readonly verified: boolean;
}

/** The conversion tables and thresholds (`mme.json`), versioned as a whole. */
export interface MmeData {
  readonly version: number;
  readonly defaultTable: string;
  readonly tables: readonly MmeTable[];
  readonly thresholds: readonly MmeThreshold[];
}

export interface VisitCap {
  readonly id: string;
  readonly therapies: readonly ('physical-therapy' | 'chiropractic' | 'acupuncture' | 'massage')[];
  /** The guideline sections whose citation makes this the cap; absent for a statute, which applies whatever is cited. */
  readonly sections?: readonly string[];
  /** The cap of a post-surgical course after one of these procedures, named in the letter; only for a post-surgical course. */
  readonly procedures?: readonly string[];
  /** True for a cap that does not count post-surgical physical medicine (the statutory 24 visits). */
  readonly notAfterSurgery?: boolean;
  readonly trial?: number;
  readonly visits: number;
  readonly text: string;
  readonly sourceRef: string;
  readonly verified: boolean;
}

/** Everything the knowledge base is built from; user files supply partial sets that add or override by id. */
export interface KnowledgeData {
  readonly guidelines: readonly GuidelineEntry[];
  readonly sections: readonly SectionEntry[];
  readonly drugs: readonly DrugEntry[];
  readonly odgChapters: readonly OdgChapter[];
  readonly terms: readonly TermEntry[];
}

/** Points at one entry, e.g. for a read-only "definition" document. */
export interface KnowledgeRef {
  readonly kind: 'guideline' | 'section' | 'drug' | 'term' | 'odg';
  readonly id: string;
}
