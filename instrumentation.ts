import type { Instrumentation } from "next";
import { isDatabaseUnavailable } from "@/lib/database/unavailable";
import { markDatabaseFailure, REQUEST_ID_HEADER } from "@/lib/http/request-marks";

/**
 * A page render, route handler or server action that failed because the database is unavailable is marked, so the
 * app's HTTP server (scripts/serve.ts) answers 503 with Retry-After instead of Next's 500.
 */
export const onRequestError: Instrumentation.onRequestError = (error, request) => {
  const id = request.headers[REQUEST_ID_HEADER];
  if (typeof id === "string" && isDatabaseUnavailable(error)) markDatabaseFailure(id);
};
