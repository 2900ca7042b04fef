import { z } from "zod";
import { queryLists } from "@/lib/http/params";
import { routing } from "@/lib/i18n/routing";
import { parseExplorerSearch } from "@/lib/search-params";
import { scopeExplorerQuery } from "@/lib/server/explorer-scope";
import { badRequest } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import { MAX_SUGGEST_LENGTH, suggestFilters } from "@/lib/server/suggest";
import { listJoiner, translator } from "@/lib/server/translator";
import { currentFilters } from "@/lib/suggest/href";
import { wordSuggestions } from "@/lib/suggest/words";

const querySchema = z.strictObject({
  q: z.string().max(MAX_SUGGEST_LENGTH),
  lang: z.enum(routing.locales).default("en"),
  filters: z.string().max(4000).default(""),
});

/**
 * GET /api/suggest?q=uk[&lang=zh][&filters=cycle%3D3] → the States and themes the text names that have recommendations
 * within the explorer's current filters (`filters`: its search string), each with its count and the explorer URL that
 * adds it, and the URL of a search of the texts for `q`. `statusOf=mine` in the filters counts the caller's
 * organisations' private statuses, as the explorer page does, from the session. Each option also carries what the
 * combobox shows (`label`, `detail`) and the answer its `notes`, worded in `lang`: the browser formats no message.
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  // The first value of each key, every key an own one: an unknown key, `constructor` too, is a 400 naming it.
  const first = Object.fromEntries(Object.entries(queryLists(params)).map(([key, values]) => [key, values[0]]));
  const parsed = querySchema.safeParse({ q: "", ...first });
  if (!parsed.success) return badRequest(parsed.error.issues);
  const current = currentFilters(parsed.data.filters);
  const mine = parseExplorerSearch({ statusOf: current.get("statusOf") ?? undefined }).query.statusOf === "mine";
  const { scope } = scopeExplorerQuery({ statusOf: mine ? "mine" : "public" }, mine ? await getViewer(request) : null);
  const { q, lang } = parsed.data;
  const [suggestions, t] = await Promise.all([suggestFilters(q, current, lang, scope), translator(lang, "finder")]);
  return Response.json(wordSuggestions(suggestions, t, listJoiner(lang)), { headers: { "Cache-Control": "no-store" } });
}
