/**
 * Letter text as a message quotes it: in double quotes, whole when short, else its start up to a
 * word boundary and " ...". A message never carries more of a letter than it needs to say where,
 * however long the quoted title, name or list is (a 900 KB "Section(s):" line was once quoted whole).
 */
export function quoted(text: string, max = 120): string {
  if (text.length <= max) return `"${text}"`;
  const cut = text.lastIndexOf(' ', max - 3);
  return `"${text.slice(0, cut > 0 ? cut : max - 3)} ..."`;
}

/** Control characters but the tab: C0 (line breaks included), DEL and C1. */
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/**
 * Text for a terminal or a plain-text table, with each control character but the tab written as
 * `\u001b`: letter text (an item's title, a file's name) may hold escape sequences that would move
 * the cursor, erase lines or retitle the terminal, or line breaks that would split a finding's line.
 */
export function showControls(text: string): string {
  return text.replace(CONTROLS, (control) => `\\u${control.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
