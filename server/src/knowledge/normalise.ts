/**
 * Name normalisation shared by every lookup, so that "Muscle relaxants (for pain)",
 * "muscle relaxants", "Opioids, On-Going Management" and "Criteria for use of opioids"
 * land on the same keys as the spellings in the data.
 */

import { BoundedCache } from './bounded-cache';

const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'for', 'and', 'in', 'to', 'with', 'on', 'section', 'sections', 'chapter', 'guideline', 'guidelines', 'mtus']);

/** Lower case, accents and trade marks removed, "&" spelled out, hyphens inside words dropped, other punctuation as spaces. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u00ae\u2122\u00a9]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2019]/g, '')
    .replace(/([a-z0-9])[-\u2010\u2011](?=[a-z0-9])/g, '$1')
    // A word hyphenated at a line break and joined with a space: "electro- diagnostic".
    .replace(/([a-z])[-\u2010\u2011] (?=[a-z])/g, '$1')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Crude singular: enough to make "relaxants"/"relaxant", "studies"/"study", "ESIs"/"ESI" agree. */
function singular(token: string): string {
  if (token.length > 4 && token.endsWith('ies')) return token.slice(0, -3) + 'y';
  if (token.length > 3 && token.endsWith('s') && !/(ss|us|is)$/.test(token)) return token.slice(0, -1);
  return token;
}

function contentTokens(folded: string): string[] {
  return folded.split(' ').filter((t) => t && !FUNCTION_WORDS.has(t)).map(singular);
}

function withoutParentheses(text: string): string {
  // Single pass, no nesting: "(for pain)", "(ESIs)", "[otc]".
  return text.replace(/\([^()]*\)|\[[^\[\]]*\]/g, ' ');
}

type KeyVariants = readonly [string, string, string, string];

const keyVariantsByName = new BoundedCache<string, KeyVariants>(4096);

/**
 * Keys from most to least specific, in fixed positions: the name as written, without its
 * parenthesised parts, then the same two as sorted token sets (so word order does not matter).
 * Some may be repeated or empty.
 */
export function nameKeyVariants(name: string): KeyVariants {
  return keyVariantsByName.get(name, computeNameKeyVariants);
}

function computeNameKeyVariants(name: string): KeyVariants {
  const full = contentTokens(foldName(name));
  const stripped = contentTokens(foldName(withoutParentheses(name)));
  return [full.join(' '), stripped.join(' '), [...new Set(full)].sort().join(' '), [...new Set(stripped)].sort().join(' ')];
}

/** The single most specific key, for comparisons and fuzzy scores. */
export function primaryKey(name: string): string {
  return contentTokens(foldName(name)).join(' ');
}
