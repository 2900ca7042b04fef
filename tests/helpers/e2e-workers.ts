/**
 * The end-to-end suite's workers each test against an app and a database of their own (playwright.config.ts):
 * worker n (from 0) uses E2E_DATABASE_URL's database for n = 0, and that name suffixed `_w<n+1>` after.
 */
export function workerDatabaseUrl(base: string, index: number): string {
  if (index === 0) return base;
  const url = new URL(base);
  url.pathname = `${url.pathname}_w${index + 1}`;
  return url.toString();
}
