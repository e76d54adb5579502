import { THERAPY_TERMS } from '../facts/clinical-terms';
import { drugMentionsIn } from '../facts/item-facts';
import type { PassageAnalysis } from '../facts/passages';
import { formatDate, type FoundDate } from '../language/dates';
import { PhraseMatcher, phraseSet } from '../language/phrase-matcher';
import type { Sentence } from '../language/sentences';
import type { TokenList } from '../language/tokens';
import type { HeaderKey, Letter } from '../letter/model';
import type { Span } from '../text/span';
import type { Rule, RuleContext, RuleFinding } from './types';
import { quoted } from '../text/quote';

/** Names of the utilization review decision the letter is about. */
const UR_WORDS: readonly string[] = [
  'utilization review', 'ur', 'prior review', 'previous review', 'original review', 'previously reviewed', 'prior determination',
  'previous determination', 'prior denial', 'previous denial', 'previously non certified', 'previously noncertified',
  'previously denied', 'previously modified',
];
/** What the review decided: a sentence about a review that certified something else is not about this denial. */
const DENIAL_CUES = phraseSet([
  'non certified', 'noncertified', 'non certify', 'not certified', 'non certification', 'noncertification', 'denied', 'denial',
  'deny', 'denies', 'modified', 'modify', 'partially', 'not approved', 'non approved', 'failed to approve', 'not medically necessary',
  'not recommended', 'previously reviewed', 'adverse',
]);
const INJURY_WORDS: readonly string[] = [
  'date of injury', 'date of industrial injury', 'doi', 'injured on', 'injury on', 'injury of', 'injuries on', 'injured at work on',
  'injured while working on', 'claim from',
];
const REQUEST_WORDS: readonly string[] = ['rfa', 'request for authorization', 'requests for authorization', 'request for authorisation'];
const REPORT_WORDS: readonly string[] = ['progress report', 'progress reports', 'progress note', 'progress notes', 'pr 2', 'pr2'];
/** Every cue, by the event it names, so that the summary is scanned once. */
const EVENT_CUES = new PhraseMatcher<Kind>(
  ([['injury', INJURY_WORDS], ['review', UR_WORDS], ['request', REQUEST_WORDS], ['report', REPORT_WORDS]] as const).flatMap(([kind, words]) => words.map((word) => [word, kind] as const)),
);
/** Words before a cue that make it another event than the one the header records ("a prior injury on", "a subsequent RFA"). */
const OTHER_EVENT = phraseSet([
  'prior', 'previous', 'earlier', 'another', 'second', 'separate', 'other', 'subsequent', 'later', 'new', 'updated', 'repeat',
  'follow up', 'additional',
]);
/** Words that may stand between a cue and its date ("date of injury of", "RFA dated", "utilization review (…)"). */
const LINKS = new Set(['on', 'of', 'dated', 'performed', 'written', 'signed', 'submitted', 'received', 'is', 'was', 'date', 'form', 'report', 'letter', 'determination', ':', '(', ',', 'the']);
const MAX_LINK = 4;
/** A date followed by these is the start of a range, not the date of one event. */
const RANGE = new Set(['to', 'through', 'thru', '-', 'until']);

type Kind = 'injury' | 'review' | 'request' | 'report';

interface LocatedDate {
  readonly date: FoundDate;
  /** The date's first token and one past its last. */
  readonly first: number;
  readonly end: number;
}

interface Mention {
  readonly kind: Kind;
  readonly date: FoundDate;
  readonly sentence: Sentence;
}

