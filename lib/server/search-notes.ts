import "server-only";
import { compileSearch, type Translation } from "@/lib/search";
import type { RecommendationFilters } from "@/lib/search-params";
import { getDb, type Db } from "./db";
import { Prisma } from "./generated/prisma/client";
import { buildRecommendationWhere, type ViewerScope } from "./recommendation-where";

export type VariantCount = { form: string; count: number };

/** What the page says about a search beside its total: what Chinese was searched as, which variants matched. */
export type SearchNotes = {
  translations: Translation[];
  untranslated: string[];
  /** Variants the query was widened with, each with how many of the results contain it; empty with variants off. */
  matched: VariantCount[];
  /** Variants of -words, which were excluded too. */
  excluded: string[];
  /** With variants off: the forms they would add, so the page can offer them. */
  offered: string[];
};

/**
 * The notes for the current search, or null without one. The counts read only the rows the search found (the same
 * where as the list, GIN-indexed), one statement for all variants.
 */
export async function getSearchNotes(filters: RecommendationFilters, scope: ViewerScope = {}, db: Db = getDb()): Promise<SearchNotes | null> {
  if (!filters.q) return null;
  const compiled = compileSearch(filters.q, filters.variants);
  const shown = compiled.variants.filter((v) => !v.excluded);
  const notes: SearchNotes = {
    translations: compiled.translations,
    untranslated: compiled.untranslated,
    matched: [],
    excluded: compiled.variants.filter((v) => v.excluded).map((v) => v.form),
    offered: filters.variants === "off" ? compileSearch(filters.q, "on").variants.filter((v) => !v.excluded).map((v) => v.form) : [],
  };
  if (shown.length === 0) return notes;
  const counts = Prisma.join(shown.map((v) => Prisma.sql`count(*) FILTER (WHERE r."searchVector" @@ to_tsquery('english', ${v.tsquery}))::int`));
  const [row] = await db.$queryRaw<{ counts: number[] }[]>`
    SELECT ARRAY[${counts}] AS "counts" FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"
    WHERE ${buildRecommendationWhere(filters, scope)}`;
  notes.matched = shown.map((v, i) => ({ form: v.form, count: row?.counts[i] ?? 0 }));
  return notes;
}
