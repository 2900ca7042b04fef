/**
 * What withdrawing one public version leaves public, for the confirmation the organisation reads first. Pure, on the
 * organisation's own history (newest first, stored version numbers), so the page says exactly what the server does:
 * the highest public version that is not withdrawn is the one outsiders see as current.
 */
export type HistoryVersion = { id: string; version: number; visibility: "private" | "public"; withdrawal: unknown };

export type AfterWithdrawal = { kind: "becomes-current"; version: number } | { kind: "stays-current"; version: number } | { kind: "none-left" };

export const isPublished = (version: HistoryVersion): boolean => version.visibility === "public" && !version.withdrawal;

export function publicAfterWithdrawal(history: readonly HistoryVersion[], assessmentId: string): AfterWithdrawal {
  const published = history.filter(isPublished).sort((a, b) => b.version - a.version);
  const remaining = published.filter((version) => version.id !== assessmentId);
  if (remaining.length === 0) return { kind: "none-left" };
  return published[0]!.id === assessmentId ? { kind: "becomes-current", version: remaining[0]!.version } : { kind: "stays-current", version: remaining[0]!.version };
}
