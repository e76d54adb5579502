/**
 * Similarity of normalised names to `query`, 0..1: the Dice coefficient over character bigrams.
 * The query's bigrams are counted once, so scoring a query
 * against every name of an edition costs the length of each name, not of the query each time
 * (a mangled citation can make the query thousands of characters long).
 */
export function similarityTo(query: string): (candidate: string) => number {
  const available = new Map<number, number>();
  for (let i = 0; i < query.length - 1; i++) {
    const bigram = bigramAt(query, i);
    available.set(bigram, (available.get(bigram) ?? 0) + 1);
  }
  const taken = new Map<number, number>();
  return (candidate) => {
    if (candidate === query) return 1;
    if (query.length < 2 || candidate.length < 2) return 0;
    taken.clear();
    let shared = 0;
    for (let i = 0; i < candidate.length - 1; i++) {
      const bigram = bigramAt(candidate, i);
      const count = available.get(bigram);
      if (count === undefined) continue;
      const used = taken.get(bigram) ?? 0;
      if (used < count) {
        shared++;
        taken.set(bigram, used + 1);
      }
    }
    return (2 * shared) / (query.length - 1 + candidate.length - 1);
  };
}

/** The two UTF-16 code units at `i` as one number. */
function bigramAt(text: string, i: number): number {
  return text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
}
