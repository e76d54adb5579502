import { findNegationScopes, NegationIndex } from '../../server/src/language/negation';
import { splitSentences } from '../../server/src/language/sentences';
import { tokenList } from '../../server/src/language/tokens';
import type { Span } from '../../server/src/text/span';

/** Negation on a piece of text, the way a passage of a letter finds it: tokens, sentences, scopes. */
export function detectNegation(text: string, range: Span = { start: 0, end: text.length }, options?: Parameters<typeof findNegationScopes>[2]) {
  const tokens = tokenList(text, range);
  const sentences = splitSentences(tokens, text);
  const scopes = findNegationScopes(tokens, sentences, options);
  const index = new NegationIndex(scopes);
  return { tokens, sentences, scopes, isNegated: (target: Span) => index.at(target.start) !== null };
}
