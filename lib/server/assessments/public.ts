import "server-only";
import { Prisma } from "../generated/prisma/client";

/**
 * What "public" means for an assessment, in one place: saved as public and not withdrawn since. Every read that
 * anyone outside the organisation may see goes through one of these two forms (the recommendation page, the status
 * filter and its counts, the charts, the JSON API, the CSV, the mid-term report's public-only mode), so a withdrawn
 * version leaves every public view at once. Assessment_status_lookup_idx holds both columns, so the SQL form stays
 * an index-only scan.
 */
export const PUBLIC_ASSESSMENT = { visibility: "PUBLIC", withdrawnAt: null } as const satisfies Prisma.AssessmentWhereInput;

/** The same predicate in SQL, for the assessment table read as `alias` (`a` by default). */
export function publicAssessmentSql(alias = "a"): Prisma.Sql {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`not a table alias: ${alias}`);
  const a = Prisma.raw(alias);
  return Prisma.sql`(${a}."visibility" = 'PUBLIC' AND ${a}."withdrawnAt" IS NULL)`;
}
