/**
 * Memoises a pure lookup. The same few names are looked up for every citation of every letter
 * and again on each keystroke, while normalising them costs far more than a map probe. The map
 * is emptied once it holds `limit` entries, so a long editing session that types many
 * different names cannot grow it without bound.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K, compute: (key: K) => V): V {
    const cached = this.entries.get(key);
    if (cached !== undefined || this.entries.has(key)) return cached as V;
    const value = compute(key);
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