export const letterConsistency: Rule = {
  id: 'letter-consistency',
  defaultSeverity: 'warning',
  description:
    "The letter must not contradict itself: the case summary's date of injury and utilization review date must match the header, a request for authorization cannot postdate the review that decided it, no progress report can predate the injury, and a request the summary lists item by item must not leave out a decided item.",
  check(letter, context) {
    const summary = letter.sections.find((section) => section.kind === 'summary');
    if (!summary) return [];
    const injury = context.facts.headerDate('dateOfInjury');
    const review = context.facts.headerDate('urDenialDate');
    const application = context.facts.headerDate('applicationReceived');
    const passage = context.facts.summary;
    if (!injury && !review && !application) return itemsMissingFromRequest(letter, context, passage);
    const mentions = datedMentions(passage, context.facts.datesWithin(summary.body));
    const findings: RuleFinding[] = [];
    const of = (kind: Kind) => mentions.filter((mention) => mention.kind === kind);

    const injuries = of('injury');
    if (injury && injuries.length > 0 && !injuries.some((mention) => sameDay(mention.date, injury))) {
      findings.push(conflict(letter, injuries[0].date, 'dateOfInjury', `The case summary gives the date of injury as ${injuries[0].date.text}; the header says ${formatDate(injury)}.`));
    }
    const reviews = of('review');
    if (review && reviews.length > 0 && !reviews.some((mention) => sameDay(mention.date, review))) {
      findings.push(conflict(letter, reviews[0].date, 'urDenialDate', `The case summary dates the utilization review decision ${reviews[0].date.text}; the header's UR denial date is ${formatDate(review)}.`));
    }
    const decided = review ?? application;
    // A later request for something not in dispute ("On a December 1 RFA form, physical therapy was ordered") contradicts nothing.
    const heads = itemHeads(letter, context);
    const late = decided
      ? of('request').find((mention) => mention.date.day !== null && mention.date.key > decided.key && namesAnItem(passage, mention.sentence, heads))
      : undefined;
    if (decided && late) {
      const label = review ? 'UR denial date' : 'application received date';
      findings.push(conflict(letter, late.date, review ? 'urDenialDate' : 'applicationReceived', `The request for authorization is dated ${late.date.text}, after the ${label} (${formatDate(decided)}), so the review cannot have decided it.`));
    }
    for (const finding of itemsMissingFromRequest(letter, context, passage)) findings.push(finding);
    const early = injury ? of('report').find((mention) => mention.date.day !== null && mention.date.key < injury.key) : undefined;
    if (injury && early) {
      findings.push(conflict(letter, early.date, 'dateOfInjury', `A progress report dated ${early.date.text} is before the date of injury (${formatDate(injury)}).`));
    }
    return findings;
  },
};

/** Words after a request-for-authorization cue that open the list of what it asks for. */
const LIST_OPENERS = phraseSet([
  'for', 'requested', 'requesting', 'requests', 'included', 'includes', 'include', 'including', 'to include', 'listed', 'lists', 'asked for',
]);
/** The list is only pointed at ("the requests below", "the following"), not given. */
const POINTER_ONLY = phraseSet(['below', 'following', 'as follows', 'attached', 'above']);
/** Words of an item line that name no thing of their own: how much, how long, how often. */
const NOT_A_THING = new Set([
  'therapy', 'therapies', 'treatment', 'treatments', 'evaluation', 'consultation', 'consult', 'test', 'testing', 'study', 'studies', 'program',
  'unit', 'units', 'day', 'days', 'week', 'weeks', 'month', 'months', 'use', 'sessions', 'session', 'visits', 'visit', 'qty', 'quantity', 'purchase', 'rental', 'times', 'possible', 'associated', 'service', 'services']);
/** Names of one test or treatment written two ways: each is read as its first form. */
const SAME_THING = new PhraseMatcher<string>(
  (
    [
      ['mri', ['mri', 'mris', 'magnetic resonance imaging', 'magnetic resonance']],
      ['ct', ['ct', 'cat scan', 'computed tomography']],
      ['emg', ['emg', 'electromyography', 'electromyogram', 'electromyographic']],
      ['ncs', ['ncs', 'ncv', 'nerve conduction', 'nerve conduction study', 'nerve conduction studies', 'nerve conduction velocity']],
      ['ekg', ['ekg', 'ecg', 'electrocardiogram']],
      ['uds', ['uds', 'urine drug screen', 'urine drug screening', 'urine drug test', 'urine drug testing', 'urine toxicology', 'drug screen']],
      ['fce', ['fce', 'functional capacity evaluation']],
      ['tens', ['tens', 'transcutaneous electrical nerve stimulation', 'transcutaneous electrical nerve stimulator']],
      ['esi', ['esi', 'epidural steroid injection', 'epidural steroid injections', 'epidural injection', 'epidural']],
      ['x-ray', ['x ray', 'x rays', 'xray', 'xrays', 'radiograph', 'radiographs']],
      ['surgery', ['surgery', 'surgical', 'arthroscopy', 'arthroscopic', 'repair', 'decompression', 'fusion', 'replacement', 'release']],
    ] as const
  ).flatMap(([name, forms]) => forms.map((form) => [form, name] as const)),
);

/**
 * A request for authorization the case summary spells out ("... was submitted on 12/20/2016 for
 * right shoulder surgery, preoperative medical clearance, postoperative shoulder brace, and
 * postoperative physical therapy") that names other disputed items of the letter but not this one:
 * the letter decides something the summary says was not asked for. Only a list of two or more is
 * read, only when it names another item (so that it is this dispute's request), and an item is
 * found in it by any word naming a thing, its drug or its therapy, or another name of the same test.
 */
