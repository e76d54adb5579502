export interface PageRange {
  readonly from: number;
  readonly to: number;
}

/** "66", "78-96", "78 – 96", "pp. 78-79", "pg. 64", "78 to 96"; null for anything else. */
export function parsePageRange(token: string): PageRange | null {
  const compact = token.trim().replace(/\s+/g, ' ');
  const match = /^(?:p{1,2}g?s?\.? ?)?(\d{1,4})(?: ?(?:-|\u2013|\u2014|to) ?(\d{1,4}))?\.?$/i.exec(compact);
  if (!match) return null;
  const from = Number(match[1]);
  const to = match[2] ? Number(match[2]) : from;
  return to >= from ? { from, to } : null;
}

export function formatPages(pages: readonly number[]): string {
  if (pages.length < 2) return '';
  return pages[0] === pages[1] ? `${pages[0]}` : `${pages[0]}-${pages[1]}`;
}

export function rangesOverlap(a: PageRange, b: PageRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** "p. 24" or "pp. 63-66". */
export function pageRef(pages: readonly number[]): string {
  if (pages.length !== 2) return '';
  return pages[0] === pages[1] ? `p. ${pages[0]}` : `pp. ${formatPages(pages)}`;
}
