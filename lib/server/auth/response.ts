import "server-only";

/** Keys never sent in an auth answer's JSON: the session token (the cookie carries it) and any stored address. */
const SECRET_KEYS = new Set(["token", "ipAddress"]);

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_KEYS.has(key)).map(([key, inner]) => [key, withoutSecrets(inner)]));
  }
  return value;
}

/**
 * better-auth's answer as the app sends it: `Cache-Control: no-store`; JSON bodies without session tokens or
 * addresses (sign-in, get-session and list-sessions return them); and `Retry-After` on a 429 (better-auth sets only
 * its own `X-Retry-After`).
 */
export async function hardenAuthResponse(response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "no-store");
  if (response.status === 429) {
    const after = headers.get("x-retry-after");
    headers.set("Retry-After", after && /^\d+$/.test(after) ? after : "60");
  }
  let body: BodyInit | null = response.body;
  if (headers.get("content-type")?.includes("application/json")) {
    const text = await response.text();
    try {
      body = JSON.stringify(withoutSecrets(JSON.parse(text)));
      headers.delete("content-length");
    } catch {
      body = text;
    }
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
