import type { RationaleConclusion } from './model';

/**
 * Reads how a rationale concludes from its final sentences. The standard opioid disclaimer
 * ("This decision addresses the medical necessity of opioids…") ends many rationales and says
 * nothing about this item, so its sentences are skipped.
 */
export interface ConclusionResult {
  readonly conclusion: RationaleConclusion;
  /** Sentence range within the normalised rationale text, when a concluding sentence was found. */
  readonly from: number;
  readonly to: number;
}

const DISCLAIMER = [
  /\bThis decision addresses the medical necessity of opioids\b/i,
  /\bshould not be interpreted as a recommendation to stop\b/i,
  /\badvised to consult the MTUS Opioids? Treatment Guidelines\b/i,
  /\badvised to speak with (?:their|his|her) treating physician\b/i,
  /\bregarding the most appropriate method for weaning\b/i,
];

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

export function judgeConclusion(text: string): ConclusionResult {
  const sentences = splitSentences(text);
  let read = 0;
  for (let n = sentences.length - 1; n >= 0 && read < SENTENCES_READ; n--) {
    const [from, to] = sentences[n]!;
    const sentence = text.slice(from, to);
    if (DISCLAIMER.some((pattern) => pattern.test(sentence))) continue;
    read++;
    const verdict = judgeSentence(sentence);
    if (verdict !== 'unknown') return { conclusion: verdict, from, to };
  }
  return { conclusion: 'unknown', from: -1, to: -1 };
}

const NECESSITY_PHRASE = /\bmedically\s+(?:necessary|reasonable|appropriate|indicated|warranted)\b/gi;
const NEGATOR = /\b(?:not|cannot|never|neither|nor|non|no longer)\b|n't\b/i;

export function judgeSentence(sentence: string): RationaleConclusion {
  // The verdict phrase itself decides when present: its own negation, not one elsewhere in the sentence.
  let last: RegExpExecArray | null = null;
  NECESSITY_PHRASE.lastIndex = 0;
  for (let match = NECESSITY_PHRASE.exec(sentence); match; match = NECESSITY_PHRASE.exec(sentence)) last = match;
  if (last) {
    // Only the few words just before the phrase, and not across a clause break.
    let before = sentence.slice(Math.max(0, last.index - 32), last.index);
    const clauseBreak = Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'));
    if (clauseBreak >= 0) before = before.slice(clauseBreak + 1);
    return NEGATOR.test(before) ? 'not medically necessary' : 'medically necessary';
  }
  if (NEGATIVE.test(sentence)) return 'not medically necessary';
  if (POSITIVE.test(sentence)) return 'medically necessary';
  return 'unknown';
}

const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|No|Fig|al|approx|ed|pg|pp|p|St|Jr|Sr|U\.S|a\.m|p\.m|q|b\.i\.d|t\.i\.d)\.$/i;

/** Sentence ranges [from, to) in normalised text; a period ends a sentence when a space and a non-lowercase character follow. */
export function splitSentences(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  // The regex engine skips to each candidate mark much faster than a loop over every character.
  const marks = /[.!?]/g;
  for (let found = marks.exec(text); found; found = marks.exec(text)) {
    const at = found.index;
    const char = found[0];
    let end = at + 1;
    while (end < text.length && (text[end] === '"' || text[end] === "'" || text[end] === ')' || text[end] === '\u201d')) end++;
    if (end < text.length && text[end] !== ' ') continue;
    const next = text[end + 1];
    if (next !== undefined && next >= 'a' && next <= 'z') continue;
    if (char === '.' && ABBREVIATIONS.test(text.slice(Math.max(start, at - 8), at + 1))) continue;
    if (char === '.' && at > 0 && /\d/.test(text[at - 1]!) && next !== undefined && /\d/.test(next)) continue;
    ranges.push([start, end]);
    start = end + 1;
    marks.lastIndex = end + 1;
  }
  if (start < text.length) ranges.push([start, text.length]);
  return ranges.filter(([from, to]) => to > from);
}
