import type { Sentence } from '../language/sentences';
import type { Span } from '../text/span';
import { isDisclaimer } from './conclusion';
import { PhraseMatcher, phraseSet, type TermMatch } from '../language/phrase-matcher';
import type { TokenList } from '../language/tokens';

/**
 * Shared clinical vocabularies and sentence classifiers used by several
 * documentation rules. Phrases use the `PhraseMatcher` syntax (`word*` is a
 * prefix, `{num}` any number).
 */

/**
 * Words that address function in the sense of 8 CCR 9792.20: function itself,
 * activities of daily living, and work status or restrictions.
 */
const FUNCTION_PHRASES = [
  'function*',
  'adl', 'adls', "adl's", 'adl s',
  'activities of daily living', 'activity of daily living', 'daily activities', 'daily living', 'activities of daily life',
  'work status', 'work restriction*', 'work capacity', 'work duties', 'work ability',
  'return to work', 'returned to work', 'returning to work', 'returns to work', 'back to work',
  'modified duty', 'modified duties', 'modified work', 'light duty', 'full duty', 'regular duty', 'usual and customary',
  'working', 'off work', 'temporarily totally disabled', 'temporary total disability', 'total temporary disability', 'ttd',
  // Activity level, tolerances and named activities ("able to walk two blocks", "sitting tolerance").
  'activity level*', 'level of activity', 'activity tolerance', 'exercise tolerance', 'walking tolerance', 'sitting tolerance',
  'standing tolerance', 'tolerance for walking', 'tolerance for sitting', 'tolerance for standing', 'walking distance',
  'able to walk', 'able to sit', 'able to stand', 'able to lift', 'able to drive', 'able to sleep', 'able to perform',
  'ability to walk', 'ability to sit', 'ability to stand', 'ability to lift', 'ability to drive', 'ability to perform',
  'lifting', 'household chores', 'housework', 'self care', 'self-care',
];

/** Organ or nerve function is not functional status; these phrases are matched first so they hide "function". */
const ORGAN_FUNCTION_PHRASES = [
  'renal function', 'kidney function', 'liver function', 'hepatic function', 'pulmonary function', 'lung function',
  'cardiac function', 'heart function', 'thyroid function', 'bowel function', 'bladder function', 'sexual function',
  'erectile function', 'cognitive function', 'nerve function', 'neurologic function', 'neurological function',
  'motor function', 'sensory function', 'immune function', 'platelet function', 'gi function', 'gastrointestinal function',
  'organ function', 'respiratory function', 'vestibular function', 'hearing function', 'visual function',
];

export const FUNCTION_TERMS = new PhraseMatcher<'function' | 'organ'>([
  ...ORGAN_FUNCTION_PHRASES.map((phrase) => [phrase, 'organ' as const] as const),
  ...FUNCTION_PHRASES.map((phrase) => [phrase, 'function' as const] as const),
]);

/** Mentions of functional status (function, ADLs, work status) in `tokens[from..to)`. */
export function functionMentions(tokens: TokenList, from = 0, to = tokens.length): TermMatch<'function' | 'organ'>[] {
  return FUNCTION_TERMS.findAll(tokens, from, to).filter((match) => match.value === 'function');
}

/** `functionMentions` over a whole passage, found once. */
export function passageFunctionMentions(passage: { tokens: TokenList; memo<V>(key: string, compute: () => V): V }): readonly TermMatch<'function' | 'organ'>[] {
  return passage.memo('function-mentions', () => functionMentions(passage.tokens));
}


/** Words that turn a function mention into a claim of improvement. */
export const IMPROVEMENT_CUES = phraseSet([
  'improv*', 'increas*', 'gain*', 'benefit*', 'better', 'able to', 'return*', 'resum*', 'restor*', 'progress*', 'enhanc*',
  'working', 'help*', 'allow*', 'enabl*', 'maintain*',
]);

export type TherapyKind = 'physical-therapy' | 'chiropractic' | 'acupuncture' | 'massage';

export const THERAPY_TERMS = new PhraseMatcher<TherapyKind>([
  ['physical therapy', 'physical-therapy'],
  ['physical therapies', 'physical-therapy'],
  ['physiotherapy', 'physical-therapy'],
  ['physical medicine', 'physical-therapy'],
  ['pt', 'physical-therapy'],
  ['pt/ot', 'physical-therapy'],
  ['occupational therapy', 'physical-therapy'],
  ['hand therapy', 'physical-therapy'],
  ['therapeutic exercise', 'physical-therapy'],
  ['therapeutic exercises', 'physical-therapy'],
  ['aquatic therapy', 'physical-therapy'],
  ['manual therapy', 'chiropractic'],
  ['chiropractic', 'chiropractic'],
  ['chiropractor', 'chiropractic'],
  ['chiro', 'chiropractic'],
  ['chirophysio', 'chiropractic'],
  ['manipulation', 'chiropractic'],
  ['chiropractic manipulation', 'chiropractic'],
  ['acupuncture', 'acupuncture'],
  ['acupuncturist', 'acupuncture'],
  ['massage', 'massage'],
  ['massage therapy', 'massage'],
  ['massage therapist', 'massage'],
]);

