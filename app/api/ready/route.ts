import { RETRY_AFTER_SECONDS } from "@/lib/database/unavailable";
import { jsonResponse } from "@/lib/server/http-errors";
import { checkReadiness } from "@/lib/server/readiness";

export const dynamic = "force-dynamic";

/** GET /api/ready: 200 when the database answers and every shipped migration is applied, else 503 with the reason. */
export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  if (readiness.ready) return jsonResponse({ status: "ready" });
  return jsonResponse({ status: "unavailable", ...readiness }, 503, { "Retry-After": String(RETRY_AFTER_SECONDS) });
}
