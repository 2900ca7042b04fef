import { z } from "zod";
import { routing } from "@/lib/i18n/routing";
import { parseExplorerSearch } from "@/lib/search-params";
import { scopeExplorerQuery } from "@/lib/server/explorer-scope";
import { getViewer } from "@/lib/server/permissions";
import { MAX_SUGGEST_LENGTH, suggestFilters } from "@/lib/server/suggest";
import { currentFilters } from "@/lib/suggest/href";

const querySchema = z.object({
  q: z.string().max(MAX_SUGGEST_LENGTH),
  lang: z.enum(routing.locales).default("en"),
  filters: z.string().max(4000).default(""),
});

/**
 * GET /api/suggest?q=uk[&lang=zh][&filters=cycle%3D3] → the States and themes the text names that have recommendations
 * within the explorer's current filters (`filters`: its search string), each with its count and the explorer URL that
 * adds it, and the URL of a search of the texts for `q`. `statusOf=mine` in the filters counts the caller's
 * organisations' private statuses, as the explorer page does, from the session.
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const parsed = querySchema.safeParse({ q: params.get("q") ?? "", lang: params.get("lang") ?? undefined, filters: params.get("filters") ?? undefined });
  if (!parsed.success) return Response.json({ error: "invalid_parameters", issues: parsed.error.issues }, { status: 400 });
  const current = currentFilters(parsed.data.filters);
  const mine = parseExplorerSearch({ statusOf: current.get("statusOf") ?? undefined }).query.statusOf === "mine";
  const { scope } = scopeExplorerQuery({ statusOf: mine ? "mine" : "public" }, mine ? await getViewer(request) : null);
  const suggestions = await suggestFilters(parsed.data.q, current, parsed.data.lang, scope);
  return Response.json(suggestions, { headers: { "Cache-Control": "no-store" } });
}
