import "server-only";
import { z } from "zod";
import type { FindingInput, FindingUpdate, UnDocumentInput, UnDocumentUpdate } from "@/lib/findings/schemas";
import { namedTheme } from "@/lib/import/themes";
import type { ThemeRef } from "@/lib/import/types";
import { recordAuditEvent } from "../audit";
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { NotFoundError, UnauthenticatedError } from "../http-errors";
import { upsertThemes } from "../imports/batch";
import { themeRefKey } from "../imports/rows";
import { authorize, writingOrganization, type Viewer } from "../permissions";

/**
 * Writes of UN documents and findings by people. Both are public records: any owner or editor of an organisation adds
 * one for it; the organisation's writers and instance administrators edit it, and only administrators edit an
 * imported one (lib/auth/policy.ts, "finding.create" and "finding.update"). Each write is audited in its transaction.
 */

type Tx = Prisma.TransactionClient;

/** A refusal on one field, as the forms and the API show it (a 422 naming the field). */
function fieldError(path: string, message: string): z.ZodError {
  return new z.ZodError([{ code: "custom", path: [path], message, input: undefined }]);
}

const dateOf = (value: string | null): Date | null => (value === null ? null : new Date(`${value}T00:00:00Z`));
const isoOf = (value: Date | null): string | null => (value === null ? null : value.toISOString().slice(0, 10));

/** The fields that differ, as { field: [before, after] }, for the audit log. */
function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) if (JSON.stringify(before[key]) !== JSON.stringify(value)) out[key] = [before[key] ?? null, value];
  return out;
}

export async function createUnDocument(viewer: Viewer | null, input: UnDocumentInput): Promise<{ id: number; symbol: string }> {
  // Check the viewer may add public records for the organisation.
  if (!viewer) throw new UnauthenticatedError();
  const organizationId = writingOrganization(viewer, "finding.create", input.organizationId);
  return getDb().$transaction(async (tx) => {
    if (await tx.unDocument.findUnique({ where: { symbol: input.symbol }, select: { id: true } })) throw fieldError("symbol", "a UN document with this symbol is already recorded");
    const data = { symbol: input.symbol, mechanism: input.mechanism, body: input.body, title: input.title, date: dateOf(input.date), url: input.url, language: input.language };
    const created = await tx.unDocument.create({ data: { ...data, organizationId, createdByUserId: viewer.user.id }, select: { id: true, symbol: true } });
    await recordAuditEvent(tx, { actorUserId: viewer.user.id, organizationId, action: "un-document.create", subjectType: "un-document", subjectId: String(created.id), changes: { ...data, date: input.date } });
    return created;
  });
}

export async function updateUnDocument(viewer: Viewer | null, id: number, input: UnDocumentUpdate): Promise<{ id: number; symbol: string }> {
  const db = getDb();
  const current = await db.unDocument.findUnique({ where: { id } });
  if (!current) throw new NotFoundError();
  // Check the viewer may edit this document (its organisation's writers, or an admin).
  const actor = authorize(viewer, "finding.update", { organizationId: current.organizationId });
  const after = { mechanism: input.mechanism, body: input.body, title: input.title, date: input.date, url: input.url, language: input.language };
  const before = { mechanism: current.mechanism, body: current.body, title: current.title, date: isoOf(current.date), url: current.url, language: current.language };
  const changes = diff(before, after);
  if (Object.keys(changes).length === 0) return { id, symbol: current.symbol };
  return db.$transaction(async (tx) => {
    await tx.unDocument.update({ where: { id }, data: { ...after, date: dateOf(input.date) } });
    await recordAuditEvent(tx, { actorUserId: actor.user.id, organizationId: current.organizationId, action: "un-document.update", subjectType: "un-document", subjectId: String(id), changes: { symbol: current.symbol, ...changes } });
    return { id, symbol: current.symbol };
  });
}

/** The theme ids of the names an editor typed (UHRI_THEME, as the import files them), created when new. */
async function themeIdsOf(tx: Tx, names: readonly string[]): Promise<number[]> {
  const themes = names.map((name) => namedTheme(name)).filter((t): t is ThemeRef => t !== null);
  const ids = await upsertThemes(tx, themes);
  return [...new Set(themes.map((t) => ids.get(themeRefKey(t))!))].sort((a, b) => a - b);
}

async function checkState(tx: Tx, iso3: string): Promise<void> {
  if (!(await tx.country.findUnique({ where: { iso3 }, select: { iso3: true } }))) throw fieldError("stateIso3", "is not a UN Member or observer State (ISO 3166 alpha-3 code)");
}

export async function createFinding(viewer: Viewer | null, input: FindingInput): Promise<{ id: number }> {
  // Check the viewer may add public records for the organisation.
  if (!viewer) throw new UnauthenticatedError();
  const organizationId = writingOrganization(viewer, "finding.create", input.organizationId);
  return getDb().$transaction(async (tx) => {
    const document = await tx.unDocument.findUnique({ where: { symbol: input.symbol }, select: { id: true } });
    if (!document) throw fieldError("symbol", "no UN document with this symbol is recorded: add the document first");
    await checkState(tx, input.stateIso3);
    const themeIds = await themeIdsOf(tx, input.themes);
    const data = { paragraph: input.paragraph, text: input.text, stateIso3: input.stateIso3, affectedPersons: input.affectedPersons };
    const created = await tx.finding.create({
      data: { ...data, documentId: document.id, organizationId, createdByUserId: viewer.user.id, themes: { create: themeIds.map((themeId) => ({ themeId })) } },
      select: { id: true },
    });
    await recordAuditEvent(tx, { actorUserId: viewer.user.id, organizationId, action: "finding.create", subjectType: "finding", subjectId: String(created.id), changes: { symbol: input.symbol, ...data, themes: input.themes } });
    return created;
  });
}

export async function updateFinding(viewer: Viewer | null, id: number, input: FindingUpdate): Promise<{ id: number }> {
  const db = getDb();
  const current = await db.finding.findUnique({ where: { id }, include: { themes: { select: { theme: { select: { name: true } } } }, document: { select: { symbol: true } } } });
  if (!current) throw new NotFoundError();
  // Check the viewer may edit this finding (its organisation's writers, or an admin; imported ones: admins only).
  const actor = authorize(viewer, "finding.update", { organizationId: current.organizationId });
  const after = { paragraph: input.paragraph, text: input.text, stateIso3: input.stateIso3, affectedPersons: input.affectedPersons, themes: input.themes };
  const before = { paragraph: current.paragraph, text: current.text, stateIso3: current.stateIso3, affectedPersons: current.affectedPersons, themes: current.themes.map((t) => t.theme.name) };
  const changes = diff(before, after);
  if (Object.keys(changes).length === 0) return { id };
  return db.$transaction(async (tx) => {
    await checkState(tx, input.stateIso3);
    const themeIds = await themeIdsOf(tx, input.themes);
    await tx.finding.update({ where: { id }, data: { paragraph: input.paragraph, text: input.text, stateIso3: input.stateIso3, affectedPersons: input.affectedPersons } });
    await tx.findingTheme.deleteMany({ where: { findingId: id } });
    await tx.findingTheme.createMany({ data: themeIds.map((themeId) => ({ findingId: id, themeId })) });
    await recordAuditEvent(tx, { actorUserId: actor.user.id, organizationId: current.organizationId, action: "finding.update", subjectType: "finding", subjectId: String(id), changes: { symbol: current.document.symbol, ...changes } });
    return { id };
  });
}
