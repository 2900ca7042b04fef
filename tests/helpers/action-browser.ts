import { ORIGIN } from "./sessions";

/**
 * A stand-in for the browser that posts a server action: the request headers `next/headers` hands the action (with
 * its cookies and client address), and a cookie jar the action's `cookies().set` writes to, as the browser's would.
 * A test file mocks `next/headers` with `nextHeadersMock` and reads the jar to follow a replaced session.
 */
const browser = { cookies: new Map<string, string>(), address: "10.1.0.1", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.0.0 Safari/537.36" };

export function cookieHeader(): string {
  return [...browser.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("; ");
}

/** Starts over with these cookies ("name=value; …", as signIn returns) and this client address. */
export function useBrowser(cookie: string, address: string): void {
  browser.cookies.clear();
  for (const pair of cookie.split(/;\s*/).filter(Boolean)) {
    const [name, ...value] = pair.split("=");
    browser.cookies.set(name!, decodeURIComponent(value.join("=")));
  }
  browser.address = address;
}

export function sessionCookie(): string {
  return `better-auth.session_token=${encodeURIComponent(browser.cookies.get("better-auth.session_token") ?? "")}`;
}

function requestHeaders(): Headers {
  const headers = new Headers({ origin: ORIGIN, "user-agent": browser.userAgent, "x-upr-client-address": browser.address });
  const cookie = cookieHeader();
  if (cookie) headers.set("cookie", cookie);
  return headers;
}

type CookieOptions = { maxAge?: number; expires?: Date };

export const nextHeadersMock = {
  headers: async () => requestHeaders(),
  cookies: async () => ({
    toString: cookieHeader,
    get: (name: string) => (browser.cookies.has(name) ? { name, value: browser.cookies.get(name)! } : undefined),
    getAll: () => [...browser.cookies].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, options: CookieOptions = {}) => {
      const expired = options.maxAge === 0 || (options.expires !== undefined && options.expires.getTime() <= Date.now()) || value === "";
      if (expired) browser.cookies.delete(name);
      else browser.cookies.set(name, value);
    },
  }),
};
