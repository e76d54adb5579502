import type { Item, Letter, Span } from '../letter/model';
import { findNegationScopes, NegationIndex, type NegationScope } from './negation';
import { sentenceAt, splitSentences, type Sentence } from './sentences';
import { tokenize, type Token } from './tokens';

/**
 * Tokens, sentences and negation scopes of one passage of a letter, computed
 * once per letter and shared by every rule, so that no rule re-scans the text.
 */
export interface PassageAnalysis {
  readonly span: Span;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  /** Computed on first use. */
  readonly negations: readonly NegationScope[];
  isNegated(target: Span): boolean;
  sentenceAt(offset: number): Sentence | undefined;
  /** Computes a value about this passage once (per key) and returns the cached value afterwards. */
  memo<T>(key: object | string, compute: () => T): T;
}

const EMPTY_SPAN: Span = { start: 0, end: 0 };
const cache = new WeakMap<Letter, Map<string, PassageAnalysis>>();

export function analyzePassage(letter: Letter, span: Span): PassageAnalysis {
  let perLetter = cache.get(letter);
  if (!perLetter) {
    perLetter = new Map();
    cache.set(letter, perLetter);
  }
  const key = `${span.start}:${span.end}`;
  let analysis = perLetter.get(key);
  if (!analysis) {
    analysis = createAnalysis(letter.text, span);
    perLetter.set(key, analysis);
  }
  return analysis;
}

function createAnalysis(text: string, span: Span): PassageAnalysis {
  const tokens = tokenize(text, span);
  const sentences = splitSentences(tokens, text);
  // Negation is worked out per sentence, and only for sentences a rule asks about.
  const bySentence = new Map<Sentence, NegationIndex>();
  const negationsIn = (sentence: Sentence) => {
    let index = bySentence.get(sentence);
    if (!index) {
      index = new NegationIndex(findNegationScopes(tokens, [sentence]));
      bySentence.set(sentence, index);
    }
    return index;
  };
  let all: NegationScope[] | null = null;
  let memos: Map<object | string, unknown> | null = null;
  return {
    span,
    tokens,
    sentences,
    get negations() {
      return (all ??= findNegationScopes(tokens, sentences));
    },
    isNegated(target) {
      const sentence = sentenceAt(sentences, target.start);
      return sentence !== undefined && negationsIn(sentence).at(target.start) !== null;
    },
    sentenceAt: (offset) => sentenceAt(sentences, offset),
    memo<T>(key: object | string, compute: () => T): T {
      memos ??= new Map();
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
  };
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
