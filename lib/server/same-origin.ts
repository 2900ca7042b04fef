import "server-only";
import { ForbiddenError } from "./http-errors";

/**
 * CSRF guard for cookie-authenticated writes: a browser always sends `Origin` on a cross-site POST/PATCH/DELETE, so
 * a present Origin that differs from the request's own origin is refused (403). A request without Origin (curl, a
 * script holding the cookie) is not a cross-site browser request and passes. The session cookie is also SameSite=Lax.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin === null) return;
  if (origin !== new URL(request.url).origin) throw new ForbiddenError("cross-origin request refused");
}
