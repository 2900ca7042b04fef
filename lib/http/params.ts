/**
 * Grouping entries whose keys the caller chose (query parameters, form fields, zod issue paths): through a Map, never
 * `obj[key] ??= []` on a plain object, where a key named after an `Object.prototype` member (`constructor`,
 * `toString`, `__proto__`) reads the prototype's function instead of undefined and crashed the request. The result
 * holds each key as an own property (Object.fromEntries defines even `__proto__` as one), so a strict zod object
 * reports it as an unknown key like any other.
 */
export function listsByKey<V>(entries: Iterable<readonly [string, V]>): Record<string, V[]> {
  const lists = new Map<string, V[]>();
  for (const [key, value] of entries) {
    const list = lists.get(key);
    if (list) list.push(value);
    else lists.set(key, [value]);
  }
  return Object.fromEntries(lists);
}

/** `?a=1&a=2&b=3` → { a: ["1", "2"], b: ["3"] }, every key an own property whatever its name. */
export function queryLists(params: URLSearchParams): Record<string, string[]> {
  return listsByKey(params);
}

/** `?a=1&a=2&b=3` → { a: "2", b: "3" } (the last value of a repeated key), every key an own property whatever its name. */
export function queryValues(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params);
}
