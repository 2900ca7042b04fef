/**
 * Requests whose render or handler failed because the database was unavailable. Next reports such a failure to
 * instrumentation.ts (`onRequestError`), in the same process as the app's HTTP server (scripts/serve.ts), which then
 * answers 503 instead of the 500 Next wrote. Requests are told apart by the id the server puts in a header of its own.
 */
export const REQUEST_ID_HEADER = "x-upr-request-id";

const globalForMarks = globalThis as unknown as { uprDatabaseFailures?: Set<string> };

function marks(): Set<string> {
  globalForMarks.uprDatabaseFailures ??= new Set();
  return globalForMarks.uprDatabaseFailures;
}

export function markDatabaseFailure(requestId: string): void {
  // Bounded: ids are taken out again as their answers go out; this only guards against a leak.
  if (marks().size > 10_000) marks().clear();
  marks().add(requestId);
}

/** True once when the request's failure was marked; the mark is removed. */
export function takeDatabaseFailure(requestId: string): boolean {
  return marks().delete(requestId);
}
