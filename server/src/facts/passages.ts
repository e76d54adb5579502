import type { DrugLookup } from '../knowledge/drug-lookup';
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
  /** The letter's whole text, of which this passage is `span`. */
  readonly text: string;
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

/** Where item facts get their passages: the letter's facts object. */
export interface Passages {
  readonly letter: Letter;
  readonly drugs: DrugLookup;
  readonly summary: PassageAnalysis;
  passage(span: Span): PassageAnalysis;
  rationale(item: Item): PassageAnalysis;
}

export class Passage implements PassageAnalysis {
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
    readonly text: string,
    readonly span: Span,
    /** The span's tokens when they are known already. */
    tokens?: TokenList,
  ) {
    this.tokens = tokens ?? tokenList(text, span);
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
