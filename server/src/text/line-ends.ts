/** The document's own line ending, so inserted lines match it (CRLF drafts stay CRLF). */
export function lineEndingOf(text: string): '\r\n' | '\n' | '\r' {
  const newline = text.search(/\r\n?|\n/);
  if (newline === -1) return '\n';
  if (text[newline] === '\n') return '\n';
  return text[newline + 1] === '\n' ? '\r\n' : '\r';
}

/** Offset of the start of the line after the one holding `offset`, or the text's end. */
export function startOfNextLine(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) return i + 1;
    if (code === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

/** Offset of the start of the line holding `offset`. */
export function startOfLine(text: string, offset: number): number {
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i + 1;
  }
  return 0;
}
