import { safeFileName } from "@/lib/http/content-disposition";
import "server-only";
import { cycleLabel } from "@/lib/cycles/english";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { readSheetRecordsInSteps } from "@/lib/csv-sheet/read";
import type { StatusSheetApplied, StatusSheetPreview } from "@/lib/schemas/status-sheet";
import { capIssues, formatStatusSheet, parseStatusSheet, type ParsedSheet } from "@/lib/status-sheet/csv";
import { planStatusSheet, type SheetPlan } from "@/lib/status-sheet/plan";
import type { Actor } from "../accounts";
import { recordAuditEvent, recordAuditEvents } from "../audit";
import { recordDownload } from "../audit/downloads";
import { getDb } from "../db";
import { Prisma } from "../generated/prisma/client";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "../http-errors";
import { authorize, type Viewer } from "../permissions";
import { loadSheetBasis, loadSheetRecommendations, sheetRecord, toDbValues } from "./data";

/**
 * The status sheet: an organisation's current assessments of one review as a CSV file, edited in a spreadsheet and
 * imported back. Reading it needs membership of the organisation (any role: it holds private assessments); importing
 * needs editor or owner. The operator CLI acts as `{ kind: "operator" }` for export and dry runs; an import is always
 * recorded as a member user, who is the author of the new assessments.
 */

/** Which review, for which organisation (its id, slug or name). */
export type SheetTarget = { reviewId: number; organization?: string };

type Resolved = { review: { id: number; label: string; iso3: string; cycle: number }; organization: { id: string; name: string; slug: string } };

/** The sheet could not be imported: the preview says which rows are wrong or in conflict. Nothing was written. */
export class StatusSheetRejectedError extends Error {
  readonly preview: StatusSheetPreview;
  constructor(preview: StatusSheetPreview) {
    super(preview.errors.length > 0 ? "the sheet has errors" : "the sheet conflicts with newer assessments");
    this.name = "StatusSheetRejectedError";
    this.preview = preview;
  }
}

/** Rows per INSERT: a whole review takes a few statements, so the transaction (which the embedded database serialises) is short. */
const WRITE_BATCH = 50;

/** `fileName`: the ASCII name; `readableName`: the name for people (the review and the organisation, never slugs). */
export type StatusSheetFile = Resolved & { fileName: string; readableName: string; csv: string; rows: number };

export type ApplyOptions = {
  /** Called after each batch of rows is written, inside the transaction (the CLI's progress display). */
  onProgress?: (done: number, total: number) => void;
  /** The number of changes the editor confirmed; when the sheet now makes another number, nothing is written. */
  expectedChanges?: number;
};

/** What the caller does with the organisation's sheet (or mid-term report): read its private statuses, or import. */
type SheetAction = "organization.readPrivate" | "statusSheet.import";

/**
 * The organisation the sheet (or the mid-term report) is for: the one named (among the caller's), or the caller's only
 * organisation, authorised through the policy for `action`.
 */
export async function resolveOrganization(actor: Actor, requested: string | undefined, action: SheetAction): Promise<Resolved["organization"]> {
  if (actor.kind === "operator") {
    if (!requested) throw new z.ZodError([{ code: "custom", path: ["organization"], message: "required", input: undefined }]);
    const org = await getDb().organization.findFirst({ where: { OR: [{ id: requested }, { slug: requested }, { name: requested }] }, select: { id: true, name: true, slug: true } });
    if (!org) throw new NotFoundError(`no organisation named "${requested}"`);
    return org;
  }
  const viewer = actor.viewer;
  if (!viewer) throw new UnauthenticatedError();
  const memberships = viewer.memberships;
  let membership = requested ? memberships.find((m) => [m.organizationId, m.organizationSlug, m.organizationName].includes(requested)) : undefined;
  if (!requested) {
    const candidates = memberships.filter((m) => {
      const decision = can(viewer, action, { organizationId: m.organizationId });
      return decision.allowed || decision.reason === "two-factor-required";
    });
    if (memberships.length > 1 && candidates.length !== 1) {
      throw new z.ZodError([{ code: "custom", path: ["organization"], message: "required: you are a member of several organisations", input: undefined }]);
    }
    membership = candidates[0] ?? memberships[0];
  }
  // Not a member (or not one of the caller's organisations at all): 403, without saying whether it exists.
  if (!membership) throw new ForbiddenError();
  authorize(viewer, action, { organizationId: membership.organizationId });
  return { id: membership.organizationId, name: membership.organizationName, slug: membership.organizationSlug };
}

