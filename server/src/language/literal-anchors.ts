/**
 * Whole-document regular-expression searches driven by literal anchors.
 *
 * A regular expression that starts with an alternation or a word boundary
 * makes the engine try every position of the text, while `indexOf` of a plain
 * literal skips through the text many times faster, provided the literal
 * starts with a rare character such as a capital letter (indexOf stops at
 * every occurrence of the first character). When every match of a pattern
 * must contain one of a few such literals at a known distance from its
 * start, those positions are the only places worth trying.
 */

/** A literal every match contains, `offset` code units after the match start. */
export type Anchor = readonly [literal: string, offset: number];

/** Candidate match starts: every `position of literal - offset`, in ascending order. */
export function anchorStarts(text: string, anchors: readonly Anchor[]): number[] {
  const starts: number[] = [];
  for (let anchor = 0; anchor < anchors.length; anchor++) {
    const [literal, offset] = anchors[anchor];
    for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
      if (at >= offset) starts.push(at - offset);
    }
  }
  return anchors.length > 1 ? starts.sort((a, b) => a - b) : starts;
}

/**
 * The matches `text.matchAll(pattern)` would return, tried only at `starts`:
 * left to right and without overlaps. `sticky` must be the global pattern
 * with the `y` flag instead of `g`, and `starts` must hold (at least) every
 * position where a match can begin, in ascending order.
 */
export function matchesAt(text: string, sticky: RegExp, starts: readonly number[]): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  let searchedTo = 0;
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index];
    if (start < searchedTo) continue;
    sticky.lastIndex = start;
    const match = sticky.exec(text);
    if (!match) continue;
    matches.push(match);
    searchedTo = start + Math.max(1, match[0].length);
  }
  return matches;
}

/**
 * The matches `text.matchAll(pattern)` returns, for a global pattern. matchAll
 * copies the pattern on every call, which costs microseconds (the engine sets
 * up each copy afresh); a scan per letter and rule does not need the copy.
 */
export function allMatches(text: string, pattern: RegExp): RegExpExecArray[] {
  // Without the global flag exec would return the first match forever.
  if (!pattern.global) throw new Error(`allMatches needs a global pattern: ${pattern}`);
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    matches.push(match);
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return matches;
}
