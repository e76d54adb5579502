import { opioidDose, type OpioidDose } from './opioid-dose';
import { therapyVisits, type TherapyVisits } from './therapy-visits';
import type { KnowledgeBase, ResolvedCitation } from '../knowledge/knowledge-base';
import type { DrugLookup } from '../knowledge/drug-lookup';
import type { VisitCap } from '../knowledge/types';
import { findDates, findDatesWithin, letterDateToIso, type FoundDate } from '../language/dates';
import { tokensBefore } from '../language/tokens';
import { headerDate, headerYearPivot } from '../letter/header';
import type { HeaderKey, Item, Letter } from '../letter/model';
import type { Span } from '../text/span';
import { readConclusion, type Conclusion } from './conclusion';
import { computeItemFacts, POSTSURGICAL_TITLE_CUES, type ItemFacts } from './item-facts';
import { Passage, type PassageAnalysis, type Passages } from './passages';

const EMPTY_SPAN: Span = { start: 0, end: 0 };

/**
 * What the rules know about one letter, built once per analysis and handed to
 * every rule on its context: tokens, sentences and negation of each passage,
 * each item's facts, and the citations resolved against the knowledge base.
 * Everything is computed on first use and kept for the rules that ask next.
 */
export class LetterFacts implements Passages {
  readonly drugs: DrugLookup;
  /**
   * By start offset, then end: small-integer keys, which a map hashes fastest (one number for
   * both would leave the small-integer range in letters over about 46 KB), and no string to build.
   */
  private readonly passagesByStart = new Map<number, PassageAnalysis[]>();
  /** By end offset, the passage that starts earliest: a longer passage ending there tokenizes only what comes before it. */
  private readonly longestByEnd = new Map<number, PassageAnalysis>();
  private readonly items: (ItemFacts | undefined)[];
  private readonly conclusions: (Conclusion | undefined)[];
  private readonly doses: (OpioidDose | null | undefined)[];
  private readonly visits: (TherapyVisits | null | undefined)[];
  /** Per item: the visit cap once asked (null when none applies). */
  private readonly caps: (VisitCap | null | undefined)[];
  private summaryPassage: PassageAnalysis | null = null;
  private citations: readonly (readonly ResolvedCitation[])[] | null = null;
  private letterDates: readonly FoundDate[] | null = null;
  private pivot: number | undefined = undefined;

  constructor(
    readonly letter: Letter,
    readonly knowledge: KnowledgeBase,
  ) {
    this.drugs = knowledge.drugLookup;
    this.items = new Array(letter.items.length);
    this.conclusions = new Array(letter.items.length);
    this.doses = new Array(letter.items.length);
    this.visits = new Array(letter.items.length);
    this.caps = new Array(letter.items.length);
  }

  /** Tokens, sentences and negation scopes of `span` of the letter. */
  passage(span: Span): PassageAnalysis {
    let starting = this.passagesByStart.get(span.start);
    let analysis: PassageAnalysis | undefined;
    if (starting) for (let index = 0; index < starting.length && !analysis; index++) if (starting[index]!.span.end === span.end) analysis = starting[index];
    if (!analysis) {
      // A rationale's end is read first, for its conclusion; the whole rationale reuses its tokens.
      const text = this.letter.text;
      const suffix = this.longestByEnd.get(span.end);
      const tokens = suffix && suffix.span.start > span.start ? tokensBefore(text, span.start, suffix.span.start, suffix.tokens) : undefined;
      analysis = new Passage(text, span, tokens);
      if (starting) starting.push(analysis);
      else this.passagesByStart.set(span.start, (starting = [analysis]));
      if (!suffix || span.start < suffix.span.start) this.longestByEnd.set(span.end, analysis);
    }
    return analysis;
  }

  /** The body of the CLINICAL CASE SUMMARY, or an empty passage when the letter has none. */
  get summary(): PassageAnalysis {
    if (!this.summaryPassage) {
      const section = this.letter.sections.find((candidate) => candidate.kind === 'summary');
      this.summaryPassage = this.passage(section ? section.body : EMPTY_SPAN);
    }
    return this.summaryPassage;
  }

