import "server-only";
import type { ReportFinding, ReportFindingStance } from "@/lib/schemas/mid-term-report";
import { getDb, type Db } from "../db";
import { authorize, type Viewer } from "../permissions";
import { fromDbEnum } from "../wire-enums";
import { citedFinding, type FindingRow } from "./assessments";

type LinkRow = FindingRow & { recommendationId: number; stance: string; excerpt: string | null };

/**
 * The UN findings one organisation linked to the recommendations of one review: its CONFIRMED FindingLink rows only
 * (never another organisation's, never a rejected suggestion), per recommendation, contradicting ones first, then by
 * body, symbol and paragraph. What its mid-term report and its OHCHR matrix cite. Only its members may read this,
 * like its assessments: which findings it linked is its own work, even if the findings themselves are public.
 */
export async function confirmedFindingsInReview(viewer: Viewer | null, organizationId: string, reviewId: number, db: Db = getDb()): Promise<Map<number, ReportFinding[]>> {
  authorize(viewer, "organization.readPrivate", { organizationId });
  const rows = await db.$queryRaw<LinkRow[]>`
    SELECT l."recommendationId", l."stance"::text AS "stance", l."excerpt", f."id", d."body", d."symbol", f."paragraph",
      to_char(d."date", 'YYYY-MM-DD') AS "date", d."url", d."language"
    FROM "Recommendation" r
      JOIN "FindingLink" l ON l."recommendationId" = r."id" AND l."organizationId" = ${organizationId} AND l."status" = 'CONFIRMED'
      JOIN "Finding" f ON f."id" = l."findingId" JOIN "UnDocument" d ON d."id" = f."documentId"
    WHERE r."reviewId" = ${reviewId} AND l."stance" IS NOT NULL
    ORDER BY l."recommendationId", array_position(ARRAY['CONTRADICTS', 'SUPPORTS', 'CONTEXT'], l."stance"::text), d."body", d."symbol", f."paragraph" NULLS LAST, f."id"`;
  const byRecommendation = new Map<number, ReportFinding[]>();
  for (const { recommendationId, stance, excerpt, ...finding } of rows) {
    const list = byRecommendation.get(recommendationId) ?? [];
    list.push({ ...citedFinding(finding), stance: fromDbEnum(stance) as ReportFindingStance, excerpt });
    byRecommendation.set(recommendationId, list);
  }
  return byRecommendation;
}
