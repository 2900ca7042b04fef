import { z } from "zod";
import { routing } from "@/lib/i18n/routing";
import { suggestFilters } from "@/lib/server/suggest";

const querySchema = z.object({ q: z.string().max(60), lang: z.enum(routing.locales).default("en") });

/** GET /api/suggest?q=kor[&lang=zh] → States and themes whose names start with the text (State names in `lang`). */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const parsed = querySchema.safeParse({ q: params.get("q") ?? "", lang: params.get("lang") ?? undefined });
  if (!parsed.success) return Response.json({ error: "invalid_parameters", issues: parsed.error.issues }, { status: 400 });
  return Response.json(await suggestFilters(parsed.data.q, parsed.data.lang), { headers: { "Cache-Control": "no-store" } });
}
