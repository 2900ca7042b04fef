import "server-only";
import type { ImportPreview, ReviewAction, ReviewPlan } from "@/lib/import/plan";
import { sourceFamily, type SourceFamily } from "@/lib/import/source-family";
import type { ParsedDocument } from "@/lib/import/types";
import type { Prisma } from "../generated/prisma/client";
import { countPositions, documentTotals, groupByReview, type ReviewGroup } from "@/lib/import/review-groups";
import { countWork, describeSources, loadReviews, totalWork, type LoadedReview, type WorkCounts } from "./loaded";

type Reader = Pick<Prisma.TransactionClient, "$queryRaw">;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function describeWork(work: WorkCounts): string {
  return [
    work.assessments > 0 && plural(work.assessments, "assessment"),
    work.notes > 0 && plural(work.notes, "note"),
    work.links > 0 && plural(work.links, "recurrence link"),
    work.overrides > 0 && plural(work.overrides, "action-category override"),
  ]
    .filter(Boolean)
    .join(", ");
}

/**
 * Source precedence for one review. A review loaded from another family keeps it (skip): two families would count
 * every recommendation twice, and an administrator decides which to trust. `replace` switches the source, unless
 * organisations' work hangs on the recommendations it would delete (refuse: no data loss).
 */
export function decideReview(
  family: SourceFamily,
  loaded: LoadedReview | undefined,
  replace: boolean,
  work: WorkCounts | undefined,
): { action: ReviewAction; existingFamily: SourceFamily | null; note: string | null } {
  const others = (loaded?.sources ?? []).filter((source) => source.family !== family);
  if (others.length === 0) return { action: "import", existingFamily: null, note: null };
  const existingFamily = others[0]!.family;
  const from = describeSources(others);
  if (!replace) return { action: "skip", existingFamily, note: `already loaded from ${from}` };
  if (work && totalWork(work) > 0) {
    return { action: "refuse", existingFamily, note: `not replaced: organisations' work hangs on the recommendations from ${from} (${describeWork(work)})` };
  }
  const count = others.reduce((sum, source) => sum + source.count, 0);
  return { action: "replace", existingFamily, note: `replaces ${from}: ${plural(count, "recommendation")} removed` };
}

/** The plan of one review, from what the database holds (`loaded`, `work`) and what the file brings. */
export function planReview(group: ReviewGroup, family: SourceFamily, loaded: LoadedReview | undefined, replace: boolean, work: WorkCounts | undefined): ReviewPlan {
  return {
    stateUnderReview: group.stateUnderReview,
    cycle: group.cycle,
    session: group.ref.session,
    found: group.recommendations.length,
    positions: countPositions(group.recommendations),
    unknownRecommendingStates: group.recommendations.filter((rec) => rec.unknownRecommendingStates > 0).length,
    reported: loaded?.reportedTotal ?? null,
    loaded: loaded?.loaded ?? 0,
    ...decideReview(family, loaded, replace, work),
  };
}

/** What the database holds for the reviews of a file, and, when replacing, the work on what would be replaced. */
export async function readReviewState(db: Reader, groups: readonly ReviewGroup[], family: SourceFamily, replace: boolean): Promise<{ loaded: Map<string, LoadedReview>; work: Map<number, WorkCounts> }> {
  const loaded = await loadReviews(db, groups);
  const candidates = replace ? [...loaded.values()].filter((review) => review.sources.some((source) => source.family !== family)).map((review) => review.reviewId) : [];
  return { loaded, work: await countWork(db, candidates, family) };
}

/** The file-level part of a preview, around its review plans. Without a database every review reads "import". */
export function buildPreview(doc: ParsedDocument, reviews: ReviewPlan[]): ImportPreview {
  return { ...documentTotals(doc), reviews };
}

/**
 * The plan of an import, review by review, without writing anything: what the CLI's --dry-run and the browser
 * import's preview show. `db` null plans without a database (nothing is known to be loaded).
 */
export async function planImport(db: Reader | null, doc: ParsedDocument, replace: boolean): Promise<ImportPreview> {
  const family = sourceFamily(doc.format);
  const groups = groupByReview(doc);
  const state = db ? await readReviewState(db, groups, family, replace) : { loaded: new Map<string, LoadedReview>(), work: new Map<number, WorkCounts>() };
  const reviews = groups.map((group) => {
    const loaded = state.loaded.get(group.key);
    return planReview(group, family, loaded, replace, loaded && state.work.get(loaded.reviewId));
  });
  return buildPreview(doc, reviews);
}
