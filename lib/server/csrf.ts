import "server-only";
import { ForbiddenError } from "./http-errors";

/** The app's own origins: the one the request was addressed to, and the configured public URL. */
function ownOrigins(request: Request): Set<string> {
  const origins = new Set([new URL(request.url).origin]);
  const configured = process.env.BETTER_AUTH_URL;
  if (configured) origins.add(new URL(configured).origin);
  return origins;
}

/**
 * CSRF protection for cookie-authenticated writes: browsers send `Origin` on every cross-site POST, so a request whose
 * Origin is present and not our own (including the opaque "null") is refused with 403. A request without Origin
 * (curl, scripts, same-origin navigations of old browsers) carries no ambient browser credentials from another site,
 * so it is let through; a browser that says `Sec-Fetch-Site: cross-site` is refused too.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin !== null && !ownOrigins(request).has(origin)) throw new ForbiddenError("cross-origin request refused");
  if (request.headers.get("sec-fetch-site") === "cross-site") throw new ForbiddenError("cross-origin request refused");
}
