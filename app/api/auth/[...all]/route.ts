import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/server/auth";
import { hardenAuthResponse } from "@/lib/server/auth/response";

/**
 * better-auth's routes: POST /api/auth/sign-in/email, POST /api/auth/sign-out, GET /api/auth/get-session,
 * /api/auth/two-factor/*, /api/auth/passkey/*, … Every answer is hardened: no session token or address in a JSON
 * body, never stored by a cache, and a 429 carries Retry-After.
 */
export async function GET(request: Request): Promise<Response> {
  return hardenAuthResponse(await toNextJsHandler(getAuth()).GET(request));
}

export async function POST(request: Request): Promise<Response> {
  return hardenAuthResponse(await toNextJsHandler(getAuth()).POST(request));
}
