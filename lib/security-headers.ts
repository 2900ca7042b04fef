/**
 * The security headers every response carries (pages, API, CSV, static files, errors, 404), set by proxy.ts. Pure
 * functions, so the proxy, the unit tests and the integration tests share one definition.
 *
 * Why these values:
 * - Scripts run only with the per-request nonce (Next.js reads it from the request's CSP header and puts it on its own
 *   scripts); 'strict-dynamic' lets those scripts load the app's chunks. No 'unsafe-inline' for scripts, ever.
 * - Styles: the app has only its own stylesheet and no style attributes, so production allows the stylesheet,
 *   nonce-carrying <style> elements and the built stylesheet inlined into pages (by its hash), not 'unsafe-inline'.
 *   The dev server's error overlay injects inline styles, so development allows them (and 'unsafe-eval', which React uses there to rebuild server stacks).
 * - Nothing is loaded, sent or framed from anywhere but this origin: people researching a government's record must
 *   not be exposed to third parties by the tracker.
 * - Referrer-Policy same-origin: another site (an evidence link, an OHCHR page) never learns which page, or even which
 *   tracker, a visitor came from. `no-referrer` would be stricter still, but it makes the browser send `Origin: null`
 *   on the app's own POSTs, which the CSRF checks (ours, better-auth's, Next's server actions) rightly refuse.
 */

/**
 * `styleHashes`: the CSP hashes of the built stylesheets that pages inline (lib/http/style-hashes.ts), allowed besides
 * the nonce.
 */
export type SecurityHeaderOptions = { dev: boolean; styleHashes?: readonly string[] };

/**
 * The headers that protect a script, stylesheet or font of the build (content-hashed, public, never a document): it is
 * not sniffed as another type, nor loaded by another site. The CSP, the permissions and framing policies, the opener
 * policy and the referrer policy act on documents (and workers, which the app has none of), so a script does not carry
 * them: on a slow link they were about 0.7 KB of headers on each of a page's dozen scripts.
 */
export const BUILD_ASSET_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** The build's scripts, stylesheets and fonts (`/_next/static/…`); its images may be SVG documents and keep every header. */
export function isBuildSubresource(pathname: string): boolean {
  return /^\/_next\/static\/[^?#]+\.(?:js|css|woff2?)$/.test(pathname);
}

/** A fresh, unguessable nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, { dev, styleHashes = [] }: SecurityHeaderOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`, ...styleHashes])],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/**
 * Powerful browser features the app never uses, switched off for it and anything it could embed; passkeys (WebAuthn:
 * adding one on the account page, signing in with one) for the app's own pages only.
 */
export const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "hid=()",
  "midi=()",
  "display-capture=()",
  "screen-wake-lock=()",
  "publickey-credentials-create=(self)",
  "publickey-credentials-get=(self)",
].join(", ");

/** Every header but the CSP is the same on every response. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": PERMISSIONS_POLICY,
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  // Browsers otherwise resolve the host names of links on a page (evidence URLs) before anyone clicks them.
  "X-DNS-Prefetch-Control": "off",
};

export function securityHeaders(nonce: string, options: SecurityHeaderOptions): Record<string, string> {
  return { "Content-Security-Policy": contentSecurityPolicy(nonce, options), ...STATIC_SECURITY_HEADERS };
}

/** better-auth's session cookie, with or without the `__Secure-` prefix it uses over HTTPS. */
const SESSION_COOKIE = /^(__Secure-)?better-auth\.session_token$/;

export function carriesSession(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (SESSION_COOKIE.test(name)) return true;
  return false;
}

/**
 * A response to a signed-in request may hold an organisation's private data: no shared cache or proxy may keep it.
 * The build's content-hashed files and the icon hold no private data and keep their long-lived caching.
 */
export const SIGNED_IN_CACHE_CONTROL = "private, no-store";

export function isPublicAsset(pathname: string): boolean {
  return pathname.startsWith("/_next/static/") || pathname === "/icon.svg";
}
