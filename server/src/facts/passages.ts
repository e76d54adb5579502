import type { Item, Letter } from '../letter/model';
import type { Span } from '../text/span';
import { addSentenceScopes, findNegationScopes, NegationIndex, normaliseContractions, type NegationScope } from '../language/negation';
import { sentenceAt, splitSentences, type Sentence } from '../language/sentences';
import { tokenList, type TokenList } from '../language/tokens';

/**
 * Tokens, sentences and negation scopes of one passage of a letter, computed
 * once per letter and shared by every rule, so that no rule re-scans the text.
 */
export interface PassageAnalysis {
  readonly span: Span;
  readonly tokens: TokenList;
  readonly sentences: readonly Sentence[];
  /** Computed on first use. */
  readonly negations: readonly NegationScope[];
  isNegated(target: Span): boolean;
  /** Whether a negation scope covers `offset` (`isNegated` looks only at the start of its target). */
  isNegatedAt(offset: number): boolean;
  sentenceAt(offset: number): Sentence | undefined;
  /** Computes a value about this passage once (per key) and returns the cached value afterwards. */
  memo<T>(key: object | string, compute: () => T): T;
}

const EMPTY_SPAN: Span = { start: 0, end: 0 };
/** Per letter, passages by span as `start * (text length + 1) + end`: one number, no string key to build on every call. */
const cache = new WeakMap<Letter, Map<number, PassageAnalysis>>();

export function analyzePassage(letter: Letter, span: Span): PassageAnalysis {
  let passages = cache.get(letter);
  if (!passages) {
    passages = new Map();
    cache.set(letter, passages);
  }
  const key = span.start * (letter.text.length + 1) + span.end;
  let analysis = passages.get(key);
  if (!analysis) {
    analysis = new Passage(letter.text, span);
    passages.set(key, analysis);
  }
  return analysis;
}

class Passage implements PassageAnalysis {
  readonly tokens: TokenList;
  /** Split on first use: titles, for one, are mostly only scanned for words. */
  private sentenceList: readonly Sentence[] | null = null;
  private allNegations: NegationScope[] | null = null;
  /** Negation is worked out per sentence, and only for sentences a rule asks about. */
  private negationsBySentence: Map<Sentence, NegationIndex> | null = null;
  /** `tokens` with contractions read as "not", made once for all sentences. */
  private negationTokens: TokenList | null = null;
  private memos: Map<object | string, unknown> | null = null;

  constructor(
    private readonly text: string,
    readonly span: Span,
  ) {
    this.tokens = tokenList(text, span);
  }

  get sentences(): readonly Sentence[] {
    return (this.sentenceList ??= splitSentences(this.tokens, this.text));
  }

  get negations(): readonly NegationScope[] {
    return (this.allNegations ??= findNegationScopes(this.tokens, this.sentences));
  }

  isNegated(target: Span): boolean {
    return this.isNegatedAt(target.start);
  }

  isNegatedAt(offset: number): boolean {
    const sentence = sentenceAt(this.sentences, offset);
    return sentence !== undefined && this.negationsIn(sentence).at(offset) !== null;
  }

  private negationsIn(sentence: Sentence): NegationIndex {
    const bySentence = (this.negationsBySentence ??= new Map());
    let index = bySentence.get(sentence);
    if (!index) {
      const scopes: NegationScope[] = [];
      addSentenceScopes((this.negationTokens ??= normaliseContractions(this.tokens)), sentence, scopes);
      index = new NegationIndex(scopes);
      bySentence.set(sentence, index);
    }
    return index;
  }

  sentenceAt(offset: number): Sentence | undefined {
    return sentenceAt(this.sentences, offset);
  }

  memo<T>(key: object | string, compute: () => T): T {
    const memos = (this.memos ??= new Map());
    if (memos.has(key)) return memos.get(key) as T;
    const value = compute();
    memos.set(key, value);
    return value;
  }
}

/** The body of the CLINICAL CASE SUMMARY, or an empty passage when the letter has none. */
export function summaryPassage(letter: Letter): PassageAnalysis {
  const section = letter.sections.find((candidate) => candidate.kind === 'summary');
  return analyzePassage(letter, section ? section.body : EMPTY_SPAN);
}

/** The rationale text of an item, or an empty passage at the item's end. */
export function rationalePassage(letter: Letter, item: Item): PassageAnalysis {
  const span = item.rationale ? item.rationale.textSpan : { start: item.span.end, end: item.span.end };
  return analyzePassage(letter, span);
}

export function titlePassage(letter: Letter, item: Item): PassageAnalysis {
  return analyzePassage(letter, item.titleSpan);
}
