import "server-only";
import type { ImportEvent, ImportPreview, ImportResult, ReviewOutcome, ReviewPlan } from "@/lib/import/plan";
import { sourceFamily } from "@/lib/import/source-family";
import type { ParsedDocument } from "@/lib/import/types";
import { syncCountries } from "../countries";
import { getDb, type Db } from "../db";
import { forgetAllPublicData } from "../public-cache";
import { ImportRejectedError } from "./errors";
import { groupByReview, reviewKey } from "@/lib/import/review-groups";
import { buildPreview, planImport } from "./plan";
import { importReview, type ImportContext } from "./review";
import { compactRollup } from "../stats/summary-refresh";
import { importFindings } from "../findings/import";

export { ImportRejectedError } from "./errors";

/** A long review (tens of thousands of rows) must not hit Prisma's 5-second default for an interactive transaction. */
const TRANSACTION = { timeout: 10 * 60_000, maxWait: 60_000 };

/**
 * The plan of an import, review by review, without writing anything: what the CLI's --dry-run and the browser
 * import's preview show. A review already loaded from another source family is skipped, or with `replace` replaced
 * (refused when organisations' work hangs on it). `db: null` plans without a database.
 */
export async function previewImport(doc: ParsedDocument, options: { replace?: boolean; db?: Db | null } = {}): Promise<ImportPreview> {
  return planImport(options.db === null ? null : (options.db ?? getDb()), doc, options.replace === true);
}

/**
 * Applies an import: one transaction per review, so a review is all or nothing and a failure (or a kill) part-way
 * leaves the reviews before it committed and the current one as it was. Recommendations are matched on their stable
 * source key: the same file again writes nothing, a corrected file updates the rows it changes. Events go to
 * `onEvent` as it goes (the CLI prints them, the browser import streams them). A file with errors writes nothing.
 */
export async function applyImport(
  doc: ParsedDocument,
  options: { replace?: boolean; actorUserId?: string | null; onEvent?: (event: ImportEvent) => void; db?: Db } = {},
): Promise<ImportResult> {
  if (doc.errors.length > 0) throw new ImportRejectedError(doc.fileName, doc.errors);
  const findings = doc.findings?.length ?? 0;
  if (doc.recommendations.length + findings === 0) throw new ImportRejectedError(doc.fileName, [{ location: "file", message: "no recommendations to import", kind: "file" }]);
  const db = options.db ?? getDb();
  const emit = options.onEvent ?? (() => {});
  const replace = options.replace === true;

  // Once per file: the Country table, the regions of its States, the plan.
  await syncCountries(db);
  const countries = await db.country.findMany({ select: { iso3: true, regionalGroup: true } });
  const ctx: ImportContext = {
    doc,
    family: sourceFamily(doc.format),
    replace,
    actorUserId: options.actorUserId ?? null,
    regionOf: new Map(countries.map((c) => [c.iso3, c.regionalGroup])),
    committed: { sourceDocumentId: null, themeIds: new Map() },
  };
  const groups = groupByReview(doc);
  emit({ type: "preview", preview: await planImport(db, doc, replace) });

  // One transaction per review, in the plan's order.
  const reviews: ReviewPlan[] = [];
  const outcomes: ReviewOutcome[] = [];
  let sourceDocumentId: number | null = null;
  for (const [index, group] of groups.entries()) {
    const at = { index, of: groups.length, stateUnderReview: group.stateUnderReview, cycle: group.cycle };
    emit({ type: "review", ...at, phase: "start" });
    try {
      const written = await db.$transaction((tx) => importReview(tx, ctx, group), TRANSACTION);
      // The detail pages' shared public parts (suggestions, related recommendations) may have changed.
      forgetAllPublicData();
      reviews.push(written.plan);
      outcomes.push(written.outcome);
      // Committed: later reviews may rely on the file's document row and the themes this one wrote.
      sourceDocumentId ??= written.sourceDocumentId;
      ctx.committed.sourceDocumentId = sourceDocumentId;
      for (const [key, id] of written.themeIds) ctx.committed.themeIds.set(key, id);
      emit({ type: "review", ...at, phase: "done", outcome: written.outcome });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      emit({ type: "error", message: `${group.stateUnderReview} cycle ${group.cycle}: not imported (${reason}); the reviews before it are imported` });
      throw error;
    }
  }
  // The findings (treaty bodies, special procedures), all in one transaction after the reviews.
  let findingOutcome: ImportResult["findingOutcome"] = null;
  if (findings > 0) {
    try {
      const written = await db.$transaction((tx) => importFindings(tx, doc, { actorUserId: ctx.actorUserId, sourceDocumentId, themeIds: ctx.committed.themeIds }), TRANSACTION);
      forgetAllPublicData();
      findingOutcome = written.outcome;
      sourceDocumentId ??= written.sourceDocumentId;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      emit({ type: "error", message: `findings: not imported (${reason})${groups.length > 0 ? "; the reviews before them are imported" : ""}` });
      throw error;
    }
  }
  // Each review's transaction appended its stats differences: fold them (stats/summary-refresh.ts).
  await compactRollup(db);
  const result: ImportResult = { ...buildPreview(doc, reviews), sourceDocumentId, outcomes, findingOutcome };
  emit({ type: "result", result });
  return result;
}

export type ImportOutcome = {
  /** Null when every review was skipped or refused, so the file was not recorded. */
  sourceDocumentId: number | null;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Reviews left as they were: skipped (another source) or refused (a replace that would lose work). */
  skipped: number;
};

/**
 * The totals of `applyImport`, for the seed and callers that need no plan: the same writer, one transaction per
 * review. `onProgress` counts recommendations of the reviews done.
 */
export async function importParsedDocument(
  doc: ParsedDocument,
  options: { onProgress?: (done: number, total: number) => void; db?: Db; actorUserId?: string | null; replace?: boolean } = {},
): Promise<ImportOutcome> {
  const total = doc.recommendations.length;
  const found = new Map(groupByReview(doc).map((group) => [group.key, group.recommendations.length]));
  let done = 0;
  const result = await applyImport(doc, {
    db: options.db,
    actorUserId: options.actorUserId,
    replace: options.replace,
    onEvent: (event) => {
      if (event.type !== "review" || event.phase !== "done" || !event.outcome) return;
      done += found.get(reviewKey(event.stateUnderReview, event.cycle)) ?? 0;
      options.onProgress?.(done, total);
    },
  });
  const sum = (pick: (o: ReviewOutcome) => number): number => result.outcomes.reduce((n, o) => n + pick(o), 0);
  return {
    sourceDocumentId: result.sourceDocumentId,
    created: sum((o) => o.created),
    updated: sum((o) => o.updated),
    unchanged: sum((o) => o.unchanged),
    removed: sum((o) => o.removed),
    skipped: result.outcomes.filter((o) => o.action === "skip" || o.action === "refuse").length,
  };
}
