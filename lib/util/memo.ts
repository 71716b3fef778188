/**
 * Remembers the last result of a function of a dataset index and a view, keyed on the index's identity and
 * the parts of the view the function reads. Every view calls the same selectors with the same arguments in
 * one render, so one slot is enough, and results keep their identity while nothing they read changes.
 */
export function memoizeLast<I extends object, A, R>(
  fn: (index: I, arg: A) => R,
  keyOf: (arg: A) => string,
): (index: I, arg: A) => R {
  let lastIndex: I | null = null;
  let lastKey = "";
  let lastResult: R;
  return (index, arg) => {
    const key = keyOf(arg);
    if (index !== lastIndex || key !== lastKey) {
      lastResult = fn(index, arg);
      lastIndex = index;
      lastKey = key;
    }
    return lastResult;
  };
}

/**
 * The value cached under `key`, made and stored on a miss. At `limit` entries the cache starts over, so a
 * key that keeps changing (a width while the window is resized) cannot make it grow without end.
 */
export function cachedIn<K, V>(cache: Map<K, V>, key: K, make: () => V, limit: number): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= limit) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}
