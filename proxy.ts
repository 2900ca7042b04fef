import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { isPagePath, normaliseAcceptLanguage, routing } from "@/lib/i18n/routing";
import {
  BUILD_ASSET_SECURITY_HEADERS,
  carriesSession,
  createNonce,
  isBuildSubresource,
  isPublicAsset,
  securityHeaders,
  SIGNED_IN_CACHE_CONTROL,
} from "@/lib/security-headers";
import { builtStyleHashes } from "@/lib/http/style-hashes";

/** next-intl's routing: a page path without a locale is redirected to the visitor's (cookie, else Accept-Language). */
const localeRouting = createMiddleware(routing);

/**
 * Runs before every request, static files and 404s included, so every response carries the security headers
 * (lib/security-headers.ts), redirects included; the build's scripts, stylesheets and fonts carry only those that act
 * on them. The CSP goes on the request too: Next.js reads the nonce from it while
 * rendering and puts it on its own scripts. Page requests pass through next-intl's routing with that request, so its
 * pass-through and rewrite responses forward the CSP as well. Pages are rendered per request anyway (they read the
 * session), so the nonce costs no caching.
 */
export function proxy(request: NextRequest): NextResponse {
  if (isBuildSubresource(request.nextUrl.pathname)) {
    const response = NextResponse.next();
    for (const [name, value] of Object.entries(BUILD_ASSET_SECURITY_HEADERS)) response.headers.set(name, value);
    return response;
  }
  // The inlined stylesheets' hashes only where a document can use them: a page. A script or an API answer is not
  // styled, and on a slow link its headers cost as much as a small script (about 1 KB each, uncompressed).
  const page = isPagePath(request.nextUrl.pathname);
  const headers = securityHeaders(createNonce(), { dev: process.env.NODE_ENV === "development", styleHashes: page ? builtStyleHashes() : [] });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const acceptLanguage = request.headers.get("accept-language");
  if (acceptLanguage) requestHeaders.set("Accept-Language", normaliseAcceptLanguage(acceptLanguage));

  const response = page
    ? localeRouting(new NextRequest(request, { headers: requestHeaders }))
    : NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (carriesSession(request.cookies.getAll().map((cookie) => cookie.name)) && !isPublicAsset(request.nextUrl.pathname)) {
    response.headers.set("Cache-Control", SIGNED_IN_CACHE_CONTROL);
  }
  return response;
}

/**
 * Every path but the browser import's upload (POST /api/admin/import, up to 100 MB): Next.js buffers a request body in
 * memory for the proxy, and cuts it at 10 MB. That route streams the file to disk itself and sets these same headers
 * on its answers (app/api/admin/import/route.ts).
 */
export const config = { matcher: ["/((?!api/admin/import$).*)"] };
