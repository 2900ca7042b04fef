import "server-only";
import type { FindingLinkView, FindingStanceWire } from "@/lib/schemas/finding-link";
import { getDb, type Db } from "../db";

const STANCE_ORDER: FindingStanceWire[] = ["contradicts", "supports", "context"];

/**
 * The confirmed links of a recommendation, as its page's "UN findings" section shows them: public (findings are
 * public records and a confirmed link is an organisation's public statement), contradicting ones first, then the
 * newest documents. Rejected suggestions are an organisation's own business and never read here.
 */
export async function listFindingLinks(recommendationId: number, db: Db = getDb()): Promise<FindingLinkView[]> {
  const links = await db.findingLink.findMany({
    where: { recommendationId, status: "CONFIRMED", stance: { not: null } },
    select: {
      findingId: true,
      stance: true,
      excerpt: true,
      decidedAt: true,
      organization: { select: { id: true, name: true } },
      finding: {
        select: {
          paragraph: true,
          text: true,
          document: { select: { symbol: true, body: true, title: true, date: true, url: true, language: true } },
        },
      },
    },
    orderBy: [{ finding: { document: { date: { sort: "desc", nulls: "last" } } } }, { findingId: "asc" }, { decidedAt: "asc" }],
  });
  const views = links.map(
    (link): FindingLinkView => ({
      findingId: link.findingId,
      stance: link.stance!.toLowerCase() as FindingStanceWire,
      excerpt: link.excerpt,
      decidedAt: link.decidedAt.toISOString(),
      organization: link.organization,
      finding: {
        paragraph: link.finding.paragraph,
        text: link.finding.text,
        document: { ...link.finding.document, date: link.finding.document.date ? link.finding.document.date.toISOString().slice(0, 10) : null },
      },
    }),
  );
  return views.sort((a, b) => STANCE_ORDER.indexOf(a.stance) - STANCE_ORDER.indexOf(b.stance));
}

/** For each recommendation, the UN bodies whose findings are linked to it, by stance ("contradicts" → ["CAT", "CERD"]). */
export type FindingBodies = Partial<Record<FindingStanceWire, string[]>>;

/**
 * The bodies of the confirmed findings of a page of recommendations, one query for the page: the explorer says in each
 * row which UN bodies contradict (or support) the government's claim, so "which body" is read in the list itself.
 */
export async function listFindingBodies(recommendationIds: readonly number[], db: Db = getDb()): Promise<Record<number, FindingBodies>> {
  if (recommendationIds.length === 0) return {};
  const rows = await db.$queryRaw<{ id: number; stance: string; bodies: string[] }[]>`
    SELECT fl."recommendationId" AS "id", fl."stance"::text AS "stance", array_agg(DISTINCT d."body" ORDER BY d."body") AS "bodies"
    FROM "FindingLink" fl
    JOIN "Finding" f ON f."id" = fl."findingId"
    JOIN "UnDocument" d ON d."id" = f."documentId"
    WHERE fl."recommendationId" = ANY(${[...recommendationIds]}::int[]) AND fl."status" = 'CONFIRMED' AND fl."stance" IS NOT NULL
    GROUP BY 1, 2`;
  const out: Record<number, FindingBodies> = {};
  for (const row of rows) (out[row.id] ??= {})[row.stance.toLowerCase() as FindingStanceWire] = row.bodies;
  return out;
}
