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
