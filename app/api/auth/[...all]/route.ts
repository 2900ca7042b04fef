import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/server/auth";

/** better-auth's routes: POST /api/auth/sign-in/email, POST /api/auth/sign-out, GET /api/auth/get-session, … */
export function GET(request: Request): Promise<Response> {
  return toNextJsHandler(getAuth()).GET(request);
}

export function POST(request: Request): Promise<Response> {
  return toNextJsHandler(getAuth()).POST(request);
}