/** Signals that a guideline, not the record of this worker, is being described. */
const GUIDELINE_CUES = phraseSet([
  'mtus', 'guideline*', 'acoem', 'odg', 'recommend*', 'criteria', 'criterion', 'should', 'may', 'can be', 'indicated for',
  'is indicated', 'are indicated', 'fda', 'studies', 'study', 'evidence based', 'per the', 'according to', 'is considered',
  'are considered', 'is supported', 'not supported', 'is an option', 'option for', 'patients', 'trial of', 'literature',
  // Requirements restated: "treatment would be assessed based upon documented functional improvement".
  'would be', 'must', 'require', 'requires', 'required', 'requirement*', 'based upon',
  // Findings of the literature: "has been shown to", "was associated with".
  'shown to', 'been shown', 'associated with', 'found to', 'was found', 'were found', 'demonstrated', 'trials', 'randomized',
]);

/** References to this case specific enough to outweigh any guideline wording. */
const CASE_CUE_PHRASES = [
  'in this case', 'this case', 'in this instance', 'the injured worker', 'this injured worker', 'injured worker', 'the iw', 'iw',
  "iw's", 'the claimant', 'this claimant', "claimant's", 'this patient', 'the applicant', "applicant's", 'the employee',
  "employee's", 'this worker', 'in this claimant',
];
const CASE_CUES = phraseSet(CASE_CUE_PHRASES);
/** Words about the record or a person that also occur in guideline text ("documentation of side effects", "if the patient ..."). */
const RECORD_CUE_PHRASES = [
  'the patient', "patient's", 'he', 'she', 'his', 'her', 'him', 'the worker', 'treating', 'requesting', 'documentation',
  'medical records', 'the records', 'progress note*', 'progress report*', 'submitted', 'the request', 'this request', 'requested',
  'this is a request', 'the current request',
  // "Patient has completed a trial of physical therapy": the record's patient without an article, in the
  // past. Guideline lists use the present ("Patient is non-adherent", "Patient has engaged in diversion").
  'patient has completed', 'patient has had', 'patient had', 'patient was', 'patient reported', 'patient underwent',
];
const RECORD_CUES = phraseSet(RECORD_CUE_PHRASES);
/** Guideline cues strong enough to mark a sentence they open, or a quotation, as guideline text. */
const LEADING_GUIDELINE_CUES = phraseSet(['mtus', 'guideline*', 'acoem', 'odg', 'state*', 'recommend*', 'according to', 'per']);
const QUOTES = new Set(['"', '\u201c', '\u201d']);
const LEAD_TOKENS = 6;

/**
 * True when a sentence describes what the guidelines say rather than what the
 * record shows ("The MTUS recommends muscle relaxants only short-term."). Such
 * sentences neither document nor fail to document anything about the worker.
 * A reference to this case ("in this case", "the claimant") always makes it a
 * statement about the record; words such as "the patient" or "documentation"
 * only do when the sentence does not open with, or quote, a guideline.
 */
export function isGuidelineStatement(tokens: TokenList, sentence: Sentence): boolean {
  let known = guidelineVerdicts.get(sentence);
  if (known === undefined) {
    known = judgeGuidelineStatement(tokens, sentence);
    guidelineVerdicts.set(sentence, known);
  }
  return known;
}

/** Sentence objects belong to one passage analysis, so the verdict can be kept on them. */
const guidelineVerdicts = new WeakMap<Sentence, boolean>();

function judgeGuidelineStatement(tokens: TokenList, sentence: Sentence): boolean {
  const { firstToken, endToken } = sentence;
  if (!GUIDELINE_CUES.occursIn(tokens, firstToken, endToken)) return false;
  if (CASE_CUES.occursIn(tokens, firstToken, endToken)) return false;
  if (LEADING_GUIDELINE_CUES.occursIn(tokens, firstToken, Math.min(endToken, firstToken + LEAD_TOKENS))) return true;
  if (!RECORD_CUES.occursIn(tokens, firstToken, endToken)) return true;
  let quoted = false;
  for (let index = firstToken; index < endToken && !quoted; index++) quoted = QUOTES.has(tokens.norm(index));
  return quoted && LEADING_GUIDELINE_CUES.occursIn(tokens, firstToken, endToken);
}

/** Words that tie a sentence to this worker's record, beyond the case and record cues above. */
const WORKER_CUE_PHRASES = [
  'reported', 'reports', 'reporting', 'noted', 'documented', 'documents', 'described', 'describes', 'underwent', 'records',
  'record', 'chart', 'history of', 'the provider', 'the physician', 'treating physician', 'primary treating', 'ptp',
  // What the record shows or lacks: "there is no evidence of ...", "there was a lack of a report on ...".
  'there is no', 'there was no', 'there are no', 'there were no', 'there is little', 'there was little', 'there is insufficient',
  'there was insufficient', 'there is limited', 'there was limited', 'there is a lack', 'there was a lack', 'there was',
  'there were', 'there has been', 'there have been', 'no documentation', 'not documented', 'lack of documentation',
  'available for review', 'provided for review', 'submitted for review',
  // A verdict on the request: "the use of Lorzone is not medically necessary at this point".
  'medically necessary', 'at this time', 'at this point', 'currently',
  // What appears from the record, and what happened: "there does not appear to be improvement",
  // "Neurontin has been used for a long time". Findings of studies are guideline cues instead.
  'appear*', 'seem*', 'has been', 'have been', 'had been', 'was', 'were',
];
/** Any case, record or worker cue, found in one scan of a sentence. */
const ANY_WORKER_CUE = phraseSet([...CASE_CUE_PHRASES, ...RECORD_CUE_PHRASES, ...WORKER_CUE_PHRASES]);

