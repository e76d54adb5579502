import type { Letter } from '../letter/model';
import type { Span } from '../text/span';
import { allMatches, anchorStarts, matchesAt, type Anchor } from '../language/literal-anchors';
import type { Rule, RuleFinding } from './types';

/**
 * Published letters are redacted: no identifier of the worker, the providers
 * or the claim may remain. Each pattern is anchored on something distinctive
 * (a digit layout, "@", a street suffix, an honorific, a claim label) so plain
 * clinical prose does not trigger it.
 */
const SSN = /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g;
const LABELLED_SSN = /\b(?:SSN|SS#|[Ss]ocial [Ss]ecurity (?:[Nn]umber|[Nn]o\.?))[ \t]{0,3}[:#]?[ \t]{0,3}\d{9}\b/g;
const PHONE = /(?<![\d-])(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-. ]\d{4}(?![\d-])/g;
const STREET = /\b\d{1,6}[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z][A-Za-z]+[ \t]+){1,3}(?:(?:Street|Avenue|Boulevard|Road|Drive|Lane|Way|Court|Place|Parkway|Highway|Circle|Terrace|Suite)\b|(?:St|Ave|Blvd|Rd|Ln|Ct|Pl|Pkwy|Hwy|Cir|Ste)\b\.?)|\bP\.? ?O\.? Box[ \t]+\d+/g;
/** Street suffixes and "Box": the full address pattern is only tried in a short window before one of these. */
const STREET_ANCHOR = /\b(?:Street|Avenue|Boulevard|Road|Drive|Lane|Way|Court|Place|Parkway|Highway|Circle|Terrace|Suite|St|Ave|Blvd|Rd|Ln|Ct|Pl|Pkwy|Hwy|Cir|Ste|Box[ \t]+\d+)\b/g;
const STREET_WINDOW = 80;
const HONORIFIC_NAME = /\b(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+(?:[A-Z]\.[ \t]*)?[A-Z][a-z'-]+/y;
const CLAIM_NUMBER = /\b(?:[Cc]laim|CLAIM|[Pp]olicy|POLICY|WCAB|EAMS|[Cc]ase|CASE)(?:'s)?[ \t]+(?:[Nn]umber|NUMBER|[Nn]o\.?|NO\.?|#)[ \t]{0,3}[:#.]?[ \t]{0,3}([A-Za-z0-9][A-Za-z0-9-]{4,})|\bADJ\d{6,9}\b|\bCM\d{2}-\d{7}\b/g;

/*
 * HONORIFIC_NAME opens with a word boundary and an alternation, which the
 * regular-expression engine tries at every position of the letter; each match
 * starts with one of four literals with a capital first letter, which indexOf
 * skips to far faster, so the sticky pattern is only tried there. The other
 * patterns either scan fast already (a fixed "-" or digit layout) or have no
 * such literal ("case no", "social security" start with common letters).
 */
const HONORIFIC_ANCHORS: readonly Anchor[] = [['Mr', 0], ['Ms', 0], ['Miss', 0], ['Dr', 0]];

/** Words that look like a name after "Dr." in a sentence but are not one. */
const NOT_NAMES = new Set(['Reviewer', 'Expert', 'The', 'A', 'An', 'And', 'Or', 'Of']);

export const phi: Rule = {
  id: 'phi',
  defaultSeverity: 'warning',
  description:
    'Published letters are redacted: no social security numbers, phone numbers, email addresses, street addresses, names after Mr./Mrs./Ms./Dr. or claim numbers other than the case number.',
  check(letter) {
    const findings: RuleFinding[] = [];
    const text = letter.text;
    const report = (span: Span, what: string) =>
      findings.push({ message: `Possible identifier left in a letter that will be published: ${what}. Redact it.`, span });
    for (const match of allMatches(text, SSN)) report(spanOf(match), 'a social security number');
    for (const match of allMatches(text, LABELLED_SSN)) report(spanOf(match), 'a social security number');
    for (const match of allMatches(text, PHONE)) report(spanOf(match), 'a phone number');
    for (const span of emailSpans(text)) report(span, 'an email address');
    for (const span of streetSpans(text)) report(span, 'a street address');
    const credentials = credentialSpans(letter);
    for (const match of matchesAt(text, HONORIFIC_NAME, anchorStarts(text, HONORIFIC_ANCHORS))) {
      const span = spanOf(match);
      const name = match[0].replace(/^\S+\s+/, '').replace(/^[A-Z]\.\s*/, '');
      if (NOT_NAMES.has(name)) continue;
      if (credentials.some((line) => line.start <= span.start && span.end <= line.end)) continue;
      report(span, 'a person\'s name');
    }
    const caseNumber = letter.header.caseNumber?.value.trim().toUpperCase();
    const caseSpans = [letter.header.caseNumber?.valueSpan, letter.header.caseNumber?.label].filter((span): span is Span => Boolean(span));
    for (const match of allMatches(text, CLAIM_NUMBER)) {
      const span = spanOf(match);
      const number = (match[1] ?? match[0]).toUpperCase();
      if (caseNumber && (number === caseNumber || match[0].toUpperCase().endsWith(caseNumber))) continue;
      if (caseSpans.some((caseSpan) => caseSpan.start <= span.start && span.start < caseSpan.end + 40)) continue;
      report(span, 'a claim number other than the case number');
    }
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};

/** Street addresses, found by looking back from each street suffix rather than from every number in the letter. */
function streetSpans(text: string): Span[] {
  const spans: Span[] = [];
  let searchedTo = 0;
  for (const anchor of allMatches(text, STREET_ANCHOR)) {
    const anchorEnd = anchor.index + anchor[0].length;
    const from = Math.max(searchedTo, anchor.index - STREET_WINDOW);
    const windowText = text.slice(from, Math.min(text.length, anchorEnd + 1));
    for (const match of allMatches(windowText, STREET)) {
      const span = { start: from + match.index, end: from + match.index + match[0].length };
      if (span.end >= anchorEnd) {
        spans.push(span);
        searchedTo = span.end;
      }
    }
  }
  return spans;
}

function spanOf(match: RegExpExecArray): Span {
  const start = match.index;
  return { start, end: start + match[0].length };
}

const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9.-]/;

/** Found from each "@" outwards, so the cost stays linear however long the surrounding words are. */
function emailSpans(text: string): Span[] {
  const spans: Span[] = [];
  let at = text.indexOf('@');
  while (at >= 0) {
    let start = at;
    while (start > 0 && at - start < 64 && EMAIL_LOCAL.test(text[start - 1])) start--;
    let end = at + 1;
    while (end < text.length && end - at < 255 && EMAIL_DOMAIN.test(text[end])) end++;
    while (end > at + 1 && text[end - 1] === '.') end--;
    const domain = text.slice(at + 1, end);
    if (start < at && /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(domain)) spans.push({ start, end });
    at = text.indexOf('@', end);
  }
  return spans;
}

/** The reviewer's credential lines name a specialty and states, which may legitimately follow "Dr.". */
function credentialSpans(letter: Letter): Span[] {
  const spans: Span[] = [];
  const credentials = letter.credentials;
  if (!credentials) return spans;
  for (const span of [credentials.licensureSpan, credentials.specialtySpan]) {
    if (!span) continue;
    const lineStart = letter.text.lastIndexOf('\n', span.start - 1) + 1;
    const lineEnd = letter.text.indexOf('\n', span.end);
    spans.push({ start: lineStart, end: lineEnd < 0 ? letter.text.length : lineEnd });
  }
  return spans;
}
