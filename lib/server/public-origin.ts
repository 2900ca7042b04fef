import "server-only";

/**
 * The address people use to reach the app, for absolute links in what leaves it (the CSV's `url` column): the
 * configured `BETTER_AUTH_URL` (the same setting sign-in and passkeys read), else `http://localhost:$PORT`, as the
 * auth configuration defaults it. Never the request's Host header, which any client can write, so a downloaded file
 * cannot be made to link elsewhere. Only the origin is kept (scheme, host, port), without a trailing slash.
 */
export function publicOrigin(): string {
  const configured = process.env.BETTER_AUTH_URL;
  return configured ? new URL(configured).origin : `http://localhost:${process.env.PORT || "3000"}`;
}
