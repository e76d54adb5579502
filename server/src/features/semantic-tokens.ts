import type { DrugFamily } from '../knowledge/drug-lookup';
import type { KnowledgeBase } from '../knowledge';
import { findDates } from '../language/dates';
import { refillMentions } from '../language/doses';
import { tokenList } from '../language/tokens';
import { headerYearPivot } from '../letter/header';
import { quantitySpan } from '../letter/medication';
import type { Letter } from '../letter/model';
import type { Span } from '../text/span';

/** The kinds of word the editor colours by meaning, in the order of the legend the server announces. */
export const SEMANTIC_TOKEN_TYPES = ['decision', 'drug', 'section', 'date', 'quantity', 'refill'] as const;
/** A decision's polarity, and a drug's family, as modifiers (families in camel case, as VS Code names modifiers). */
export const SEMANTIC_TOKEN_MODIFIERS = [
  'upheld', 'overturned',
  'opioid', 'muscleRelaxant', 'benzodiazepine', 'antiEpileptic', 'nsaid', 'topical', 'antidepressant', 'gastroProtective', 'sedative', 'other',
] as const;

type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

interface SemanticToken {
  readonly span: Span;
  readonly type: SemanticTokenType;
  readonly modifiers: readonly SemanticTokenModifier[];
}

const FAMILY_MODIFIER: Record<DrugFamily, SemanticTokenModifier> = {
  opioid: 'opioid', 'muscle-relaxant': 'muscleRelaxant', benzodiazepine: 'benzodiazepine', 'anti-epileptic': 'antiEpileptic', nsaid: 'nsaid',
  topical: 'topical', antidepressant: 'antidepressant', 'gastro-protective': 'gastroProtective', sedative: 'sedative', other: 'other',
};

/**
 * What the editor colours by meaning, beyond the grammar: each item's decision (Upheld or
 * Overturned as a modifier), drug names anywhere in the letter (with their families as modifiers),
 * the cited section names, dates, and the quantity and refills of each item line. Sorted by
 * position, never overlapping; a token may span a line break (the host splits it).
 */
export function semanticTokens(letter: Letter, knowledge: KnowledgeBase): SemanticToken[] {
  const text = letter.text;
  const found: SemanticToken[] = [];
  for (const item of letter.items) {
    const decision = item.decision;
    if (decision) {
      const polarity = decision.decision === 'Upheld' ? ['upheld' as const] : decision.decision === 'Overturned' ? ['overturned' as const] : [];
      found.push({ span: decision.span, type: 'decision', modifiers: polarity });
    }
    const quantity = quantitySpan(text, item.titleSpan.start, item.titleSpan.end);
    if (quantity) found.push({ span: quantity, type: 'quantity', modifiers: [] });
    for (const refill of refillMentions(tokenList(text, item.titleSpan))) found.push({ span: refill.span, type: 'refill', modifiers: [] });
    for (const citation of item.citations) for (const span of citation.sectionSpans) found.push({ span, type: 'section', modifiers: [] });
  }
  for (const mention of knowledge.drugLookup.mentions(tokenList(text))) {
    found.push({ span: mention.span, type: 'drug', modifiers: [...new Set(mention.classes.map((family) => FAMILY_MODIFIER[family]))] });
  }
  for (const date of findDates(text, { start: 0, end: text.length }, headerYearPivot(letter.header))) {
    if (date.valid) found.push({ span: date.span, type: 'date', modifiers: [] });
  }
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  // The first (and longest) of overlapping tokens wins: a drug named inside a section name stays a section.
  const tokens: SemanticToken[] = [];
  for (const token of found) {
    if (token.span.end <= token.span.start) continue;
    const last = tokens.at(-1);
    if (last && token.span.start < last.span.end) continue;
    tokens.push(token);
  }
  return tokens;
}
