import { passkeyClient } from "@better-auth/passkey/client";
import { createAuthClient } from "better-auth/client";
import { useSyncExternalStore } from "react";

/**
 * better-auth's browser client, for what only the browser can do: WebAuthn ceremonies (adding a passkey, signing in
 * with one). It talks to the app's own /api/auth routes. Made on first use, in the browser, never while rendering on
 * the server.
 */
function makeClient() {
  return createAuthClient({ plugins: [passkeyClient()] });
}

let client: ReturnType<typeof makeClient> | undefined;

export function authClient(): ReturnType<typeof makeClient> {
  client ??= makeClient();
  return client;
}

const noSubscription = () => () => undefined;

/**
 * "unknown" on the server and while hydrating (so nothing passkey-related reaches the HTML of a page read without
 * JavaScript), then whether this browser offers WebAuthn at all.
 */
export function usePasskeySupport(): "unknown" | "yes" | "no" {
  return useSyncExternalStore(
    noSubscription,
    () => (typeof window.PublicKeyCredential === "function" ? "yes" : "no"),
    () => "unknown",
  );
}
