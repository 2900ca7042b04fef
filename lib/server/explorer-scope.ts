import "server-only";
import type { ApiError } from "@/lib/schemas/recommendation-api";
import type { StatusScope } from "@/lib/search-params";
import { jsonResponse } from "./http-errors";
import { getViewer, readableOrganizationIds, type Viewer } from "./permissions";
import type { ViewerScope } from "./recommendation-where";

export type ScopedQuery<T> = {
  query: T;
  scope: ViewerScope;
  /** `statusOf=mine` was asked for by someone with no organisation (anonymous, or no membership): it was dropped. */
  mineUnavailable: boolean;
};

/**
 * The explorer's query as this viewer may run it, with the organisations for `statusOf=mine` taken from the session,
 * never from the URL. Without an organisation, `statusOf=mine` falls back to public assessments and says so; the API
 * refuses it instead (401 / 403), see `statusOfMineRefusal`.
 */
export function scopeExplorerQuery<T extends { statusOf: StatusScope }>(query: T, viewer: Viewer | null): ScopedQuery<T> {
  const organizationIds = readableOrganizationIds(viewer);
  const mineUnavailable = query.statusOf === "mine" && organizationIds.length === 0;
  return { query: mineUnavailable ? { ...query, statusOf: "public" } : query, scope: { organizationIds }, mineUnavailable };
}

/**
 * For the JSON API and the CSV: the caller's scope, or the answer that refuses `statusOf=mine` without a session
 * (401) or without an organisation (403), each with a message saying why. Only `statusOf=mine` reads the session:
 * every other query is public, whoever asks (its viewer is null). The viewer of a `statusOf=mine` answer is the one
 * its download is recorded for.
 */
export async function scopeApiQuery(request: Request, query: { statusOf: StatusScope }): Promise<{ scope: ViewerScope; viewer: Viewer | null } | { refusal: Response }> {
  if (query.statusOf !== "mine") return { scope: {}, viewer: null };
  const viewer = await getViewer(request);
  if (!viewer) {
    return { refusal: jsonResponse({ error: "unauthenticated", message: "statusOf=mine reads your organisation's assessments: sign in first." } satisfies ApiError, 401) };
  }
  const organizationIds = readableOrganizationIds(viewer);
  if (organizationIds.length === 0) {
    return { refusal: jsonResponse({ error: "forbidden", message: "statusOf=mine needs membership of an organisation; use statusOf=public." } satisfies ApiError, 403) };
  }
  return { scope: { organizationIds }, viewer };
}
