// A bounded cache for values computed from text: the engine re-asks about the
// same sentences on every keystroke. Oldest entries go first once it is full.

export function boundedCache<T>(limit: number): (key: string, compute: () => T) => T {
  const cache = new Map<string, T>();
  return (key, compute) => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute();
    if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
    return value;
  };
}
