import { NextResponse, type NextRequest } from "next/server";
import { carriesSession, createNonce, isPublicAsset, securityHeaders, SIGNED_IN_CACHE_CONTROL } from "@/lib/security-headers";

/**
 * Runs before every request, static files and 404s included, so every response carries the security headers
 * (lib/security-headers.ts). The CSP goes on the request too: Next.js reads the nonce from it while rendering and puts
 * it on its own scripts. Pages are rendered per request anyway (they read the session), so the nonce costs no caching.
 */
export function proxy(request: NextRequest): NextResponse {
  const headers = securityHeaders(createNonce(), { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (carriesSession(request.cookies.getAll().map((cookie) => cookie.name)) && !isPublicAsset(request.nextUrl.pathname)) {
    response.headers.set("Cache-Control", SIGNED_IN_CACHE_CONTROL);
  }
  return response;
}