/**
 * What a sentence of a rationale or summary is, for every check that asks whether the letter
 * addresses something for this worker:
 * - `disclaimer`: the standard opioid disclaimer;
 * - `guideline`: what a guideline or the literature says, quoted or restated, or any general
 *   statement that does not refer to this worker or the record ("Active therapy requires an
 *   internal effort by the individual");
 * - `worker`: a statement about this worker, the record or the request.
 */
type SentenceKind = 'disclaimer' | 'guideline' | 'worker';

interface ClassifiedPassage {
  readonly tokens: TokenList;
  memo<V>(key: string, compute: () => V): V;
}

export function sentenceKind(passage: ClassifiedPassage, sentence: Sentence): SentenceKind {
  const kinds = passage.memo('sentence-kinds', () => new Map<Sentence, SentenceKind>());
  let kind = kinds.get(sentence);
  if (kind === undefined) {
    kind = judgeSentenceKind(passage.tokens, sentence);
    kinds.set(sentence, kind);
  }
  return kind;
}

/**
 * Whether any of `sentences` (in order, of `passage`) is about this worker. A sentence with no
 * case, record or worker cue can only be guideline text or the disclaimer, so only sentences that
 * hold a cue are classified, and the search stops at the first sentence about the worker (most
 * rationales have one early). No cue phrase holds a sentence-ending mark, so none crosses a
 * sentence's end.
 */
export function anyWorkerSentence(passage: ClassifiedPassage, sentences: readonly Sentence[]): boolean {
  const tokens = passage.tokens;
  return sentences.some((sentence) => hasWorkerCue(tokens, sentence) && sentenceKind(passage, sentence) === 'worker');
}

function hasWorkerCue(tokens: TokenList, { firstToken, endToken }: Sentence): boolean {
  return ANY_WORKER_CUE.occursIn(tokens, firstToken, endToken);
}

function judgeSentenceKind(tokens: TokenList, sentence: Sentence): SentenceKind {
  if (isDisclaimer(tokens, sentence)) return 'disclaimer';
  if (isGuidelineStatement(tokens, sentence)) return 'guideline';
  return hasWorkerCue(tokens, sentence) ? 'worker' : 'guideline';
}

type SentencedPassage = ClassifiedPassage & { sentenceAt(offset: number): Sentence | undefined };

/** The kind of the sentence holding `offset`, or undefined when no sentence holds it. */
export function sentenceKindAt(passage: SentencedPassage, offset: number): SentenceKind | undefined {
  const sentence = passage.sentenceAt(offset);
  return sentence === undefined ? undefined : sentenceKind(passage, sentence);
}

/**
 * Whether `matcher` matches inside a sentence about this worker (and, with `affirmed`, where no
 * negation scope covers the match): "his total daily dose is 180 MME", not the guideline's "the
 * daily dose should rarely exceed 120 mg".
 */
export function saysOfWorker(passage: SentencedPassage & { isNegated(target: Span): boolean }, matcher: PhraseMatcher<unknown>, affirmed = false): boolean {
  return matcher.findAll(passage.tokens).some((match) => sentenceKindAt(passage, match.span.start) === 'worker' && !(affirmed && passage.isNegated(match.span)));
}

/**
 * Whether the drug is for an acute flare or exacerbation (the situation in which the MTUS supports a
 * muscle relaxant, short term, for chronic pain) or in chronic daily use: a statement about this
 * worker either way addresses the question. Chronic spasm or pain alone says neither.
 */
export const ACUTE_OR_CHRONIC_USE = phraseSet([
  'exacerbat*', 'flare*', 'acute spasm*', 'acute muscle spasm*', 'acute pain', 'acute low back pain', 'acute back pain',
  'acute neck pain', 'acute phase', 'acute onset', 'acute injury', 'acute strain', 'acute sprain', 'acutely',
  ...['chronic', 'chronic daily', 'long term', 'daily', 'continuous', 'continued', 'prolonged', 'ongoing'].flatMap((word) => [`${word} use`, `${word} usage`]),
  'every day',
]);

/** Mentions of function in the passage's sentences about this worker. */
export function workerFunctionMentions(passage: SentencedPassage): readonly TermMatch<'function' | 'organ'>[] {
  return passage.memo('worker-function-mentions', () => passageFunctionMentions(passage).filter((mention) => sentenceKindAt(passage, mention.span.start) === 'worker'));
}
