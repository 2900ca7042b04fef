import "server-only";
import { ForbiddenError } from "./http-errors";

/**
 * The app's own hosts: the one the browser addressed (Host, or X-Forwarded-Host behind a proxy), the request URL's
 * and the configured public URL's. `next start` builds `request.url` on "localhost" whatever the Host header says, so
 * without the Host header a browser at http://127.0.0.1:3000 or on a LAN address would be refused. A cross-site page
 * cannot change either header (X-Forwarded-Host would need a CORS preflight the app never grants): this is the check
 * Next applies to server actions.
 */
function ownHosts(request: Request): Set<string> {
  const hosts = new Set([new URL(request.url).host]);
  const addressed = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  if (addressed) hosts.add(addressed.toLowerCase());
  const configured = process.env.BETTER_AUTH_URL;
  if (configured) hosts.add(new URL(configured).host);
  return hosts;
}

function hostOf(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host : null;
  } catch {
    return null;
  }
}

/**
 * CSRF protection for cookie-authenticated writes: browsers send `Origin` on every cross-site POST, so a request whose
 * Origin is present and not our own (including the opaque "null") is refused with 403. A request without Origin
 * (curl, scripts, same-origin navigations of old browsers) carries no ambient browser credentials from another site,
 * so it is let through; a browser that says `Sec-Fetch-Site: cross-site` is refused too.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const host = hostOf(origin);
    if (host === null || !ownHosts(request).has(host)) throw new ForbiddenError("cross-origin request refused");
  }
  if (request.headers.get("sec-fetch-site") === "cross-site") throw new ForbiddenError("cross-origin request refused");
}
