import "server-only";
import { SOURCE_FAMILY_NAMES, storedSourceFamily, type SourceFamily } from "@/lib/import/source-family";
import type { ImportFormat } from "@/lib/import/types";
import { Prisma } from "../generated/prisma/client";
import type { ReviewGroup } from "@/lib/import/review-groups";

/**
 * What the database already holds for the reviews of a file: where their recommendations come from, and the
 * organisations' work that hangs on them. Set-based: one statement for all the reviews of a file, however many.
 */

type Reader = Pick<Prisma.TransactionClient, "$queryRaw">;

/** The database's SourceFormat value of each layout. */
export const STORED_FORMAT = {
  "ohchr-thematic-list": "OHCHR_THEMATIC_LIST",
  "upr-info-csv": "UPR_INFO_CSV",
  "upr-info-uwazi-csv": "UPR_INFO_UWAZI_CSV",
  "uhri-xlsx": "UHRI_XLSX",
  "uhri-json": "UHRI_JSON",
} as const satisfies Record<ImportFormat, string>;

/** The stored formats of every family but `family`: the recommendations a replace removes. */
export function formatsOutside(family: SourceFamily): string[] {
  return Object.values(STORED_FORMAT).filter((format) => storedSourceFamily(format) !== family);
}

export type LoadedSource = { family: SourceFamily | null; fileName: string; count: number };

export type LoadedReview = {
  reviewId: number;
  session: number | null;
  reportSymbol: string | null;
  addendumSymbol: string | null;
  reportedTotal: number | null;
  loaded: number;
  /** One entry per source document holding some of the review's recommendations, largest first. */
  sources: LoadedSource[];
};

type LoadedRow = Omit<LoadedReview, "loaded" | "sources"> & { key: string; format: string | null; fileName: string | null; count: number };

/** The existing reviews among `groups`, by review key ("CHN:3"); a review not yet in the database is absent. */
export async function loadReviews(db: Reader, groups: readonly Pick<ReviewGroup, "stateUnderReview" | "cycle">[]): Promise<Map<string, LoadedReview>> {
  const rows = await db.$queryRaw<LoadedRow[]>`
    SELECT v."stateUnderReviewIso3" || ':' || v."cycle" AS "key", v."id" AS "reviewId", v."session", v."reportSymbol", v."addendumSymbol", v."reportedTotal",
      s."format"::text AS "format", s."fileName", count(r."id")::int AS "count"
    FROM unnest(${groups.map((g) => g.stateUnderReview)}::text[], ${groups.map((g) => g.cycle)}::int[]) AS f("iso3", "cycle")
    JOIN "Review" v ON v."stateUnderReviewIso3" = f."iso3" AND v."cycle" = f."cycle"
    LEFT JOIN "Recommendation" r ON r."reviewId" = v."id"
    LEFT JOIN "SourceDocument" s ON s."id" = r."sourceDocumentId"
    GROUP BY v."id", s."id"
    ORDER BY v."id", count(r."id") DESC, s."id"`;
  const reviews = new Map<string, LoadedReview>();
  for (const row of rows) {
    const { key, format, fileName, count, ...facts } = row;
    const review = reviews.get(key) ?? { ...facts, loaded: 0, sources: [] };
    reviews.set(key, review);
    if (format === null || count === 0) continue;
    review.loaded += count;
    review.sources.push({ family: storedSourceFamily(format), fileName: fileName ?? "", count });
  }
  return reviews;
}

/** Organisations' work on a review's recommendations from other families: what a replace would destroy. */
export type WorkCounts = { assessments: number; notes: number; links: number; overrides: number };

const NO_WORK: WorkCounts = { assessments: 0, notes: 0, links: 0, overrides: 0 };

export function totalWork(work: WorkCounts): number {
  return work.assessments + work.notes + work.links + work.overrides;
}

/** The work on the recommendations of `reviewIds` that do not come from `family`, by review id. */
export async function countWork(db: Reader, reviewIds: number[], family: SourceFamily): Promise<Map<number, WorkCounts>> {
  const work = new Map<number, WorkCounts>();
  if (reviewIds.length === 0) return work;
  const rows = await db.$queryRaw<{ reviewId: number; kind: keyof WorkCounts; n: number }[]>`
    WITH old AS (
      SELECT r."id", r."reviewId" FROM "Recommendation" r JOIN "SourceDocument" s ON s."id" = r."sourceDocumentId"
      WHERE r."reviewId" = ANY(${reviewIds}::int[]) AND s."format"::text = ANY(${formatsOutside(family)}::text[])
    )
    SELECT o."reviewId", 'assessments' AS "kind", count(*)::int AS "n" FROM "Assessment" x JOIN old o ON o."id" = x."recommendationId" GROUP BY o."reviewId"
    UNION ALL
    SELECT o."reviewId", 'notes', count(*)::int FROM "Note" x JOIN old o ON o."id" = x."recommendationId" GROUP BY o."reviewId"
    UNION ALL
    SELECT o."reviewId", 'links', count(DISTINCT (x."earlierId", x."laterId"))::int FROM "RecommendationLink" x
      JOIN old o ON o."id" = x."earlierId" OR o."id" = x."laterId" GROUP BY o."reviewId"
    UNION ALL
    SELECT o."reviewId", 'overrides', count(*)::int FROM "ActionCategoryOverride" x JOIN old o ON o."id" = x."recommendationId" GROUP BY o."reviewId"`;
  for (const row of rows) {
    const counts = work.get(row.reviewId) ?? { ...NO_WORK };
    counts[row.kind] = row.n;
    work.set(row.reviewId, counts);
  }
  return work;
}

/**
 * Locks the recommendations a replace will delete, so no assessment or note can be added to them between the check
 * for organisations' work and the delete (a concurrent writer waits, then fails on the missing recommendation).
 */
export async function lockOtherFamilies(db: Reader, reviewId: number, family: SourceFamily): Promise<void> {
  await db.$queryRaw`
    SELECT r."id" FROM "Recommendation" r JOIN "SourceDocument" s ON s."id" = r."sourceDocumentId"
    WHERE r."reviewId" = ${reviewId} AND s."format"::text = ANY(${formatsOutside(family)}::text[])
    FOR UPDATE OF r`;
}

/** "the OHCHR thematic list (CHN-cycle2-2013-thematic-list.docx)", one phrase per other family. */
export function describeSources(sources: readonly LoadedSource[]): string {
  const byFamily = new Map<string, string[]>();
  for (const source of sources) {
    const name = source.family ? SOURCE_FAMILY_NAMES[source.family] : "an unknown source";
    const files = byFamily.get(name) ?? [];
    if (source.fileName && !files.includes(source.fileName)) files.push(source.fileName);
    byFamily.set(name, files);
  }
  return [...byFamily].map(([name, files]) => `the ${name}${files.length > 0 ? ` (${files.join(", ")})` : ""}`).join(" and ");
}
