import { z } from "zod";
import { suggestFilters } from "@/lib/server/suggest";

const querySchema = z.object({ q: z.string().max(60) });

/** GET /api/suggest?q=kor → States and themes whose names start with the text. */
export async function GET(request: Request): Promise<Response> {
  const parsed = querySchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  if (!parsed.success) return Response.json({ error: "invalid_parameters", issues: parsed.error.issues }, { status: 400 });
  return Response.json(await suggestFilters(parsed.data.q), { headers: { "Cache-Control": "no-store" } });
}
