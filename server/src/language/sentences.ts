import type { Span } from '../letter/model';
import type { Token } from './tokens';

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

/**
 * Splits a token stream into sentences. A period ends a sentence unless it
 * belongs to an abbreviation or initials, or the next word starts in lower case
 * ("vs. placebo"). Numbers never contain sentence ends because the tokenizer
 * keeps decimal points inside them.
 */
export function splitSentences(tokens: readonly Token[], text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.kind !== 'punct') continue;
    if (token.norm !== '.' && token.norm !== '?' && token.norm !== '!') continue;
    if (token.norm === '.' && !periodEndsSentence(tokens, index, text)) continue;
    let last = index;
    while (last + 1 < tokens.length && CLOSERS.has(tokens[last + 1].norm) && !tokens[last + 1].spaceBefore) last++;
    sentences.push(makeSentence(tokens, first, last + 1));
    first = last + 1;
    index = last;
  }
  if (first < tokens.length) sentences.push(makeSentence(tokens, first, tokens.length));
  return sentences;
}

function makeSentence(tokens: readonly Token[], first: number, end: number): Sentence {
  return { span: { start: tokens[first].start, end: tokens[end - 1].end }, firstToken: first, endToken: end };
}

function periodEndsSentence(tokens: readonly Token[], index: number, text: string): boolean {
  // Look past closing quotes or brackets glued to the period: `therapy." The ODG ...`.
  let nextIndex = index + 1;
  while (nextIndex < tokens.length && CLOSERS.has(tokens[nextIndex].norm) && !tokens[nextIndex].spaceBefore) nextIndex++;
  const next = tokens[nextIndex];
  if (!next) return true;
  const previous = index > 0 ? tokens[index - 1] : undefined;
  if (previous && previous.kind === 'word') {
    if (NEVER_FINAL_ABBREVIATIONS.has(previous.norm)) return false;
    if (NUMBER_ABBREVIATIONS.has(previous.norm) && next.kind === 'number') return false;
    // Initials and dotted abbreviations: "C.C.R.", "e.g.", "J. Smith".
    if (previous.norm.length === 1) {
      const dotted = index >= 2 && tokens[index - 2].norm === '.' && !previous.spaceBefore;
      if (dotted || !next.spaceBefore || isUpper(text, previous.start)) return false;
    }
  }
  if (!next.spaceBefore) {
    // "medication.Physician": a missing space after a real word still ends the sentence.
    return Boolean(previous && previous.kind === 'word' && previous.norm.length >= 3 && next.kind === 'word' && isUpper(text, next.start) && next.norm.length >= 2);
  }
  if (startsLower(text, next)) return false;
  return true;
}

function isUpper(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return code >= 65 && code <= 90;
}

function startsLower(text: string, token: Token): boolean {
  const code = text.charCodeAt(token.start);
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
