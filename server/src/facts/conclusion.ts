import { phraseSet } from '../language/phrase-matcher';
import type { Sentence } from '../language/sentences';
import type { TokenList } from '../language/tokens';
import { isSpaceLike, normalisedText } from '../letter/mapped-text';
import type { Item, RationaleConclusion } from '../letter/model';
import type { PassageAnalysis, Passages } from './passages';

/*
 * How a rationale concludes, read from its final sentences. The standard opioid disclaimer
 * ("This decision addresses the medical necessity of opioids…") ends many rationales and says
 * nothing about this item, so its sentences are skipped.
 */

/** The standard opioid disclaimer's sentences, which end many opioid rationales and say nothing about the item. */
const DISCLAIMER_CUES = phraseSet([
  'this decision addresses the medical necessity',
  'this medical necessity decision should not be interpreted',
  'should not be interpreted as a recommendation',
  'are advised to consult',
  'is advised to consult',
  'advised to consult the mtus',
  'advised to speak with',
  'regarding the most appropriate method for weaning',
]);

/** Whether a sentence belongs to the standard disclaimer. */
export function isDisclaimer(tokens: TokenList, sentence: Sentence): boolean {
  return DISCLAIMER_CUES.occursIn(tokens, sentence.firstToken, sentence.endToken);
}

const NEGATIVE = new RegExp(
  [
    '\\bnot\\s+(?:\\w+\\s+){0,2}(?:medically\\s+)?(?:necessary|reasonable|indicated|appropriate|warranted|supported|recommended|justified|certified|substantiated|established|approved|authorized|met)\\b',
    '\\b(?:non-?\\s?certified|noncertified|unnecessary|unwarranted|unsupported)\\b',
    '\\b(?:cannot|can\\s*not|could\\s+not|would\\s+not|does\\s+not|do\\s+not|did\\s+not)\\s+(?:\\w+\\s+){0,2}(?:be\\s+)?(?:recommended|supported|warranted|justified|established|certified|approved|support|recommend|meet|warrant|justify)\\b',
    '\\b(?:lack|absence)\\s+of\\s+(?:medical\\s+)?necessity\\b',
    '\\bno\\s+medical\\s+necessity\\b',
    '\\bnot\\s+(?:a\\s+)?medical\\s+necessity\\b',
    '\\bmedical\\s+necessity\\s+(?:\\w+\\s+){0,3}(?:(?:has|have)\\s+not\\s+been|(?:is|was)\\s+not)\\s+(?:established|met|demonstrated|substantiated|supported|shown)\\b',
    '\\b(?:is|are|was|were)\\s+(?:\\w+\\s+){0,2}not\\s+(?:been\\s+)?(?:met|established|demonstrated)\\b',
  ].join('|'),
  'i',
);

const POSITIVE =
  /\b(?:medically\s+(?:necessary|reasonable|appropriate|indicated)|(?:is|are|was|were|be)\s+(?:\w+\s+){0,2}(?:recommended|supported|warranted|indicated|appropriate|reasonable|certified|approved|justified|established|met)|(?:necessity|criteria)\s+(?:\w+\s+){0,3}(?:has|have)\s+been\s+(?:established|met|demonstrated))\b/i;

/** Up to this many sentences from the end are read before giving up. */
const SENTENCES_READ = 3;
/**
 * Only the rationale's end is split at first, and a longer end only when the search reaches the
 * first, possibly cut, sentence of a shorter one. In ../shared/corpus the concluding sentence
 * starts within the last 150 characters for 383 of 424 rationales, and within 400 for 410.
 * The ends are passages of the letter's facts: a rule that later reads the whole rationale
 * tokenizes only what comes before the longest end already read.
 */
const TAILS = [150, 400, 1200];

/** How a rationale concludes, and where. */
export interface Conclusion {
  readonly verdict: RationaleConclusion;
  /** True when the verdict is stated plainly ("is not medically necessary"), not inferred from other wording ("is not supported"). */
  readonly certain: boolean;
  /** The concluding sentence, in a passage that ends where the rationale ends; null when no sentence states a verdict. */
  readonly passage: PassageAnalysis | null;
  readonly sentence: Sentence | null;
}