function itemsMissingFromRequest(letter: Letter, context: RuleContext, passage: PassageAnalysis): RuleFinding[] {
  if (letter.items.length < 2) return [];
  const tokens = passage.tokens;
  const lists: RequestList[] = [];
  let asked = '';
  for (const cue of EVENT_CUES.findAll(tokens)) {
    if (cue.value !== 'request' || OTHER_EVENT.occursIn(tokens, Math.max(0, cue.first - 3), cue.first)) continue;
    const sentence = passage.sentenceAt(cue.span.start);
    if (!sentence) continue;
    const opener = LIST_OPENERS.findFirst(tokens, cue.end, sentence.endToken);
    if (!opener || POINTER_ONLY.occursIn(tokens, opener.end, sentence.endToken)) continue;
    let parts = 1;
    for (let index = opener.end; index < sentence.endToken; index++) if (tokens.is(index, ',') || tokens.is(index, 'and')) parts++;
    if (parts < 2) continue;
    lists.push(readList(context, passage, opener.end, sentence.endToken, sentence.span));
    if (lists.length === 1) asked = passage.text.slice(tokens.start(opener.end), tokens.end(sentence.endToken - 1)).replace(/\s+/g, ' ').replace(/[.;:,]$/, '');
  }
  if (lists.length === 0) return [];
  const found = letter.items.map((_, index) => {
    const item = itemNames(context, index);
    return lists.some((list) => names(item, list));
  });
  if (!found.some(Boolean)) return [];
  return letter.items.flatMap((item, index) =>
    found[index]
      ? []
      : [
          {
            message: `The case summary's request for authorization asks for ${quoted(asked, 160)}${lists.length > 1 ? ' (and more, in another sentence)' : ''}, but not this disputed item, which the letter decides.`,
            span: item.titleSpan,
            itemIndex: index,
            related: lists.map((list) => ({ span: list.span, message: 'The request for authorization in the case summary.' })),
          },
        ],
  );
}


/** A list of what a request asks for, or an item's title, read for the ways it can name a thing; each read once. */
interface Naming {
  /** Words that may name a thing: for a title, not a body part, side, amount or a word such as "therapy". */
  readonly words: ReadonlySet<string>;
  /** Other names of the same test or treatment (`SAME_THING`). */
  readonly names: ReadonlySet<string>;
  readonly therapies: ReadonlySet<string>;
  /** Generic names of the drugs it names. */
  readonly generics: ReadonlySet<string>;
}

interface RequestList extends Naming {
  readonly span: Span;
}

function readList(context: RuleContext, passage: PassageAnalysis, first: number, end: number, span: Span): RequestList {
  const tokens = passage.tokens;
  const words = new Set<string>();
  for (let at = first; at < end; at++) if (tokens.isWord(at)) words.add(tokens.norm(at));
  const start = tokens.start(first);
  const stop = tokens.end(end - 1);
  return {
    span,
    words,
    names: new Set(SAME_THING.findAll(tokens, first, end).map((match) => match.value)),
    therapies: new Set(THERAPY_TERMS.findAll(tokens, first, end).map((match) => match.value)),
    generics: new Set(drugMentionsIn(passage, context.facts.drugs).filter((mention) => mention.span.start >= start && mention.span.end <= stop).map((mention) => mention.generic)),
  };
}

function itemNames(context: RuleContext, index: number): Naming {
  const facts = context.facts.item(index);
  const title = facts.title.tokens;
  // The title after a label of its own ("Associated surgical service: Cryotherapy unit").
  let from = 0;
  for (let at = 0; at < title.length; at++) if (title.is(at, ':') && at + 1 < title.length) from = at + 1;
  // Where on the body says nothing of what is asked for: an MRI and a brace of the lumbar spine are two requests.
  const bodyPart = new Set<number>();
  for (const part of context.knowledge.bodyParts.find(title, from)) for (let at = part.first; at < part.end; at++) bodyPart.add(at);
  const words = new Set<string>();
  for (let at = from; at < title.length; at++) {
    const word = title.norm(at);
    if (title.isWord(at) && word.length > 2 && !bodyPart.has(at) && !NOT_A_HEAD.has(word) && !NOT_A_THING.has(word)) words.add(word);
  }
  return {
    words,
    names: new Set(SAME_THING.findAll(title, from, title.length).map((match) => match.value)),
    therapies: new Set(facts.therapy ? [facts.therapy] : []),
    generics: facts.generics,
  };
}

/** Whether the list names the item: by a word naming a thing, another name of the same test, its therapy or its drug. */
function names(item: Naming, list: RequestList): boolean {
  const shares = (mine: ReadonlySet<string>, theirs: ReadonlySet<string>) => [...mine].some((value) => theirs.has(value));
  return shares(item.words, list.words) || shares(item.names, list.names) || shares(item.therapies, list.therapies) || shares(item.generics, list.generics);
}

