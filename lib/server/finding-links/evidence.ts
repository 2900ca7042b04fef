import "server-only";
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";

/**
 * The document symbols of the findings an assessment's evidence picked (by id), for its `reference`; a ZodError naming
 * the evidence row when one does not exist, so the assessment is refused whole, never saved without its evidence.
 */
export async function citedFindings(tx: Prisma.TransactionClient, evidence: readonly { findingId?: number }[]): Promise<Map<number, string>> {
  const ids = [...new Set(evidence.flatMap((item) => (item.findingId === undefined ? [] : [item.findingId])))];
  if (ids.length === 0) return new Map();
  const found = await tx.finding.findMany({ where: { id: { in: ids } }, select: { id: true, document: { select: { symbol: true } } } });
  const symbols = new Map(found.map((finding) => [finding.id, finding.document.symbol]));
  const issues = evidence.flatMap((item, index) =>
    item.findingId !== undefined && !symbols.has(item.findingId) ? [{ code: "custom" as const, path: ["evidence", index, "findingId"], message: "no such finding", input: item.findingId }] : [],
  );
  if (issues.length > 0) throw new z.ZodError(issues);
  return symbols;
}
