import { beforeAll, describe, expect, it } from "vitest";
import { parseImportFile } from "@/lib/import";
import { buildUhriXlsx, cell, TREATY_BODY_ROWS, uhriItemOf, type UhriRow } from "@/lib/import/uhri/test-fixtures";
import { findingInputSchema, findingUpdateSchema, unDocumentInputSchema } from "@/lib/findings/schemas";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { createFinding, createUnDocument, getFindingPage, getUnDocumentPage, updateFinding, updateUnDocument } from "@/lib/server/findings";
import { ForbiddenError, UnauthenticatedError } from "@/lib/server/http-errors";
import { applyImport, ImportRejectedError } from "@/lib/server/imports";
import { runImport } from "@/lib/server/import-jobs/run-import";
import type { ImportEvent } from "@/lib/import/plan";
import { getViewerByEmail, type Viewer } from "@/lib/server/permissions";
import { withSeededDatabase } from "../helpers/test-database";

/**
 * UN documents and findings: the UHRI import of treaty-body and special-procedure rows (xlsx and JSON FIXTURES built
 * in lib/import/uhri/test-fixtures.ts, not UHRI data), the audited writes and who may make them, and what the finding
 * and document pages read.
 */

const OPERATOR = { kind: "operator" } as const;
withSeededDatabase();
const viewers: Record<"editorA" | "viewerA" | "editorB" | "admin", Viewer> = {} as never;

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  await createOrganization(OPERATOR, "Findings Org A");
  await createOrganization(OPERATOR, "Findings Org B");
  const people = [
    ["editorA", "A", "editor"],
    ["viewerA", "A", "viewer"],
    ["editorB", "B", "editor"],
    ["admin", null, null],
  ] as const;
  for (const [actor, org, role] of people) {
    const email = `${actor.toLowerCase()}@findings.example.org`;
    await addUser(OPERATOR, { email, password: "correct horse battery staple", name: actor, organization: org && role ? { name: `Findings Org ${org}`, role } : undefined, admin: actor === "admin" });
    viewers[actor] = (await getViewerByEmail(email))!;
  }
});

const auditCount = (action: string) => getDb().auditEvent.count({ where: { action } });

describe("the UHRI import of findings", () => {
  it("imports a findings-only xlsx: documents, findings per State, themes, and says how many", async () => {
    const doc = await parseImportFile(await buildUhriXlsx(TREATY_BODY_ROWS), { fileName: "fixture-findings.xlsx" });
    const result = await applyImport(doc, {});
    expect(result.findings).toBe(3);
    expect(result.unDocuments).toBe(2);
    expect(result.findingOutcome).toEqual({ documents: 2, documentsCreated: 2, documentsUpdated: 0, created: 3, updated: 0, unchanged: 0 });
    const crc = await getDb().unDocument.findUniqueOrThrow({ where: { symbol: "CRC/C/CHN/CO/FIXTURE-1" }, include: { findings: { include: { themes: { include: { theme: true } } } } } });
    expect(crc).toMatchObject({ mechanism: "TREATY_BODY", body: "CRC", organizationId: null, language: "en" });
    expect(crc.date?.toISOString().slice(0, 10)).toBe("2013-10-29");
    expect(crc.findings).toHaveLength(1);
    expect(crc.findings[0]).toMatchObject({ uhriId: "FIXTURE-CRC-1", paragraph: "12", stateIso3: "CHN", affectedPersons: ["children"], organizationId: null });
    expect(crc.findings[0]!.themes.map((t) => [t.theme.scheme, t.theme.name])).toEqual([["UHRI_THEME", "Right to education"]]);
    const sp = await getDb().finding.findMany({ where: { document: { symbol: "A/HRC/FIXTURE/SP-1" } }, orderBy: { stateIso3: "asc" } });
    expect(sp.map((f) => [f.uhriId, f.stateIso3])).toEqual([
      ["FIXTURE-SP-1:CHN", "CHN"],
      ["FIXTURE-SP-1:FRA", "FRA"],
    ]);
    expect(await auditCount("finding.import")).toBe(1);
  });

  it("re-imports without duplicating: the same file writes nothing, a corrected JSON updates the row it corrects", async () => {
    const again = await applyImport(await parseImportFile(await buildUhriXlsx(TREATY_BODY_ROWS), { fileName: "fixture-findings.xlsx" }), {});
    expect(again.findingOutcome).toMatchObject({ created: 0, updated: 0, unchanged: 3, documentsCreated: 0 });
    expect(await auditCount("finding.import")).toBe(1);

    const corrected: UhriRow[] = [{ ...TREATY_BODY_ROWS[0]!, Text: "12. FIXTURE treaty-body row, corrected: not a finding of any UN body." }, TREATY_BODY_ROWS[1]!];
    const json = Buffer.from(JSON.stringify(corrected.map((row) => uhriItemOf(row))));
    const result = await applyImport(await parseImportFile(json, { fileName: "fixture-findings.json" }), {});
    // The JSON gives the documents another date (its fixture's), so both documents are updated too.
    expect(result.findingOutcome).toMatchObject({ created: 0, updated: 1, unchanged: 2, documentsUpdated: 2 });
    expect(await getDb().finding.count({ where: { uhriId: { startsWith: "FIXTURE-" } } })).toBe(3);
    expect((await getDb().finding.findUniqueOrThrow({ where: { uhriId: "FIXTURE-CRC-1" } })).text).toBe("FIXTURE treaty-body row, corrected: not a finding of any UN body.");
    expect(await auditCount("finding.import")).toBe(2);
  });

  it("imports a findings-only file through the browser import's job too: preview, then apply with the counts", async () => {
    const rows: UhriRow[] = [{ ...TREATY_BODY_ROWS[0]!, "OHCHR Annotation Id": "FIXTURE-JOB-1", "Document Symbol": "CAT/C/CHN/CO/FIXTURE-5", "Reccomending Body": cell(["CAT"]) }];
    const buffer = Buffer.from(JSON.stringify(rows.map((row) => uhriItemOf(row))));
    const events: ImportEvent[] = [];
    const options = { fileName: "job.json", replace: false, actorUserId: null };
    expect(await runImport(buffer, { ...options, mode: "preview" }, (e) => events.push(e))).toBe(true);
    const preview = events.find((e) => e.type === "preview");
    expect(preview?.type === "preview" && [preview.preview.recommendations, preview.preview.findings, preview.preview.unDocuments]).toEqual([0, 1, 1]);
    expect(await runImport(buffer, { ...options, mode: "apply" }, (e) => events.push(e))).toBe(true);
    const result = events.at(-1);
    expect(result?.type === "result" && result.result.findingOutcome).toMatchObject({ created: 1, documentsCreated: 1 });
  });

  it("refuses a file with a bad row as a whole, naming the row; nothing is written", async () => {
    const rows: UhriRow[] = [
      { ...TREATY_BODY_ROWS[0]!, "OHCHR Annotation Id": "FIXTURE-NEW-1", "Document Symbol": "CERD/C/CHN/CO/FIXTURE-9", "Reccomending Body": cell(["CERD"]) },
      { ...TREATY_BODY_ROWS[0]!, "OHCHR Annotation Id": "FIXTURE-NEW-2", "Document Symbol": null },
    ];
    const doc = await parseImportFile(await buildUhriXlsx(rows), { fileName: "bad.xlsx" });
    expect(doc.errors).toEqual([{ location: "row 3", message: "no Document Symbol (a finding is a passage of a UN document)" }]);
    await expect(applyImport(doc, {})).rejects.toBeInstanceOf(ImportRejectedError);
    expect(await getDb().unDocument.count({ where: { symbol: "CERD/C/CHN/CO/FIXTURE-9" } })).toBe(0);
  });
});

