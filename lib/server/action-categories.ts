import "server-only";
import { can } from "@/lib/auth/policy";
import type { ActionCategoryView, SetActionCategory } from "@/lib/schemas/action-category";
import { recordAuditEvent } from "./audit";
import { getDb, type Db } from "./db";
import type { Prisma } from "./generated/prisma/client";
import { ExplainedForbiddenError, NotFoundError, UnauthenticatedError } from "./http-errors";
import { authorize, writingOrganization, type Viewer } from "./permissions";
import { refreshRecommendationSearchIndex } from "./recommendation-index";
import { fromDbEnum } from "./wire-enums";

type Tx = Prisma.TransactionClient;

export type { ActionCategoryView };

const viewSelect = {
  id: true,
  actionCategory: true,
  actionCategoryMethod: true,
  actionCategorySource: true,
  actionCategoryRules: true,
  originalActionCategory: true,
  actionCategoryOverride: {
    select: { category: true, reason: true, createdAt: true, organization: { select: { id: true, name: true } } },
  },
} as const;

type ViewRow = Prisma.RecommendationGetPayload<{ select: typeof viewSelect }>;

function toView(row: ViewRow): ActionCategoryView {
  const override = row.actionCategoryOverride;
  const original = row.originalActionCategory;
  return {
    recommendationId: row.id,
    category: row.actionCategory,
    method: row.actionCategoryMethod ? fromDbEnum(row.actionCategoryMethod) : null,
    original: {
      category: original,
      // A rule version marks a derived original; a source's category carries none.
      method: original === null ? null : row.actionCategoryRules ? "derived" : "source",
      source: row.actionCategorySource,
      rules: row.actionCategoryRules,
    },
    override: override
      ? { category: override.category, reason: override.reason, organization: override.organization, createdAt: override.createdAt.toISOString() }
      : null,
  };
}

/** The action category of a recommendation with its original and any override: public, like the category itself. */
export async function getActionCategory(recommendationId: number, db: Db = getDb()): Promise<ActionCategoryView | null> {
  const row = await db.recommendation.findUnique({ where: { id: recommendationId }, select: viewSelect });
  return row ? toView(row) : null;
}

async function loadForWrite(tx: Tx, recommendationId: number): Promise<ViewRow> {
  const row = await tx.recommendation.findUnique({ where: { id: recommendationId }, select: viewSelect });
  if (!row) throw new NotFoundError();
  return row;
}

/**
 * Another organisation's correction of the action category stands: only its editors and owners may change or clear it
 * (403, with a message naming it). One correction per recommendation, and never one organisation's over another's.
 */
export class CorrectionStandsError extends ExplainedForbiddenError {
  readonly organization: string;
  constructor(organization: string) {
    super(`${organization}'s correction of this action category stands: only its editors and owners may change or clear it`);
    this.name = "CorrectionStandsError";
    this.organization = organization;
  }
}

/**
 * Sets an organisation's override of a recommendation's action category (editors and owners), replacing its own
 * earlier override but never another organisation's (the policy's `actionCategory.override`: CorrectionStandsError).
 * The original (source or derived) category is kept for display and for clearing, and so are the categories of the
 * paragraph's parts; while the override stands, the `action` filter, the facets and the charts read it alone, for the
 * whole paragraph. Audited with from/to and the reason.
 * Setting the same category with the same reason again writes nothing.
 */
export async function setActionCategoryOverride(viewer: Viewer | null, recommendationId: number, input: SetActionCategory): Promise<ActionCategoryView> {
  if (!viewer) throw new UnauthenticatedError();
  // Which organisation corrects: one where the viewer may correct a category, before looking at what stands now.
  const organizationId = writingOrganization(viewer, "actionCategory.override", input.organizationId, { currentOrganizationId: null });
  return getDb().$transaction(async (tx) => {
    const before = await loadForWrite(tx, recommendationId);
    const previous = before.actionCategoryOverride;
    // Check again against the correction that stands now, read in this transaction: the organisation may correct
    // (checked above), so a refusal now means another organisation's correction stands, and the caller is told whose.
    const resource = { organizationId, currentOrganizationId: previous?.organization.id ?? null };
    if (previous && !can(viewer, "actionCategory.override", resource).allowed) throw new CorrectionStandsError(previous.organization.name);
    if (previous && previous.category === input.category && previous.reason === input.reason && previous.organization.id === organizationId) return toView(before);
    const data = { organizationId, authorUserId: viewer.user.id, category: input.category, reason: input.reason, createdAt: new Date() };
    await tx.actionCategoryOverride.upsert({ where: { recommendationId }, create: { recommendationId, ...data }, update: data });
    const after = await tx.recommendation.update({
      where: { id: recommendationId },
      data: { actionCategory: input.category, actionCategoryMethod: "OVERRIDE" },
      select: viewSelect,
    });
    // The override stands for the whole paragraph: the `action` filter finds it under the override alone.
    await refreshRecommendationSearchIndex(tx, { ids: [recommendationId] });
    await recordAuditEvent(tx, {
      actorUserId: viewer.user.id,
      organizationId,
      action: "action-category.override",
      subjectType: "recommendation",
      subjectId: String(recommendationId),
      changes: {
        actionCategory: [before.actionCategory, input.category],
        method: [before.actionCategoryMethod && fromDbEnum(before.actionCategoryMethod), "override"],
        reason: [previous?.reason ?? null, input.reason],
      },
    });
    return toView(after);
  });
}

/**
 * Clears an override (editors and owners of the organisation that made it): the original source or derived category
 * is in effect again. Audited with from/to. A recommendation without an override answers 404.
 */
export async function clearActionCategoryOverride(viewer: Viewer | null, recommendationId: number): Promise<ActionCategoryView> {
  if (!viewer) throw new UnauthenticatedError();
  return getDb().$transaction(async (tx) => {
    const before = await loadForWrite(tx, recommendationId);
    const override = before.actionCategoryOverride;
    if (!override) throw new NotFoundError("this recommendation has no override");
    authorize(viewer, "actionCategory.clear", { organizationId: override.organization.id });
    await tx.actionCategoryOverride.delete({ where: { recommendationId } });
    const method = before.originalActionCategory === null ? null : before.actionCategoryRules ? "DERIVED" : "SOURCE";
    const after = await tx.recommendation.update({
      where: { id: recommendationId },
      data: { actionCategory: before.originalActionCategory, actionCategoryMethod: method },
      select: viewSelect,
    });
    // The paragraph's own category and its parts' are found again.
    await refreshRecommendationSearchIndex(tx, { ids: [recommendationId] });
    await recordAuditEvent(tx, {
      actorUserId: viewer.user.id,
      organizationId: override.organization.id,
      action: "action-category.clear",
      subjectType: "recommendation",
      subjectId: String(recommendationId),
      changes: {
        actionCategory: [before.actionCategory, after.actionCategory],
        method: ["override", method && fromDbEnum(method)],
        reason: [override.reason, null],
      },
    });
    return toView(after);
  });
}
