import "server-only";
import type { EvidenceDto } from "@/lib/schemas/assessment";
import type { ReportAssessment, ReportCitedFinding, ReportEvidence } from "@/lib/schemas/mid-term-report";
import { unDocumentUrl } from "@/lib/un-documents/links";
import { getDb, type Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { authorize, type Viewer } from "../permissions";
import { fromDbEnum } from "../wire-enums";

type EvidenceRow = { kind: string; reference: string; excerpt: string | null; date: string | null; stance: string; finding: FindingRow | null };
export type FindingRow = { id: number; body: string; symbol: string; paragraph: string | null; date: string | null; url: string | null; language: string };
type CurrentRow = {
  recommendationId: number;
  status: string;
  assessedOn: string;
  confidence: string;
  visibility: string;
  withdrawnOn: string | null;
  version: number;
  rationale: string;
  evidence: EvidenceRow[];
};

/**
 * One organisation's current assessment of each recommendation of one review that it has assessed: its latest version,
 * private or public; with `publicOnly`, its latest public version that is not withdrawn (a withdrawn version is no
 * longer public). What its own reports state. One statement, driven from the review's recommendations (through the
 * `reviewId` index, then the assessments' (recommendation, organisation, version) key): its cost follows the review,
 * not the database. Only the organisation's members may read this, any role.
 */
export async function currentAssessmentsInReview(
  viewer: Viewer | null,
  organizationId: string,
  reviewId: number,
  { publicOnly = false }: { publicOnly?: boolean } = {},
  db: Db = getDb(),
): Promise<Map<number, ReportAssessment>> {
  authorize(viewer, "organization.readPrivate", { organizationId });
  const readable = publicOnly ? Prisma.sql`AND a."visibility" = 'PUBLIC' AND a."withdrawnAt" IS NULL` : Prisma.empty;
  // Per recommendation, its newest readable version through the (recommendation, organisation, version) key.
  const rows = await db.$queryRaw<CurrentRow[]>`
    SELECT a."recommendationId", a."status"::text AS "status", to_char(a."assessedOn", 'YYYY-MM-DD') AS "assessedOn", a."confidence"::text AS "confidence",
      a."visibility"::text AS "visibility", to_char(a."withdrawnAt", 'YYYY-MM-DD') AS "withdrawnOn", a."version", a."rationale",
      COALESCE((SELECT json_agg(json_build_object('kind', e."kind", 'reference', e."reference", 'excerpt', e."excerpt",
          'date', to_char(e."date", 'YYYY-MM-DD'), 'stance', e."stance",
          'finding', CASE WHEN f."id" IS NULL THEN NULL ELSE json_build_object('id', f."id", 'body', d."body", 'symbol', d."symbol",
            'paragraph', f."paragraph", 'date', to_char(d."date", 'YYYY-MM-DD'), 'url', d."url", 'language', d."language") END) ORDER BY e."position")
        FROM "Evidence" e LEFT JOIN "Finding" f ON f."id" = e."findingId" LEFT JOIN "UnDocument" d ON d."id" = f."documentId"
        WHERE e."assessmentId" = a."id"), '[]') AS "evidence"
    FROM "Recommendation" r CROSS JOIN LATERAL (
      SELECT a."id", a."recommendationId", a."status", a."assessedOn", a."confidence", a."visibility", a."withdrawnAt", a."version", a."rationale"
      FROM "Assessment" a WHERE a."recommendationId" = r."id" AND a."organizationId" = ${organizationId} ${readable}
      ORDER BY a."version" DESC LIMIT 1
    ) a
    WHERE r."reviewId" = ${reviewId}`;
  return new Map(rows.map((row) => [row.recommendationId, toReportAssessment(row)]));
}

function toReportAssessment(row: CurrentRow): ReportAssessment {
  return {
    status: fromDbEnum(row.status) as ReportAssessment["status"],
    assessedOn: row.assessedOn,
    confidence: fromDbEnum(row.confidence) as ReportAssessment["confidence"],
    visibility: fromDbEnum(row.visibility) as ReportAssessment["visibility"],
    withdrawnOn: row.withdrawnOn,
    version: row.version,
    rationale: row.rationale,
    evidence: row.evidence.map(
      (item): ReportEvidence => ({
        kind: item.kind === "UN_SYMBOL" ? "un-symbol" : "url",
        reference: item.reference,
        excerpt: item.excerpt,
        date: item.date,
        stance: fromDbEnum(item.stance) as EvidenceDto["stance"],
        // Only on an item that cites a finding, so the others keep the assessment's own shape.
        ...(item.finding ? { finding: citedFinding(item.finding) } : {}),
      }),
    ),
  };
}

/** A finding as cited: where to read it is its document's own address, else docs.un.org by its symbol. */
export function citedFinding(row: FindingRow): ReportCitedFinding {
  return { id: row.id, body: row.body, symbol: row.symbol, paragraph: row.paragraph, date: row.date, url: row.url ?? unDocumentUrl(row.symbol, row.language) };
}
