import "server-only";
import type { FindingFilter } from "@/lib/search-params";
import { Prisma } from "../generated/prisma/client";

/**
 * The SQL of the explorer's `finding=` and `body=` filters (lib/search-params.ts), read by the one where-builder
 * (lib/server/recommendation-where.ts) and the facets. Links are public once CONFIRMED, whichever organisation made
 * them: a REJECTED suggestion never counts. The recommendation is read as `r`.
 *
 * Set together, the two filters say one thing: "contradicted by CERD" (`finding=contradicts&body=CERD`) is a link
 * that has both the stance and the body, not a contradiction by one body and a link of another. So each condition
 * reads the other filter's value too, and their conjunction is the same set.
 */

export const STANCE_OF: Partial<Record<FindingFilter, "CONTRADICTS" | "SUPPORTS" | "CONTEXT">> = {
  contradicts: "CONTRADICTS",
  supports: "SUPPORTS",
  context: "CONTEXT",
};

/** The ids of recommendations with a confirmed link, of one of `stances` when given, to a finding of one of `bodies`. */
export function linkedRecommendationIds(stances: readonly string[] | null, bodies: readonly string[]): Prisma.Sql {
  const stance = stances ? Prisma.sql` AND fl."stance" IN (${Prisma.join(stances.map((s) => Prisma.sql`${s}::"FindingStance"`))})` : Prisma.empty;
  if (bodies.length === 0) return Prisma.sql`SELECT fl."recommendationId" FROM "FindingLink" fl WHERE fl."status" = 'CONFIRMED'${stance}`;
  return Prisma.sql`SELECT fl."recommendationId" FROM "FindingLink" fl JOIN "Finding" f ON f."id" = fl."findingId"
    JOIN "UnDocument" d ON d."id" = f."documentId" WHERE fl."status" = 'CONFIRMED'${stance} AND d."body" IN (${Prisma.join([...bodies])})`;
}

/** The stances `finding` names, or null when it has `any` or `none` or nothing (then any stance counts for `body`). */
export function stancesOf(finding: readonly FindingFilter[]): string[] | null {
  if (finding.length === 0 || finding.some((value) => !STANCE_OF[value])) return null;
  return finding.map((value) => STANCE_OF[value]!);
}

/** Any of the `finding` values (OR), counting only the findings of `bodies` when some are given. */
export function findingCondition(finding: readonly FindingFilter[], bodies: readonly string[]): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const stances = finding.flatMap((value) => (STANCE_OF[value] ? [STANCE_OF[value]] : []));
  if (stances.length > 0) parts.push(Prisma.sql`r."id" IN (${linkedRecommendationIds(stances, bodies)})`);
  if (finding.includes("any")) parts.push(Prisma.sql`r."id" IN (${linkedRecommendationIds(null, bodies)})`);
  if (finding.includes("none")) parts.push(Prisma.sql`r."id" NOT IN (${linkedRecommendationIds(null, bodies)})`);
  return parts.length === 0 ? Prisma.sql`TRUE` : Prisma.join(parts, " OR ", "(", ")");
}

/** A confirmed link to a finding of one of `bodies`, with the stance `finding` names when it names only stances. */
export function bodyCondition(bodies: readonly string[], finding: readonly FindingFilter[]): Prisma.Sql {
  return Prisma.sql`r."id" IN (${linkedRecommendationIds(stancesOf(finding), bodies)})`;
}