describe("adding and editing documents and findings", () => {
  let documentId: number;
  let findingId: number;

  it("lets an editor add a document and a finding for the organisation, audited", async () => {
    const document = await createUnDocument(viewers.editorA, unDocumentInputSchema.parse({ symbol: " CESCR / C/CHN/CO/FIXTURE-3 ", mechanism: "TREATY_BODY", body: "CESCR", date: "2023-03-22", url: "" }));
    expect(document.symbol).toBe("CESCR/C/CHN/CO/FIXTURE-3");
    documentId = document.id;
    const finding = await createFinding(
      viewers.editorA,
      findingInputSchema.parse({ symbol: "CESCR/C/CHN/CO/FIXTURE-3", paragraph: "40", text: "FIXTURE passage typed by an editor.", stateIso3: "chn", themes: "Right to work\nRight to health", affectedPersons: "workers" }),
    );
    findingId = finding.id;
    const stored = await getDb().finding.findUniqueOrThrow({ where: { id: findingId }, include: { themes: { include: { theme: true } } } });
    expect(stored).toMatchObject({ stateIso3: "CHN", paragraph: "40", affectedPersons: ["workers"], createdByUserId: viewers.editorA.user.id });
    expect(stored.themes.map((t) => t.theme.name).sort()).toEqual(["Right to health", "Right to work"]);
    const events = await getDb().auditEvent.findMany({ where: { action: { in: ["un-document.create", "finding.create"] } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.subjectId, e.organizationId])).toEqual([
      ["un-document.create", String(documentId), viewers.editorA.memberships[0]!.organizationId],
      ["finding.create", String(findingId), viewers.editorA.memberships[0]!.organizationId],
    ]);
  });

  it("refuses anonymous callers and viewers, and a symbol already recorded or unknown", async () => {
    const input = unDocumentInputSchema.parse({ symbol: "CAT/C/CHN/CO/FIXTURE-6", mechanism: "TREATY_BODY", body: "CAT" });
    await expect(createUnDocument(null, input)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(createUnDocument(viewers.viewerA, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createUnDocument(viewers.admin, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createUnDocument(viewers.editorB, { ...input, symbol: "CESCR/C/CHN/CO/FIXTURE-3" })).rejects.toThrow(/already recorded/);
    await expect(
      createFinding(viewers.editorB, findingInputSchema.parse({ symbol: "CAT/C/CHN/CO/NOWHERE", text: "x", stateIso3: "CHN" })),
    ).rejects.toThrow(/add the document first/);
    await expect(createFinding(viewers.editorB, findingInputSchema.parse({ symbol: "CESCR/C/CHN/CO/FIXTURE-3", text: "x", stateIso3: "XXX" }))).rejects.toThrow(/not a UN Member/);
    expect(await getDb().unDocument.count({ where: { symbol: "CAT/C/CHN/CO/FIXTURE-6" } })).toBe(0);
  });

  it("lets the adding organisation and admins edit, nobody else; imported findings admins only", async () => {
    const edit = findingUpdateSchema.parse({ paragraph: "41", text: "FIXTURE passage, edited.", stateIso3: "CHN", themes: "Right to work", affectedPersons: "" });
    await expect(updateFinding(viewers.editorB, findingId, edit)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateFinding(viewers.viewerA, findingId, edit)).rejects.toBeInstanceOf(ForbiddenError);
    await updateFinding(viewers.editorA, findingId, edit);
    await updateFinding(viewers.admin, findingId, { ...edit, paragraph: "42" });
    expect(await getDb().finding.findUniqueOrThrow({ where: { id: findingId }, select: { paragraph: true, text: true, affectedPersons: true } })).toEqual({ paragraph: "42", text: "FIXTURE passage, edited.", affectedPersons: [] });
    const updates = await getDb().auditEvent.findMany({ where: { action: "finding.update", subjectId: String(findingId) }, orderBy: { id: "asc" } });
    expect(updates.map((e) => e.actorUserId)).toEqual([viewers.editorA.user.id, viewers.admin.user.id]);
    expect(updates[1]!.changes).toMatchObject({ paragraph: ["41", "42"] });

    const docEdit = { mechanism: "TREATY_BODY" as const, body: "CESCR", title: "FIXTURE observations", date: "2023-03-22", url: null, language: "en" };
    await expect(updateUnDocument(viewers.editorB, documentId, docEdit)).rejects.toBeInstanceOf(ForbiddenError);
    await updateUnDocument(viewers.editorA, documentId, docEdit);
    expect(await auditCount("un-document.update")).toBe(1);

    const imported = await getDb().finding.findUniqueOrThrow({ where: { uhriId: "FIXTURE-CRC-1" }, select: { id: true } });
    const importedEdit = findingUpdateSchema.parse({ paragraph: "12", text: "FIXTURE corrected by an admin.", stateIso3: "CHN", themes: "Right to education", affectedPersons: "children" });
    await expect(updateFinding(viewers.editorA, imported.id, importedEdit)).rejects.toBeInstanceOf(ForbiddenError);
    await updateFinding(viewers.admin, imported.id, importedEdit);
  });
});

describe("what the finding and document pages read", () => {
  it("shows the finding with its document and only CONFIRMED links, with each recommendation's review and response", async () => {
    const finding = await getDb().finding.findUniqueOrThrow({ where: { uhriId: "FIXTURE-CRC-1" }, select: { id: true } });
    const recs = await getDb().recommendation.findMany({ where: { review: { stateUnderReviewIso3: "CHN", cycle: 3 } }, take: 2, orderBy: { ordinal: "asc" }, select: { id: true } });
    const org = viewers.editorA.memberships[0]!.organizationId;
    await getDb().findingLink.createMany({
      data: [
        { findingId: finding.id, recommendationId: recs[0]!.id, organizationId: org, status: "CONFIRMED", stance: "CONTRADICTS", excerpt: "FIXTURE excerpt", decidedByUserId: viewers.editorA.user.id },
        { findingId: finding.id, recommendationId: recs[1]!.id, organizationId: org, status: "REJECTED", decidedByUserId: viewers.editorA.user.id },
      ],
    });
    const page = await getFindingPage(finding.id);
    expect(page).toMatchObject({ paragraph: "12", stateIso3: "CHN", document: { symbol: "CRC/C/CHN/CO/FIXTURE-1", body: "CRC", imported: true } });
    expect(page!.links).toHaveLength(1);
    expect(page!.links[0]).toMatchObject({ stance: "CONTRADICTS", excerpt: "FIXTURE excerpt", organizationName: "Findings Org A", recommendation: { id: recs[0]!.id, review: { cycle: 3, stateUnderReviewIso3: "CHN" } } });
    expect(page!.links[0]!.recommendation.position).not.toBeUndefined();
    expect(await getFindingPage(999_999)).toBeNull();
  });

  it("lists a document's findings by symbol, and knows no unknown symbol", async () => {
    const page = await getUnDocumentPage("A/HRC/FIXTURE/SP-1");
    expect(page?.document).toMatchObject({ mechanism: "SPECIAL_PROCEDURE", body: "Special Procedures" });
    expect(page?.findings.map((f) => f.stateIso3)).toEqual(["CHN", "FRA"]);
    expect(page?.total).toBe(2);
    expect((await getUnDocumentPage("CRC/C/CHN/CO/FIXTURE-1"))?.findings[0]?.links).toBe(1);
    expect(await getUnDocumentPage("NO/SUCH/1")).toBeNull();
  });
});
