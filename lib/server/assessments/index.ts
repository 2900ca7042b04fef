import "server-only";
import { readableOrganizations } from "@/lib/auth/policy";
import type { AssessmentDto, AssessmentInput, CreatedAssessment, OrganizationAssessments } from "@/lib/schemas/assessment";
import { recordAuditEvent } from "../audit";
import { getDb } from "../db";
import { citedFindings } from "../finding-links/evidence";
import { Prisma } from "../generated/prisma/client";
import { ConflictError, NotFoundError, UnauthenticatedError } from "../http-errors";
import { toDbDate, toDbEnum } from "../wire-enums";
import { writingOrganization, type Viewer } from "../permissions";
import { ASSESSMENT_SELECT, toDto, type AssessmentRow } from "./dto";
import { PUBLIC_ASSESSMENT } from "./public";

export { PUBLIC_ASSESSMENT, publicAssessmentSql } from "./public";
export { withdrawAssessment } from "./withdraw";

async function latestAssessment(db: Prisma.TransactionClient, recommendationId: number, organizationId: string): Promise<AssessmentRow | null> {
  return db.assessment.findFirst({ where: { recommendationId, organizationId }, orderBy: { version: "desc" }, select: ASSESSMENT_SELECT });
}

/**
 * Records a new assessment for the caller's organisation. Append-only: it gets the next version and never changes an
 * earlier one. With `expectedVersion`, a save based on an outdated version is refused with the newer one (409), and
 * two saves racing for the same version are told apart by the unique key, never by a silent overwrite.
 */
export async function createAssessment(viewer: Viewer | null, recommendationId: number, input: AssessmentInput): Promise<CreatedAssessment> {
  // Check the caller may write for the organisation.
  if (!viewer) throw new UnauthenticatedError();
  const organizationId = writingOrganization(viewer, "assessment.create", input.organizationId);

  const db = getDb();
  const recommendation = await db.recommendation.findUnique({ where: { id: recommendationId }, select: { id: true } });
  if (!recommendation) throw new NotFoundError();

  try {
    return await db.$transaction(async (tx) => {
      // Check the editor started from the latest version.
      const latest = await latestAssessment(tx, recommendationId, organizationId);
      const latestVersion = latest?.version ?? 0;
      if (input.expectedVersion !== undefined && latest && input.expectedVersion !== latestVersion) throw new ConflictError(toDto(latest));

      // Picked findings: their document's symbol is the reference.
      const cited = await citedFindings(tx, input.evidence);
      // Write the assessment, its evidence and the audit event together.
      const created = await tx.assessment.create({
        data: {
          recommendationId,
          organizationId,
          authorUserId: viewer.user.id,
          status: toDbEnum(input.status),
          assessedOn: toDbDate(input.assessedOn),
          rationale: input.rationale,
          confidence: toDbEnum(input.confidence),
          visibility: toDbEnum(input.visibility),
          version: latestVersion + 1,
          evidence: {
            create: input.evidence.map((item, position) => ({
              kind: item.findingId !== undefined || item.kind === "un-symbol" ? "UN_SYMBOL" : "URL",
              reference: item.findingId !== undefined ? cited.get(item.findingId)! : item.reference,
              findingId: item.findingId ?? null,
              excerpt: item.excerpt || null,
              date: item.date ? toDbDate(item.date) : null,
              stance: toDbEnum(item.stance),
              position,
            })),
          },
        },
        select: { id: true, version: true },
      });
      await recordAuditEvent(tx, {
        actorUserId: viewer.user.id,
        organizationId,
        action: "assessment.create",
        subjectType: "assessment",
        subjectId: created.id,
        changes: { recommendationId, version: created.version, status: input.status, visibility: input.visibility, evidence: input.evidence.length },
      });
      return created;
    });
  } catch (error) {
    // Another save took this version between our read and our write: the same conflict, with the version that won.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await latestAssessment(db, recommendationId, organizationId);
      throw new ConflictError(winner ? toDto(winner) : null);
    }
    throw error;
  }
}

/**
 * The assessments of a recommendation the caller may see, grouped per organisation: every organisation's public ones,
 * plus the private and withdrawn ones of the caller's own organisations. Another organisation's private or withdrawn
 * assessment is never read (the filter is in the query), so neither it nor its evidence can leak; where an
 * organisation's latest is private or withdrawn, an outsider sees its latest public one as current. Outsiders see the
 * public versions numbered 1..n among themselves: the stored numbers count private and withdrawn versions too, and a
 * gap (v1, v3) would show that one exists.
 */
export async function listAssessments(viewer: Viewer | null, recommendationId: number): Promise<OrganizationAssessments[]> {
  const db = getDb();
  const recommendation = await db.recommendation.findUnique({ where: { id: recommendationId }, select: { id: true } });
  if (!recommendation) throw new NotFoundError();

  const ownOrganizations = readableOrganizations(viewer);
  const rows = await db.assessment.findMany({
    where: { recommendationId, OR: [PUBLIC_ASSESSMENT, { organizationId: { in: ownOrganizations } }] },
    orderBy: [{ organization: { name: "asc" } }, { version: "desc" }],
    select: ASSESSMENT_SELECT,
  });

  const groups = new Map<string, OrganizationAssessments>();
  for (const row of rows) {
    const dto = toDto(row);
    const group = groups.get(row.organizationId);
    if (group) group.history.push(dto);
    else groups.set(row.organizationId, { organizationId: row.organizationId, organizationName: row.organization.name, current: dto, history: [dto] });
  }
  const groupList = [...groups.values()];
  for (const group of groupList) if (!ownOrganizations.includes(group.organizationId)) renumberPublicVersions(group.history);
  return groupList;
}

/** Numbers an outsider's view of one organisation's history (newest first, public versions only) 1..n from the oldest. */
function renumberPublicVersions(history: AssessmentDto[]): void {
  history.forEach((assessment, index) => {
    assessment.version = history.length - index;
  });
}
