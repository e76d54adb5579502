import type { Rule } from './types';

/** The only rule that runs on text that does not look like a letter: it says why nothing else does. */
export const notALetter: Rule = {
  id: 'not-a-letter',
  defaultSeverity: 'information',
  description: 'The document does not look like an IMR determination letter, so it was not checked.',
  check(letter) {
    if (letter.looksLikeLetter) return [];
    const firstLineEnd = letter.text.search(/\r|\n/);
    return [
      {
        message:
          'This document does not look like an IMR determination letter (no "Case Number:" header, no known section heading and no disputed items), so it was not checked.',
        span: { start: 0, end: firstLineEnd === -1 ? Math.min(letter.text.length, 200) : firstLineEnd },
      },
    ];
  },
};
