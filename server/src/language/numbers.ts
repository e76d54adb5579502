/**
 * Counts written as words. One table for every reader of counts: refills
 * ("with three refills", "a refill", "no refills") and amounts of time.
 */

/** "one" to "twelve", in order. */
export const CARDINAL_WORDS: readonly string[] = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** Every word that gives a count: the cardinals, and the articles and negatives that mean one or none. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ...CARDINAL_WORDS.map((word, index) => [word, index + 1] as const),
  ['zero', 0], ['no', 0], ['a', 1], ['an', 1], ['single', 1],
]);

/** A count as written ("3", "three", "x2", "a") to its value, or null. */
export function countValue(written: string): number | null {
  const lower = written.toLowerCase();
  const word = NUMBER_WORDS.get(lower);
  if (word !== undefined) return word;
  const digits = /^x?(\d{1,3})$/.exec(lower);
  return digits ? Number(digits[1]) : null;
}
