/**
 * The process's registry of in-process caches of public data (lib/server/public-cache), on globalThis: Next bundles
 * each route apart, and the app's HTTP server (scripts/serve.ts) runs outside those bundles, yet all of them must
 * reach the same caches. The server empties them when the database says public data changed.
 */
export type ClearableCache = { clear(): void };

const globalForCaches = globalThis as unknown as { uprPublicCaches?: Map<string, ClearableCache> };

export function publicCacheRegistry(): Map<string, ClearableCache> {
  return (globalForCaches.uprPublicCaches ??= new Map());
}

/** Public data may have changed (an import, a decision, a write by another instance): every cache starts again. */
export function clearPublicCaches(): void {
  for (const cache of publicCacheRegistry().values()) cache.clear();
}
