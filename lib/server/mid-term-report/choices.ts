import "server-only";
import type { ThemeScheme } from "@/lib/import/types";
import { filtersOf } from "@/lib/search-params";
import { getDb } from "../db";
import { Prisma } from "../generated/prisma/client";
import { reportQuery } from ".";
import { authorize, type Viewer } from "../permissions";
import { buildRecommendationWhere, type WhereOptions } from "../recommendation-where";

/**
 * The counts on the mid-term report's form, for the choices made: each theme's count follows the positions chosen,
 * the positions' counts follow the themes chosen, and the assessed counts follow both. Every count runs the report's
 * own query (`reportQuery` and the explorer's where-builder), so a theme counted N gives a section of N, and a
 * position choice counted N gives a report of N.
 */

export type ReportThemeOption = { slug: string; name: string; code: string | null; count: number };
export type ReportThemeGroup = { scheme: ThemeScheme; themes: ReportThemeOption[] };

export type ReportChoiceCounts = {
  /** Every theme of the review (a chosen theme stays, with 0, when the positions chosen leave none), by scheme. */
  themeGroups: ReportThemeGroup[];
  /** Recommendations the report lists for the themes chosen, noted ones included or left out. */
  positions: { withNoted: number; withoutNoted: number };
  /** Recommendations of the report as chosen that the organisation has assessed: at all, or publicly (not withdrawn). */
  assessed: { all: number; public: number } | null;
};

export type ReportChoice = { review: number; theme: readonly string[]; noted: boolean };

const FROM = Prisma.sql`FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"`;

function whereOf(choice: ReportChoice, options: WhereOptions = {}): Prisma.Sql {
  return buildRecommendationWhere(filtersOf(reportQuery(choice)), options);
}

/** One organisation's assessment of the recommendation `r`, at all or public and not withdrawn. */
function assessedBy(organizationId: string, publicOnly: boolean): Prisma.Sql {
  const readable = publicOnly ? Prisma.sql`AND a."visibility" = 'PUBLIC' AND a."withdrawnAt" IS NULL` : Prisma.empty;
  return Prisma.sql`EXISTS (SELECT 1 FROM "Assessment" a WHERE a."recommendationId" = r."id" AND a."organizationId" = ${organizationId} ${readable})`;
}

/**
 * The form's counts. `organizationId` (one of the viewer's, checked here: the counts tell which recommendations it has
 * assessed, privately too) adds the assessed counts; without it they are null.
 */
export async function countReportChoices(viewer: Viewer | null, choice: ReportChoice, organizationId: string | null): Promise<ReportChoiceCounts> {
  if (organizationId) authorize(viewer, "organization.readPrivate", { organizationId });
  const db = getDb();
  type ThemeRow = ReportThemeOption & { scheme: ThemeScheme };
  const [themes, [positions], assessed] = await Promise.all([
    db.$queryRaw<ThemeRow[]>(Prisma.sql`SELECT t."slug", t."name", t."code", t."scheme"::text AS "scheme",
        (count(*) FILTER (WHERE ${whereOf(choice, { except: "theme" })}))::int AS "count"
      ${FROM} CROSS JOIN LATERAL unnest(r."themeIds") AS rt("themeId") JOIN "Theme" t ON t."id" = rt."themeId"
      WHERE r."reviewId" = ${choice.review} GROUP BY t."id" ORDER BY t."scheme", t."code", t."name"`),
    db.$queryRaw<{ withNoted: number; withoutNoted: number }[]>(Prisma.sql`SELECT count(*)::int AS "withNoted",
        (count(*) FILTER (WHERE ${whereOf({ ...choice, noted: false })}))::int AS "withoutNoted"
      ${FROM} WHERE ${whereOf({ ...choice, noted: true })}`),
    organizationId
      ? db.$queryRaw<{ all: number; public: number }[]>(Prisma.sql`SELECT (count(*) FILTER (WHERE ${assessedBy(organizationId, false)}))::int AS "all",
          (count(*) FILTER (WHERE ${assessedBy(organizationId, true)}))::int AS "public"
        ${FROM} WHERE ${whereOf(choice)}`)
      : Promise.resolve(null),
  ]);

  const groups = new Map<ThemeScheme, ReportThemeGroup>();
  for (const { scheme, ...theme } of themes) {
    const group = groups.get(scheme) ?? { scheme, themes: [] };
    group.themes.push(theme);
    groups.set(scheme, group);
  }
  return { themeGroups: [...groups.values()], positions: positions ?? { withNoted: 0, withoutNoted: 0 }, assessed: assessed?.[0] ?? null };
}
