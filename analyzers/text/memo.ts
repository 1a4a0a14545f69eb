// Bounded caches for values computed from text: the engine re-asks about the same
// sentences on every keystroke. Least recently used entries go first once full, so
// a long draft keeps what it still reads instead of losing everything at the limit.

/** A Map that holds at most `capacity` entries, evicting the least recently used. */
export class LruMap<K, V> extends Map<K, V> {
  constructor(public capacity: number) {
    super();
  }

  override get(key: K): V | undefined {
    if (!super.has(key)) return undefined;
    const value = super.get(key) as V;
    // Re-inserting moves the key to the back of Map's insertion order: most recent.
    super.delete(key);
    super.set(key, value);
    return value;
  }

  override set(key: K, value: V): this {
    if (super.has(key)) super.delete(key);
    super.set(key, value);
    while (this.size > this.capacity) super.delete(super.keys().next().value as K);
    return this;
  }
}

export function boundedCache<T>(limit: number): (key: string, compute: () => T) => T {
  const cache = new LruMap<string, T>(limit);
  return (key, compute) => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute();
    cache.set(key, value);
    return value;
  };
}
