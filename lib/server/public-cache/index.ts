import "server-only";
import { clearPublicCaches, publicCacheRegistry } from "@/lib/http/public-caches";

/**
 * A short-lived, in-process cache for PUBLIC data that every viewer sees alike and that only imports and editors'
 * decisions change: the detail page's across-cycles suggestions and its related recommendations. Under a crowd of
 * readers (the day a report comes out) the same pages are asked for again and again; the same question is answered
 * once (concurrent callers share one pending answer) and kept `ttlMs`.
 *
 * Never put anything here that depends on who is asking (organisations' private assessments, notes, evidence,
 * permissions): the key is the question alone. Writers in this process call `forget`/`forgetAllPublicData` after
 * they commit; a write made by another process (the import CLI, another instance) empties the caches as soon as the
 * database notifies it (scripts/serve.ts), and shows within `ttlMs` where nothing listens (the dev server).
 */
export type PublicCache<K, V> = {
  get(key: K, load: () => Promise<V>): Promise<V>;
  forget(key: K): void;
  clear(): void;
};

/**
 * One registry per process (lib/http/public-caches.ts): Next bundles each route (pages, route handlers, server
 * actions) apart, and a module-level cache would be one per bundle, so a decision made through the API would not reach
 * the page's copy. The app's server also empties every cache when the database notifies a change (any process's).
 */
const caches = publicCacheRegistry() as Map<string, PublicCache<unknown, unknown>>;

export function publicCache<K, V>(name: string, options: { ttlMs: number; maxEntries: number }): PublicCache<K, V> {
  const existing = caches.get(name);
  if (existing) return existing as PublicCache<K, V>;
  const entries = new Map<K, { value: Promise<V>; expires: number }>();
  const cache: PublicCache<K, V> = {
    get(key, load) {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.expires > now) return hit.value;
      if (hit) entries.delete(key);
      const value = load();
      entries.set(key, { value, expires: now + options.ttlMs });
      // A failed answer is not kept; nor is one that a writer forgot while it was pending.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      // Oldest first out: a Map iterates in insertion order.
      if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as K);
      return value;
    },
    forget(key) {
      entries.delete(key);
    },
    clear() {
      entries.clear();
    },
  };
  caches.set(name, cache as PublicCache<unknown, unknown>);
  return cache;
}

/** After an import: recommendations, their texts, States and themes may all have changed. */
export function forgetAllPublicData(): void {
  clearPublicCaches();
}
