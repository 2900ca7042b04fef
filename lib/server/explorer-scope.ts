import "server-only";
import { awaitingSecondFactor, readableOrganizations } from "@/lib/auth/policy";
import type { ApiError } from "@/lib/schemas/recommendation-api";
import type { StatusScope } from "@/lib/search-params";
import { jsonResponse, TWO_FACTOR_REQUIRED_MESSAGE } from "./http-errors";
import { getViewer, type Viewer } from "./permissions";
import type { ViewerScope } from "./recommendation-where";

export type ScopedQuery<T> = {
  query: T;
  scope: ViewerScope;
  /** `statusOf=mine` was asked for by someone with no organisation (anonymous, or no membership): it was dropped. */
  mineUnavailable: boolean;
  /**
   * With `statusOf=mine`, the names of the viewer's organisations that require a second factor this session lacks:
   * their private statuses are left out, and the page says why.
   */
  awaitingSecondFactor: string[];
};

/**
 * The explorer's query as this viewer may run it, with the organisations for `statusOf=mine` taken from the session
 * and the policy (never from the URL). Without an organisation whose private data the viewer may read now,
 * `statusOf=mine` falls back to public assessments and says so; the API refuses it instead (401 / 403), see
 * `scopeApiQuery`.
 */
export function scopeExplorerQuery<T extends { statusOf: StatusScope }>(query: T, viewer: Viewer | null): ScopedQuery<T> {
  const organizationIds = readableOrganizations(viewer);
  const mine = query.statusOf === "mine";
  const mineUnavailable = mine && organizationIds.length === 0;
  const awaiting = mine ? awaitingSecondFactor(viewer).map((m) => m.organizationName) : [];
  return { query: mineUnavailable ? { ...query, statusOf: "public" } : query, scope: { organizationIds }, mineUnavailable, awaitingSecondFactor: awaiting };
}

/**
 * For the JSON API, the CSV and the stats: the caller's scope, or the answer that refuses `statusOf=mine` without a
 * session (401), without an organisation (403), or when every organisation of the caller requires a second factor
 * this session lacks (403, saying so), each with a message saying why. Only `statusOf=mine` reads the session: every
 * other query is public, whoever asks (its viewer is null). The viewer of a `statusOf=mine` answer is the one its
 * download is recorded for.
 */
export async function scopeApiQuery(request: Request, query: { statusOf: StatusScope }): Promise<{ scope: ViewerScope; viewer: Viewer | null } | { refusal: Response }> {
  if (query.statusOf !== "mine") return { scope: {}, viewer: null };
  const viewer = await getViewer(request);
  if (!viewer) {
    return { refusal: jsonResponse({ error: "unauthenticated", message: "statusOf=mine reads your organisation's assessments: sign in first." } satisfies ApiError, 401) };
  }
  const organizationIds = readableOrganizations(viewer);
  if (organizationIds.length === 0 && awaitingSecondFactor(viewer).length > 0) {
    return { refusal: jsonResponse({ error: "forbidden", message: TWO_FACTOR_REQUIRED_MESSAGE } satisfies ApiError, 403) };
  }
  if (organizationIds.length === 0) {
    return { refusal: jsonResponse({ error: "forbidden", message: "statusOf=mine needs membership of an organisation; use statusOf=public." } satisfies ApiError, 403) };
  }
  return { scope: { organizationIds }, viewer };
}
