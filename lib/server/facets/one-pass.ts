import "server-only";
import type { RecommendationFilters } from "@/lib/search-params";
import type { Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { filterConditions, readableAssessmentsSql, statusScopeOf, type ConditionKey, type ViewerScope } from "../recommendation-where";
import type { Row } from ".";

/** The facets counted over the recommendations (all but the review, which has none; `q` has no facet). */
export const LIVE_FACETS = ["cycle", "sur", "state", "region", "theme", "affected", "position", "wording", "action", "status", "recurring"] as const;
export type LiveFacet = (typeof LIVE_FACETS)[number];

/** A facet's rows in the shape of the per-facet live queries (facets/index.ts), in their order. */
export type OnePassRows = {
  [K in LiveFacet]?: K extends "status" ? [Row[], Row[]] : K extends "theme" | "affected" ? (Row & { scheme: string })[] : Row[];
} & { total: number };

type Counted = { facet: string; value: string | null; label: string | null; scheme: string | null; count: number };

/**
 * The facets the summaries cannot answer, counted in ONE statement over the recommendations: each facet with every
 * filter but its own, as the per-facet live queries count it, plus the selection's total.
 *
 * Every set filter's condition is evaluated once per recommendation into a flag; the recommendations that can count
 * in some facet (those meeting every filter but at most the one of a facet asked for) are read once, narrow (the
 * covering index Recommendation_facets_idx serves them without the wide rows), and each facet sums those whose flags
 * hold for every filter but its own. The per-facet queries each read the matching rows again: a dozen passes for one.
 *
 * Multi-valued facets read the search arrays kept equal to the join tables (lib/server/recommendation-index.ts), as
 * the filters and the stats summaries do: a regional group counts the recommendations whose recommending States
 * include one of it (`recommendingRegions`), a theme those that have it (`themeIds`).
 */
export async function countFacetsInOnePass(filters: RecommendationFilters, scope: ViewerScope, facets: readonly LiveFacet[], db: Db): Promise<OnePassRows> {
  const statusScope = statusScopeOf(filters, scope);
  const conditions = filterConditions(filters, scope);
  // The review and the text search have no facet: they hold in every count. Every other set filter is a flag.
  const always = conditions.filter(([key]) => key === "review" || key === "q");
  const flagged = conditions.filter(([key]) => key !== "review" && key !== "q") as [LiveFacet & ConditionKey, Prisma.Sql][];
  const flag = (key: string) => Prisma.raw(`"f_${key}"`);
  const isSet = (facet: LiveFacet | null): boolean => flagged.some(([key]) => key === facet);
  /** The rows a facet counts: those of every filter (`s`) when its own filter is not set, else the relaxed set `m`. */
  // When no facet asked for is a set filter's own, `m` holds the rows of every filter already and is read as is.
  const relaxes = facets.some(isSet);
  const src = (own: LiveFacet | null): Prisma.Sql => (isSet(own) || !relaxes ? Prisma.sql`m r` : Prisma.sql`s r`);
  /** ... of which those whose flags hold for every set filter but the facet's own. */
  const cond = (own: LiveFacet | null): Prisma.Sql => {
    const required = isSet(own) ? flagged.filter(([key]) => key !== own).map(([key]) => Prisma.sql`r.${flag(key)}`) : [];
    return required.length === 0 ? Prisma.sql`TRUE` : Prisma.join(required, " AND ");
  };
  // The rows some asked-for facet counts: those meeting every filter but the facet's own (every filter when the facet
  // is not a filter that is set). Written with the conditions themselves, so indexes can select them.
  const relaxed = [...new Set(facets.map((facet) => (flagged.some(([key]) => key === facet) ? facet : null)))].map((own) => {
    const required = flagged.filter(([key]) => key !== own).map(([, condition]) => condition);
    return required.length === 0 ? Prisma.sql`TRUE` : Prisma.join(required, " AND ", "(", ")");
  });
  const where = [...always.map(([, condition]) => condition), relaxed.length === 0 ? Prisma.sql`TRUE` : Prisma.join(relaxed, " OR ", "(", ")")];
  const strict = flagged.length === 0 ? Prisma.sql`TRUE` : Prisma.join(flagged.map(([key]) => Prisma.sql`r.${flag(key)}`), " AND ");
  // Only the columns the facets asked for read.
  const wanted = (...keys: LiveFacet[]) => keys.some((key) => facets.includes(key));
  const columns = Prisma.raw(
    [
      wanted("wording") ? `, r."responseWording"` : "",
      wanted("region") ? `, r."recommendingRegions"` : "",
      wanted("theme", "affected") ? `, r."themeIds"` : "",
      wanted("action") ? `, r."actionCategories"` : "",
    ].join(""),
  );
  const flags = flagged.map(([key, condition]) => Prisma.sql`, COALESCE(${condition}, FALSE) AS ${flag(key)}`);

  // A join with m, not `IN (SELECT id FROM m)`: the planner then knows how many rows m holds (it guesses 200 distinct
  // ids for the IN) and merges the readable assessments with them, instead of probing the index once per row of m
  // (112 ms against 54 ms for the 22,786 matches of q=education at 250,000 rows).
  // The status facets read each counted recommendation's current status (as currentStatusesSql, for these alone) of each organisation in the scope once (`cs`).
  // It has none in the scope (the filter's not_assessed) when fewer organisations have one than the scope reads: one
  // for the public view (an organisation's latest public one), each of the viewer's own for `mine`.
  const organizationsRead = statusScope.kind === "public" ? 1 : new Set(statusScope.organizationIds).size;
  const branch: Record<LiveFacet, () => Prisma.Sql> = {
    cycle: () => Prisma.sql`SELECT 'cycle', r."cycle"::text, NULL, NULL, count(*)::int, row_number() OVER (ORDER BY r."cycle" DESC)
      FROM ${src("cycle")} WHERE ${cond("cycle")} GROUP BY r."cycle"`,
    sur: () => Prisma.sql`SELECT 'sur', x."sur", c."name", NULL, x."n", row_number() OVER (ORDER BY x."n" DESC, c."name", x."sur")
      FROM (SELECT r."sur", count(*)::int AS "n" FROM ${src("sur")} WHERE ${cond("sur")} GROUP BY r."sur") x JOIN "Country" c ON c."iso3" = x."sur"`,
    state: () => Prisma.sql`SELECT 'state', x."countryIso3", c."name", NULL, count(*)::int, row_number() OVER (ORDER BY count(*) DESC, c."name", x."countryIso3")
      -- OFFSET 0: a per-row probe of the primary key for the rows counted, not a join over the whole table.
      FROM ${src("state")} CROSS JOIN LATERAL (SELECT rs."countryIso3" FROM "RecommendationState" rs WHERE rs."recommendationId" = r."id" OFFSET 0) x
      JOIN "Country" c ON c."iso3" = x."countryIso3"
      WHERE ${cond("state")} GROUP BY x."countryIso3", c."name"`,
    region: () => Prisma.sql`SELECT 'region', g::text, NULL, NULL, count(*)::int, 0::bigint
      FROM ${src("region")} CROSS JOIN LATERAL unnest(r."recommendingRegions") g WHERE ${cond("region")} GROUP BY g`,
    theme: () => themes("theme", Prisma.sql`<>`),
    affected: () => themes("affected", Prisma.sql`=`),
    position: () => Prisma.sql`SELECT 'position', r."position"::text, NULL, NULL, count(*)::int, 0::bigint
      FROM ${src("position")} WHERE ${cond("position")} AND r."position" IS NOT NULL GROUP BY r."position"`,
    wording: () => Prisma.sql`SELECT 'wording', lower(r."responseWording"), NULL, NULL, count(*)::int, row_number() OVER (ORDER BY count(*) DESC, lower(r."responseWording"))
      FROM ${src("wording")} WHERE ${cond("wording")} AND r."responseWording" IS NOT NULL GROUP BY lower(r."responseWording")`,
    action: () => Prisma.sql`SELECT 'action', a::text, NULL, NULL, count(*)::int, row_number() OVER (ORDER BY a)
      FROM ${src("action")} CROSS JOIN LATERAL unnest(r."actionCategories") a WHERE ${cond("action")} GROUP BY a`,
    // As the per-facet queries count it: the current statuses in the scope (a recommendation once per status), then
    // the recommendations with none in the scope or an explicit "not assessed".
    status: () => Prisma.sql`SELECT 'status', c."status"::text, NULL, NULL, count(DISTINCT r."id")::int, 0::bigint
      FROM ${src("status")} JOIN cs c ON c."recommendationId" = r."id" WHERE ${cond("status")} GROUP BY c."status"
      UNION ALL
      SELECT 'status:none', 'NOT_ASSESSED', NULL, NULL, count(*)::int, 0::bigint
      FROM ${src("status")} LEFT JOIN (SELECT c."recommendationId", count(*) AS "organizations", bool_or(c."status" = 'NOT_ASSESSED') AS "notAssessed"
        FROM cs c GROUP BY 1) n ON n."recommendationId" = r."id"
      WHERE ${cond("status")} AND (COALESCE(n."notAssessed", FALSE) OR COALESCE(n."organizations", 0) < ${organizationsRead})`,
    // Recommended before: the later side of a confirmed link; again later: the earlier side (of another recommendation).
    recurring: () => Prisma.sql`SELECT 'recurring', 'earlier', NULL, NULL, count(*)::int, 0::bigint FROM ${src("recurring")} WHERE ${cond("recurring")}
        AND r."id" IN (SELECT l."laterId" FROM "RecommendationLink" l WHERE l."status" = 'CONFIRMED') HAVING count(*) > 0
      UNION ALL
      SELECT 'recurring', 'later', NULL, NULL, count(*)::int, 0::bigint FROM ${src("recurring")} WHERE ${cond("recurring")}
        AND r."id" IN (SELECT l."earlierId" FROM "RecommendationLink" l WHERE l."status" = 'CONFIRMED' AND l."laterId" <> l."earlierId") HAVING count(*) > 0`,
  };
  /** Both theme facets from one reading of the theme arrays, when they count the same rows (neither filter is set). */
  const bothThemes = (): Prisma.Sql => Prisma.sql`SELECT CASE WHEN t."scheme" = 'AFFECTED_PERSONS' THEN 'affected' ELSE 'theme' END, t."slug", t."name", t."scheme"::text, count(*)::int,
      row_number() OVER (PARTITION BY t."scheme" = 'AFFECTED_PERSONS' ORDER BY count(*) DESC, t."name", t."slug")
      FROM ${src("theme")} CROSS JOIN LATERAL unnest(r."themeIds") i JOIN "Theme" t ON t."id" = i WHERE ${cond("theme")} GROUP BY t."slug", t."name", t."scheme"`;
  const merged = facets.includes("theme") && facets.includes("affected") && !isSet("theme") && !isSet("affected");
  const counted = merged ? facets.filter((facet) => facet !== "affected") : facets;
  if (merged) branch.theme = bothThemes;
  function themes(own: "theme" | "affected", scheme: Prisma.Sql): Prisma.Sql {
    return Prisma.sql`SELECT ${Prisma.raw(`'${own}'`)}, t."slug", t."name", t."scheme"::text, count(*)::int, row_number() OVER (ORDER BY count(*) DESC, t."name", t."slug")
      FROM ${src(own)} CROSS JOIN LATERAL unnest(r."themeIds") i JOIN "Theme" t ON t."id" = i
      WHERE ${cond(own)} AND t."scheme" ${scheme} 'AFFECTED_PERSONS' GROUP BY t."slug", t."name", t."scheme"`;
  }

  // One statement of many small parts: its estimated cost would have PostgreSQL compile it (JIT) for far longer than it
  // runs (seconds, measured). Waiting for a connection is as long as any query's wait in the pool.
  const rows = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL jit = off`;
    return tx.$queryRaw<Counted[]>(Prisma.sql`
    WITH m AS MATERIALIZED (
      SELECT r."id", v."cycle", v."stateUnderReviewIso3" AS "sur", r."position"${columns}${flags.length > 0 ? Prisma.join(flags, "") : Prisma.empty}
      FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"
      WHERE ${Prisma.join(where, " AND ")}
    )${relaxes ? Prisma.sql`, s AS MATERIALIZED (SELECT * FROM m r WHERE ${strict})` : Prisma.empty}${
      facets.includes("status")
        ? Prisma.sql`, cs AS MATERIALIZED (SELECT DISTINCT ON (a."recommendationId", a."organizationId") a."recommendationId", a."organizationId", a."status"
            FROM "Assessment" a JOIN m ON m."id" = a."recommendationId" WHERE ${readableAssessmentsSql(statusScope)}
            ORDER BY a."recommendationId" DESC, a."organizationId" DESC, a."version" DESC)`
        : Prisma.empty
    }
    SELECT "facet", "value", "label", "scheme", "count" FROM (
      SELECT 'total' AS "facet", NULL::text AS "value", NULL::text AS "label", NULL::text AS "scheme", count(*)::int AS "count", 0::bigint AS "ord" FROM ${src(null)} WHERE ${cond(null)}
      ${counted.length > 0 ? Prisma.join(counted.map((facet) => Prisma.sql`UNION ALL ${branch[facet]()}`), "\n") : Prisma.empty}
    ) x ORDER BY "facet", "ord"`);
  }, { maxWait: 60_000, timeout: 60_000 });

  const of = (facet: string): Counted[] => rows.filter((row) => row.facet === facet);
  const plain = (facet: string): Row[] => of(facet).map(({ value, label, count }) => ({ value: value ?? "", label, count }));
  const result: OnePassRows = { total: of("total")[0]?.count ?? 0 };
  for (const facet of facets) {
    if (facet === "status") result.status = [plain("status"), plain("status:none")];
    else if (facet === "theme" || facet === "affected") result[facet] = of(facet).map(({ value, label, count, scheme }) => ({ value: value ?? "", label, count, scheme: scheme ?? "" }));
    else result[facet] = plain(facet);
  }
  return result;
}