const UNKNOWN: Conclusion = { verdict: 'unknown', certain: false, passage: null, sentence: null };

/**
 * The concluding sentence of an item's rationale and what it concludes: the last of up to three
 * final sentences, disclaimers skipped, that states a verdict.
 */
export function readConclusion(facts: Passages, item: Item): Conclusion {
  const rationale = item.rationale;
  if (!rationale) return UNKNOWN;
  const { start, end } = rationale.textSpan;
  const text = facts.letter.text;
  for (const tail of TAILS) {
    // An end is worth reading alone only when it spares at least half the rationale.
    if (end - start <= 2 * tail) break;
    const cut = wordStartFrom(text, end - tail, end);
    if (cut >= end) continue;
    const found = judgeFrom(text, facts.passage({ start: cut, end }), true);
    if (found) return found;
  }
  return judgeFrom(text, facts.rationale(item), false) ?? UNKNOWN;
}

/** The first offset at or after `from` where a word starts after whitespace; `end` when there is none. */
function wordStartFrom(text: string, from: number, end: number): number {
  let at = from;
  while (at < end && !isSpaceLike(text.charCodeAt(at))) at++;
  while (at < end && isSpaceLike(text.charCodeAt(at))) at++;
  return at;
}

/** Null when the search reaches the first sentence of a passage that was cut from a longer text. */
function judgeFrom(text: string, passage: PassageAnalysis, cut: boolean): Conclusion | null {
  const sentences = passage.sentences;
  let read = 0;
  for (let n = sentences.length - 1; n >= 0 && read < SENTENCES_READ; n--) {
    if (n === 0 && cut) return null;
    const sentence = sentences[n];
    if (isDisclaimer(passage.tokens, sentence)) continue;
    read++;
    // The verdict is read from the sentence normalised as the parser normalises the rationale.
    const verdict = judgeSentence(normalisedText(text, sentence.span.start, sentence.span.end));
    if (verdict.conclusion !== 'unknown') return { verdict: verdict.conclusion, certain: verdict.certain, passage, sentence };
  }
  return UNKNOWN;
}

const NECESSITY_PHRASE = /\bmedically\s+(?:necessary|reasonable|appropriate|indicated|warranted)\b/gi;
const NEGATOR = /\b(?:not|cannot|never|neither|nor|non|no longer)\b|n't\b/i;

/** "is not", "are", "was deemed": a plain copula right before the verdict phrase. */
const PLAIN_COPULA = /\b(?:is|are|was|were|be|been|remains?|deemed|considered)\s+(?:not\s+)?$/i;
/** Doubt before the verdict phrase ("it is unclear whether ... is medically necessary") makes it less than plain. */
const DOUBT = /\b(?:unclear|uncertain|whether|if|questionable|may|might|could)\b/i;

function judgeSentence(sentence: string): { conclusion: RationaleConclusion; certain: boolean } {
  // The verdict phrase itself decides when present: its own negation, not one elsewhere in the sentence.
  let last: RegExpExecArray | null = null;
  NECESSITY_PHRASE.lastIndex = 0;
  for (let match = NECESSITY_PHRASE.exec(sentence); match; match = NECESSITY_PHRASE.exec(sentence)) last = match;
  if (last) {
    // Only the few words just before the phrase, and not across a clause break.
    let before = sentence.slice(Math.max(0, last.index - 32), last.index);
    const clauseBreak = Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'));
    if (clauseBreak >= 0) before = before.slice(clauseBreak + 1);
    const conclusion = NEGATOR.test(before) ? 'not medically necessary' : 'medically necessary';
    // Certain only when the phrase follows a plain copula and no other negation precedes it.
    const copula = PLAIN_COPULA.exec(before);
    const certain = copula !== null && !NEGATOR.test(before.slice(0, copula.index)) && !DOUBT.test(sentence.slice(0, last.index));
    return { conclusion, certain };
  }
  if (NEGATIVE.test(sentence)) return { conclusion: 'not medically necessary', certain: false };
  if (POSITIVE.test(sentence)) return { conclusion: 'medically necessary', certain: false };
  return { conclusion: 'unknown', certain: false };
}