/** Words of an item line that say where or how much, not what: they do not tell one item from another. */
const NOT_A_HEAD = new Set([
  'the', 'of', 'for', 'and', 'to', 'a', 'an', 'left', 'right', 'bilateral', 'initial', 'additional', 'continued', 'retrospective',
  'request', 'prospective', 'one', 'two', 'outpatient', 'urgent', 'with', 'without', 'x', 'times',
]);

/** The first word of each item line that names what is requested ("mri", "norco", "physical"). */
function itemHeads(letter: Letter, context: RuleContext): ReadonlySet<string> {
  const heads = new Set<string>();
  letter.items.forEach((_, index) => {
    const tokens = context.facts.item(index).title.tokens;
    for (let at = 0; at < tokens.length; at++) {
      if (tokens.isWord(at) && tokens.norm(at).length > 1 && !NOT_A_HEAD.has(tokens.norm(at))) {
        heads.add(tokens.norm(at));
        break;
      }
    }
  });
  return heads;
}

function namesAnItem(passage: PassageAnalysis, sentence: Sentence, heads: ReadonlySet<string>): boolean {
  for (let index = sentence.firstToken; index < sentence.endToken; index++) if (heads.has(passage.tokens.norm(index))) return true;
  return false;
}

function conflict(letter: Letter, date: FoundDate, key: HeaderKey, message: string): RuleFinding {
  const field = letter.header[key];
  return { message, span: date.span, related: field ? [{ span: field.valueSpan, message: 'The header.' }] : [] };
}

/** A month-year date agrees with any day of its month. */
function sameDay(date: FoundDate, header: FoundDate): boolean {
  if (date.day === null) return date.year === header.year && date.month === header.month;
  return date.key === header.key;
}

/**
 * The dates the summary attaches to the events the header records: the injury, the utilization
 * review's decision, the request for authorization and progress reports. A date belongs to a cue
 * when at most a few linking words stand between them ("date of injury of 5/15/11", "RFA dated
 * 12/16/2016", "On 12-02-2016, Utilization Review non-certified"). For the review, a sentence that
 * names it with one decision word and gives a single date dates it, wherever the date stands
 * ("On 10-20-2016, the request for … was non-certified by Utilization Review").
 */
function datedMentions(passage: PassageAnalysis, dates: readonly FoundDate[]): Mention[] {
  const tokens = passage.tokens;
  const located: LocatedDate[] = [];
  for (const date of dates) {
    if (date.valid) located.push({ date, first: tokens.indexAt(date.span.start), end: tokens.indexAt(date.span.end - 1) + 1 });
  }
  if (located.length === 0) return [];
  const mentions: Mention[] = [];
  // One pass for the cues of every kind.
  for (const cue of EVENT_CUES.findAll(tokens)) {
    const kind = cue.value;
    if (kind !== 'report' && OTHER_EVENT.occursIn(tokens, Math.max(0, cue.first - 3), cue.first)) continue;
    const sentence = passage.sentenceAt(cue.span.start);
    if (!sentence) continue;
    if (kind === 'review' && !DENIAL_CUES.occursIn(tokens, sentence.firstToken, sentence.endToken)) continue;
    const date = linkedDate(tokens, located, cue.first, cue.end, sentence) ?? (kind === 'review' ? onlyDate(located, sentence) : null);
    if (date && !startsRange(tokens, date)) mentions.push({ kind, date, sentence });
  }
  return mentions;
}

/** The date right after the cue, or right before it, with only linking words between. */
function linkedDate(tokens: TokenList, dates: readonly LocatedDate[], first: number, end: number, sentence: Sentence): FoundDate | null {
  for (const { date, first: dateFirst, end: dateEnd } of dates) {
    if (dateFirst < sentence.firstToken || dateEnd > sentence.endToken) continue;
    if (dateFirst >= end && onlyLinks(tokens, end, dateFirst)) return date;
    if (dateEnd <= first && onlyLinks(tokens, dateEnd, first)) return date;
  }
  return null;
}

function onlyLinks(tokens: TokenList, from: number, to: number): boolean {
  if (to - from > MAX_LINK) return false;
  for (let index = from; index < to; index++) if (!LINKS.has(tokens.norm(index)) && !tokens.is(index, ')')) return false;
  return true;
}

/** The sentence's one full date, or null when it has none or several. */
function onlyDate(dates: readonly LocatedDate[], sentence: Sentence): FoundDate | null {
  const inside = dates.filter(({ date, first, end }) => date.day !== null && first >= sentence.firstToken && end <= sentence.endToken);
  return inside.length === 1 ? inside[0].date : null;
}

function startsRange(tokens: TokenList, date: FoundDate): boolean {
  const after = tokens.indexAt(date.span.end);
  return after < tokens.length && RANGE.has(tokens.norm(after));
}
