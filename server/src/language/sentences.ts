import type { Span } from '../text/span';
import { vocabularyWordId, WordVerdicts, type TokenList } from './tokens';

export interface Sentence {
  readonly span: Span;
  /** Index of the sentence's first token. */
  readonly firstToken: number;
  /** Index one past the sentence's last token. */
  readonly endToken: number;
}

/** Words after which a period does not end a sentence. */
const NEVER_FINAL_ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'vs', 'approx', 'appt', 'dept', 'jr', 'sr', 'fig']);
/** Abbreviations that only continue the sentence when a number follows ("No. 3", "pg. 64"). */
const NUMBER_ABBREVIATIONS = new Set(['no', 'pg', 'pp', 'p', 'vol', 'ch', 'sec', 'ref']);
const CLOSERS = new Set(['"', "'", ')', ']', '\u201d', '\u2019']);
const PERIOD = vocabularyWordId('.', 'punct');
const QUESTION_MARK = vocabularyWordId('?', 'punct');
const EXCLAMATION_MARK = vocabularyWordId('!', 'punct');
/** The marks that may end a sentence, looked for in one loop over the tokens rather than a call per token. */
const ENDS_SENTENCE = new WordVerdicts((tokens, index) => {
  const id = tokens.id(index);
  return id === PERIOD || id === QUESTION_MARK || id === EXCLAMATION_MARK;
});

/**
 * Splits a token stream into sentences. A period ends a sentence unless it
 * belongs to an abbreviation or initials, or the next word starts in lower case
 * ("vs. placebo"). Numbers never contain sentence ends because the tokenizer
 * keeps decimal points inside them.
 */
export function splitSentences(tokens: TokenList, text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  for (let index = tokens.firstYes(ENDS_SENTENCE, 0, tokens.length); index >= 0; index = tokens.firstYes(ENDS_SENTENCE, index + 1, tokens.length)) {
    const id = tokens.id(index);
    if (id === PERIOD && !periodEndsSentence(tokens, index, text)) continue;
    let last = index;
    while (last + 1 < tokens.length && isCloser(tokens, last + 1) && !tokens.spaceBefore(last + 1)) last++;
    sentences.push(makeSentence(tokens, first, last + 1));
    first = last + 1;
    index = last;
  }
  if (first < tokens.length) sentences.push(makeSentence(tokens, first, tokens.length));
  return sentences;
}

function isCloser(tokens: TokenList, index: number): boolean {
  return CLOSERS.has(tokens.norm(index));
}

function makeSentence(tokens: TokenList, first: number, end: number): Sentence {
  return { span: { start: tokens.start(first), end: tokens.end(end - 1) }, firstToken: first, endToken: end };
}

function periodEndsSentence(tokens: TokenList, index: number, text: string): boolean {
  // Look past closing quotes or brackets glued to the period: `therapy." The ODG ...`.
  let next = index + 1;
  while (next < tokens.length && isCloser(tokens, next) && !tokens.spaceBefore(next)) next++;
  if (next >= tokens.length) return true;
  const previous = index - 1;
  if (previous >= 0 && tokens.isWord(previous)) {
    const previousNorm = tokens.norm(previous);
    if (NEVER_FINAL_ABBREVIATIONS.has(previousNorm)) return false;
    if (NUMBER_ABBREVIATIONS.has(previousNorm) && tokens.isNumber(next)) return false;
    // Initials and dotted abbreviations: "C.C.R.", "e.g.", "J. Smith".
    if (previousNorm.length === 1) {
      const dotted = index >= 2 && tokens.id(index - 2) === PERIOD && !tokens.spaceBefore(previous);
      if (dotted || !tokens.spaceBefore(next) || isUpper(text, tokens.start(previous))) return false;
    }
  }
  if (!tokens.spaceBefore(next)) {
    // "medication.Physician": a missing space after a real word still ends the sentence.
    return previous >= 0 && tokens.isWord(previous) && tokens.norm(previous).length >= 3 && tokens.isWord(next) && isUpper(text, tokens.start(next)) && tokens.norm(next).length >= 2;
  }
  if (startsLower(text, tokens.start(next))) return false;
  return true;
}

function isUpper(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return code >= 65 && code <= 90;
}

function startsLower(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return code >= 97 && code <= 122;
}

/** The sentence containing `offset`, by binary search over sorted sentences. */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const sentence = sentences[mid];
    if (offset < sentence.span.start) high = mid - 1;
    else if (offset >= sentence.span.end) low = mid + 1;
    else return sentence;
  }
  return undefined;
}
