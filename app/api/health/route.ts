import { jsonResponse } from "@/lib/server/http-errors";

export const dynamic = "force-dynamic";

/** GET /api/health: liveness. The process serves requests; the database is not asked (that is /api/ready). */
export function GET(): Response {
  return jsonResponse({ status: "ok" });
}