async function resolve(actor: Actor, target: SheetTarget, action: SheetAction): Promise<Resolved> {
  const organization = await resolveOrganization(actor, target.organization, action);
  const review = await getDb().review.findUnique({
    where: { id: target.reviewId },
    select: { id: true, cycle: true, reviewDate: true, stateUnderReview: { select: { iso3: true, name: true } } },
  });
  if (!review) throw new NotFoundError("no such review");
  const label = `${review.stateUnderReview.name}, ${cycleLabel(review.cycle, review.reviewDate?.getUTCFullYear() ?? null)}`;
  return { review: { id: review.id, label, iso3: review.stateUnderReview.iso3, cycle: review.cycle }, organization };
}

/**
 * The sheet of one review for one organisation: every recommendation of the review in document order, with the
 * organisation's current assessment (any visibility: only its members may read this) and the version it is based on.
 * Each export is a `download.status-sheet` event in the organisation's log.
 */
export async function exportStatusSheet(actor: Actor, target: SheetTarget, now = new Date()): Promise<StatusSheetFile> {
  const resolved = await resolve(actor, target, "organization.readPrivate");
  const db = getDb();
  const [recommendations, basis] = await Promise.all([loadSheetRecommendations(db, resolved.review.id), loadSheetBasis(db, resolved.review.id, resolved.organization.id)]);
  const records = recommendations.map((recommendation) => sheetRecord(recommendation, basis.assessments.get(recommendation.id)?.[0]));
  const day = now.toISOString().slice(0, 10);
  const fileName = `upr-status-${resolved.organization.slug}-${resolved.review.iso3.toLowerCase()}-cycle-${resolved.review.cycle}-${day}.csv`;
  const readableName = `${safeFileName(`Status sheet – ${resolved.review.label} – ${resolved.organization.name} – ${day}`)}.csv`;
  const csv = formatStatusSheet(records);
  // The sheet holds private assessments: the organisation's log says who took it (the route and the CLI alike).
  await recordDownload(actor, {
    kind: "status-sheet",
    organizationIds: [resolved.organization.id],
    format: "csv",
    rows: records.length,
    subjectType: "review",
    subjectId: String(resolved.review.id),
    details: { review: resolved.review.label },
  });
  return { ...resolved, fileName, readableName, csv, rows: records.length };
}