  /** The year up to which a two-digit year is read as 20xx: the decision date's (`headerYearPivot`). */
  get yearPivot(): number {
    return (this.pivot ??= headerYearPivot(this.letter.header));
  }

  /** A header field's value as a full, valid date, read with the letter's year pivot; null otherwise. */
  headerDate(key: HeaderKey): FoundDate | null {
    return headerDate(this.letter.header, key, this.yearPivot);
  }

  /** Every date of the letter, in order, read with the letter's year pivot. */
  get dates(): readonly FoundDate[] {
    return (this.letterDates ??= findDates(this.letter.text, undefined, this.yearPivot));
  }

  /** The dates within `span` of the letter, as `findDates` over `span` alone finds them. */
  datesWithin(span: Span): FoundDate[] {
    return findDatesWithin(this.letter.text, span, this.yearPivot, this.dates);
  }

  /** The rationale text of an item, or an empty passage at the item's end. */
  rationale(item: Item): PassageAnalysis {
    return this.passage(item.rationale ? item.rationale.textSpan : { start: item.span.end, end: item.span.end });
  }

  /** How the item's rationale concludes, and in which sentence. */
  conclusion(index: number): Conclusion {
    return (this.conclusions[index] ??= readConclusion(this, this.letter.items[index]));
  }

  /** What the documentation rules need to know about item `index`. */
  item(index: number): ItemFacts {
    return (this.items[index] ??= computeItemFacts(this, index));
  }

  /** Visits had and requested for item `index`, or null when it is not a course of therapy. */
  therapyVisits(index: number): TherapyVisits | null {
    let visits = this.visits[index];
    if (visits === undefined) {
      visits = this.letter.items[index].medication ? null : therapyVisits(this.item(index), this);
      this.visits[index] = visits;
    }
    return visits;
  }

  /**
   * The visit cap item `index`'s course of therapy is held to, or undefined when it is no course or
   * no cap applies: a post-surgical course (post-operative title, or a postsurgical guideline cited)
   * after a procedure the title or summary names takes that procedure's cap.
   */
  visitCap(index: number): VisitCap | undefined {
    let cap = this.caps[index];
    if (cap === undefined) {
      cap = this.computeVisitCap(index) ?? null;
      this.caps[index] = cap;
    }
    return cap ?? undefined;
  }

  private computeVisitCap(index: number): VisitCap | undefined {
    const visits = this.therapyVisits(index);
    if (!visits) return undefined;
    const cited = this.citedSectionIds(index);
    const title = this.item(index).title.tokens;
    const postsurgical =
      POSTSURGICAL_TITLE_CUES.occursIn(title) || cited.some((id) => this.knowledge.guideline(this.knowledge.section(id)?.guideline ?? '')?.series === 'postsurgical');
    const caps = this.knowledge.visitCaps;
    const procedures = postsurgical ? new Set([...caps.proceduresNamed(title), ...caps.proceduresNamed(this.summary.tokens)]) : new Set<string>();
    return caps.capFor(visits.therapy, cited, { postsurgical, procedures });
  }

  /** The daily morphine-equivalent dose of item `index`, or null when it names no opioid. */
  opioidDose(index: number): OpioidDose | null {
    let dose = this.doses[index];
    if (dose === undefined) {
      const item = this.letter.items[index];
      // Only a medication line can give a dose; the others need no drug lookup.
      dose = item.medication ? opioidDose(this.item(index), this.knowledge) : null;
      this.doses[index] = dose;
    }
    return dose;
  }

  /** The ids of the knowledge sections item `index` cites, as resolved. */
  citedSectionIds(index: number): readonly string[] {
    const ids: string[] = [];
    for (const citation of this.resolvedCitations[index]) for (const section of citation.sections) if (section.match) ids.push(section.match.section.id);
    return ids;
  }

  /**
   * Every item's citations resolved as of the letter's decision date, parallel to
   * `letter.items` and `item.citations`.
   */
  get resolvedCitations(): readonly (readonly ResolvedCitation[])[] {
    if (!this.citations) {
      const date = letterDateToIso(this.letter.header.decisionDate?.value);
      this.citations = this.letter.items.map((item) => item.citations.map((citation) => this.knowledge.resolveCitation(citation, { date })));
    }
    return this.citations;
  }
}
