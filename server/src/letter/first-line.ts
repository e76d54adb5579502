/**
 * The same test as the `firstLine` pattern in package.json. VS Code lets a `.txt`
 * extension win over `firstLine`, so the client applies it to plain-text files itself.
 */
export const LETTER_FIRST_LINE = /^\s*(?:Case Number:|HOW THE IMR FINAL DETERMINATION WAS MADE)/;

export function looksLikeLetterStart(text: string): boolean {
  const firstLineEnd = text.search(/\r|\n/);
  return LETTER_FIRST_LINE.test(firstLineEnd === -1 ? text.slice(0, 500) : text.slice(0, firstLineEnd));
}