function toPreview(resolved: Resolved, parsed: ParsedSheet, plan: SheetPlan): StatusSheetPreview {
  return {
    review: { id: resolved.review.id, label: resolved.review.label },
    organization: resolved.organization,
    rows: parsed.rows.length + new Set(parsed.errors.flatMap((e) => (e.row === undefined ? [] : [e.row]))).size,
    changes: plan.changes,
    unchanged: plan.unchanged,
    errors: capIssues(plan.errors),
    conflicts: plan.conflicts,
  };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

async function previewParsed(resolved: Resolved, parsed: ParsedSheet): Promise<StatusSheetPreview> {
  const basis = await loadSheetBasis(getDb(), resolved.review.id, resolved.organization.id);
  return toPreview(resolved, parsed, planStatusSheet(basis, parsed, today()));
}

/** Throws unless the viewer may import a sheet for the organisation (401, 403, 404 for an unknown review). */
export async function assertCanImportStatusSheet(viewer: Viewer | null, target: SheetTarget): Promise<void> {
  await resolve({ kind: "user", viewer }, target, "statusSheet.import");
}

/** What importing the sheet would change, row by row, without writing anything (editors and owners). */
export async function previewStatusSheet(actor: Actor, target: SheetTarget, text: string): Promise<StatusSheetPreview> {
  return previewParsed(await resolve(actor, target, "statusSheet.import"), parseStatusSheet(await readSheetRecordsInSteps(text)));
}

/**
 * Imports the sheet: each changed row becomes a new assessment version (append-only, no evidence) with its audit event,
 * plus one `status-sheet.import` event, all in ONE transaction. Any row error or conflict, found before or inside the
 * transaction, writes nothing; so does a crash or a kill of the process half-way (PostgreSQL rolls the transaction back).
 */
export async function applyStatusSheet(viewer: Viewer | null, target: SheetTarget, text: string, options: ApplyOptions = {}): Promise<StatusSheetApplied> {
  if (!viewer) throw new UnauthenticatedError();
  const resolved = await resolve({ kind: "user", viewer }, target, "statusSheet.import");
  const author = viewer.user;
  const parsed = parseStatusSheet(await readSheetRecordsInSteps(text));
  if (parsed.errors.length > 0) throw new StatusSheetRejectedError(await previewParsed(resolved, parsed));

  const organizationId = resolved.organization.id;
  try {
    return await getDb().$transaction(
      async (tx) => {
        // Decide again inside the transaction, against what is committed now.
        const plan = planStatusSheet(await loadSheetBasis(tx, resolved.review.id, organizationId), parsed, today());
        const preview = toPreview(resolved, parsed, plan);
        if (plan.errors.length > 0 || plan.conflicts.length > 0) throw new StatusSheetRejectedError(preview);
        if (options.expectedChanges !== undefined && plan.changes.length !== options.expectedChanges) {
          throw new ConflictError(preview, `the sheet now makes ${plan.changes.length} changes, not the ${options.expectedChanges} previewed: preview it again`);
        }

        // One new version per changed row, each with its audit event, written in batches.
        for (let start = 0; start < plan.changes.length; start += WRITE_BATCH) {
          const batch = plan.changes.slice(start, start + WRITE_BATCH).map((change) => ({ change, id: randomUUID(), version: (change.before?.version ?? 0) + 1 }));
          await tx.assessment.createMany({
            data: batch.map(({ change, id, version }) => ({ id, recommendationId: change.recommendationId, organizationId, authorUserId: author.id, version, ...toDbValues(change.after) })),
          });
          await recordAuditEvents(
            tx,
            batch.map(({ change, id, version }) => ({
              actorUserId: author.id,
              organizationId,
              action: "assessment.create",
              subjectType: "assessment",
              subjectId: id,
              changes: { recommendationId: change.recommendationId, version, status: change.after.status, visibility: change.after.visibility, evidence: 0, source: "status-sheet" },
            })),
          );
          options.onProgress?.(start + batch.length, plan.changes.length);
        }
        if (plan.changes.length > 0) {
          await recordAuditEvent(tx, {
            actorUserId: author.id,
            organizationId,
            action: "status-sheet.import",
            subjectType: "review",
            subjectId: String(resolved.review.id),
            changes: { rows: preview.rows, recorded: plan.changes.length, unchanged: plan.unchanged, recommendationIds: plan.changes.map((c) => c.recommendationId) },
          });
        }
        return { ...preview, applied: plan.changes.length };
      },
      { maxWait: 10_000, timeout: 300_000 },
    );
  } catch (error) {
    // An editor saved one of these recommendations between our read and our write: report it like any conflict.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const preview = await previewParsed(resolved, parsed);
      if (preview.conflicts.length > 0) throw new StatusSheetRejectedError(preview);
      throw new ConflictError(preview, "an assessment was saved while the sheet was imported: preview it again");
    }
    throw error;
  }
}
