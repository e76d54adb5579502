import type { Span } from '../letter/model';

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  /** Lower-cased text; for words an internal apostrophe is kept ("adl's", "doesn't"). */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
  /** True when whitespace (or the start of the range) separates this token from the previous one. */
  readonly spaceBefore: boolean;
}

const enum CharClass {
  Space,
  Letter,
  Digit,
  Other,
}

function classify(code: number): CharClass {
  if (code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 160) return CharClass.Space;
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return CharClass.Letter;
  if (code >= 48 && code <= 57) return CharClass.Digit;
  // Accented letters from names or drug brands behave like letters.
  if (code >= 192 && code <= 591 && code !== 215 && code !== 247) return CharClass.Letter;
  return CharClass.Other;
}

const APOSTROPHES = new Set(["'", '\u2019']);

/**
 * Splits `text[range]` into words (letters and digits), numbers (digits with
 * internal decimal points, or a leading ".5") and single punctuation marks.
 * One pass, no regular expressions, so the cost is linear in the range.
 */
export function tokenize(text: string, range: Span = { start: 0, end: text.length }): Token[] {
  const tokens: Token[] = [];
  let index = range.start;
  const end = range.end;
  let sawSpace = true;
  while (index < end) {
    const cls = classify(text.charCodeAt(index));
    if (cls === CharClass.Space) {
      sawSpace = true;
      index++;
      continue;
    }
    const start = index;
    if (cls === CharClass.Letter || cls === CharClass.Digit || isLeadingDecimal(text, index, end)) {
      let hasLetter = cls === CharClass.Letter;
      let needsFolding = hasLetter && !isLowerAscii(text.charCodeAt(index));
      index++;
      while (index < end) {
        const code = text.charCodeAt(index);
        const next = classify(code);
        if (next === CharClass.Letter) {
          hasLetter = true;
          if (!needsFolding && !isLowerAscii(code)) needsFolding = true;
          index++;
        } else if (next === CharClass.Digit) {
          index++;
        } else if (text[index] === '.' && !hasLetter && index + 1 < end && classify(text.charCodeAt(index + 1)) === CharClass.Digit) {
          // A decimal point inside a number ("0.5", "111.2"), never a sentence end.
          index += 2;
        } else if (APOSTROPHES.has(text[index]) && hasLetter && index + 1 < end && classify(text.charCodeAt(index + 1)) === CharClass.Letter) {
          if (text[index] !== "'") needsFolding = true;
          index += 2;
        } else {
          break;
        }
      }
      // Most words are already lower case: one slice, no second string.
      const raw = text.slice(start, index);
      tokens.push({
        kind: hasLetter ? 'word' : 'number',
        norm: needsFolding ? raw.toLowerCase().replace(/\u2019/g, "'") : raw,
        start,
        end: index,
        spaceBefore: sawSpace,
      });
    } else {
      index++;
      tokens.push({ kind: 'punct', norm: text[start], start, end: index, spaceBefore: sawSpace });
    }
    sawSpace = false;
  }
  return tokens;
}

function isLowerAscii(code: number): boolean {
  return code >= 97 && code <= 122;
}

function isLeadingDecimal(text: string, index: number, end: number): boolean {
  if (text[index] !== '.' || index + 1 >= end) return false;
  if (classify(text.charCodeAt(index + 1)) !== CharClass.Digit) return false;
  return index === 0 || classify(text.charCodeAt(index - 1)) === CharClass.Space;
}

/** Index of the first token whose start is >= offset (binary search). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (tokens[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
