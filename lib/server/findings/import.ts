import "server-only";
import type { FindingOutcome } from "@/lib/import/plan";
import type { ParsedDocument } from "@/lib/import/types";
import type { ParsedFinding, ParsedUnDocument } from "@/lib/findings/schemas";
import { recordAuditEvent } from "../audit";
import type { Prisma } from "../generated/prisma/client";
import { upsertThemes } from "../imports/batch";
import { STORED_FORMAT } from "../imports/loaded";
import { themeRefKey } from "../imports/rows";

type Tx = Prisma.TransactionClient;

/**
 * Writes the findings of a UHRI export (lib/import/uhri/finding.ts) in the caller's transaction: all of them or none.
 * Documents are matched on their symbol and findings on their UHRI annotation id, so the same file again writes
 * nothing and a corrected file updates only what it corrects. A document an organisation added by hand keeps what its
 * editors wrote; the import only adds its findings to it. Set-based statements, a few per 5,000 rows.
 */

const CHUNK = 5_000;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < rows.length; at += CHUNK) out.push(rows.slice(at, at + CHUNK));
  return out;
}

type StoredDocument = { id: number; symbol: string; mechanism: string; body: string; date: string | null; organizationId: string | null };
type StoredFinding = { id: number; uhriId: string; documentId: number; paragraph: string | null; text: string; stateIso3: string; affectedPersons: string[]; themeIds: number[] };

async function storedDocuments(tx: Tx, symbols: readonly string[]): Promise<Map<string, StoredDocument>> {
  const out = new Map<string, StoredDocument>();
  for (const part of chunks(symbols)) {
    const rows = await tx.$queryRaw<StoredDocument[]>`
      SELECT "id", "symbol", "mechanism"::text AS "mechanism", "body", to_char("date", 'YYYY-MM-DD') AS "date", "organizationId"
      FROM "UnDocument" WHERE "symbol" = ANY(${part}::text[])`;
    for (const row of rows) out.set(row.symbol, row);
  }
  return out;
}

async function storedFindings(tx: Tx, ids: readonly string[]): Promise<Map<string, StoredFinding>> {
  const out = new Map<string, StoredFinding>();
  for (const part of chunks(ids)) {
    const rows = await tx.$queryRaw<StoredFinding[]>`
      SELECT f."id", f."uhriId", f."documentId", f."paragraph", f."text", f."stateIso3", f."affectedPersons",
        COALESCE((SELECT array_agg(ft."themeId" ORDER BY ft."themeId") FROM "FindingTheme" ft WHERE ft."findingId" = f."id"), '{}') AS "themeIds"
      FROM "Finding" f WHERE f."uhriId" = ANY(${part}::text[])`;
    for (const row of rows) out.set(row.uhriId, row);
  }
  return out;
}

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

function documentChanged(doc: ParsedUnDocument, stored: StoredDocument): boolean {
  return stored.organizationId === null && (stored.mechanism !== doc.mechanism || stored.body !== doc.body || stored.date !== doc.date);
}

async function ensureSourceDocument(tx: Tx, doc: ParsedDocument, known: number | null): Promise<number> {
  if (known !== null) return known;
  const found = await tx.sourceDocument.findUnique({ where: { sha256: doc.sha256 }, select: { id: true } });
  if (found) return found.id;
  return (await tx.sourceDocument.create({ data: { format: STORED_FORMAT[doc.format], fileName: doc.fileName, sha256: doc.sha256, title: doc.title } })).id;
}

/** The documents: new ones inserted, imported ones whose body, mechanism or date changed updated. Returns id by symbol. */
async function writeDocuments(tx: Tx, docs: readonly ParsedUnDocument[], source: () => Promise<number>, outcome: FindingOutcome): Promise<Map<string, number>> {
  const stored = await storedDocuments(tx, docs.map((d) => d.symbol));
  const inserts = docs.filter((d) => !stored.has(d.symbol));
  const updates = docs.filter((d) => stored.has(d.symbol) && documentChanged(d, stored.get(d.symbol)!));
  const ids = new Map([...stored.values()].map((s) => [s.symbol, s.id]));
  if (inserts.length + updates.length === 0) return ids;
  const sourceDocumentId = await source();
  for (const part of chunks(inserts)) {
    const rows = await tx.$queryRaw<{ id: number; symbol: string }[]>`
      INSERT INTO "UnDocument" ("symbol", "mechanism", "body", "date", "language", "sourceDocumentId", "updatedAt")
      SELECT u."symbol", u."mechanism"::"UnMechanism", u."body", u."date"::date, u."language", ${sourceDocumentId}::int, now()
      FROM unnest(${part.map((d) => d.symbol)}::text[], ${part.map((d) => d.mechanism)}::text[], ${part.map((d) => d.body)}::text[],
        ${part.map((d) => d.date)}::text[], ${part.map((d) => d.language)}::text[]) AS u("symbol", "mechanism", "body", "date", "language")
      RETURNING "id", "symbol"`;
    for (const row of rows) ids.set(row.symbol, row.id);
  }
  for (const part of chunks(updates)) {
    await tx.$executeRaw`
      UPDATE "UnDocument" d SET "mechanism" = u."mechanism"::"UnMechanism", "body" = u."body", "date" = u."date"::date, "updatedAt" = now()
      FROM unnest(${part.map((d) => d.symbol)}::text[], ${part.map((d) => d.mechanism)}::text[], ${part.map((d) => d.body)}::text[],
        ${part.map((d) => d.date)}::text[]) AS u("symbol", "mechanism", "body", "date")
      WHERE d."symbol" = u."symbol"`;
  }
  outcome.documentsCreated = inserts.length;
  outcome.documentsUpdated = updates.length;
  return ids;
}

type FindingRow = { uhriId: string; documentId: number; paragraph: string | null; text: string; stateIso3: string; affectedPersons: string[]; themeIds: number[] };

async function writeFindingThemes(tx: Tx, rows: readonly { findingId: number; themeIds: readonly number[] }[]): Promise<void> {
  const ids = rows.map((r) => r.findingId);
  const links = rows.flatMap((r) => r.themeIds.map((themeId) => ({ findingId: r.findingId, themeId })));
  for (const part of chunks(ids)) await tx.$executeRaw`DELETE FROM "FindingTheme" WHERE "findingId" = ANY(${part}::int[])`;
  for (const part of chunks(links)) {
    await tx.$executeRaw`
      INSERT INTO "FindingTheme" ("findingId", "themeId")
      SELECT * FROM unnest(${part.map((l) => l.findingId)}::int[], ${part.map((l) => l.themeId)}::int[])`;
  }
}

/** Inserts and updates findings (JSON records, so each row's affected persons travel as one array). */
async function writeFindingRows(tx: Tx, inserts: readonly FindingRow[], updates: readonly (FindingRow & { id: number })[], sourceDocumentId: number): Promise<void> {
  const themed: { findingId: number; themeIds: number[] }[] = [];
  for (const part of chunks(inserts)) {
    const rows = await tx.$queryRaw<{ id: number; uhriId: string }[]>`
      INSERT INTO "Finding" ("documentId", "paragraph", "text", "stateIso3", "affectedPersons", "uhriId", "sourceDocumentId", "updatedAt")
      SELECT r."documentId", r."paragraph", r."text", r."stateIso3", r."affectedPersons", r."uhriId", ${sourceDocumentId}::int, now()
      FROM jsonb_to_recordset(${JSON.stringify(part)}::jsonb)
        AS r("documentId" int, "paragraph" text, "text" text, "stateIso3" text, "affectedPersons" text[], "uhriId" text)
      RETURNING "id", "uhriId"`;
    const themes = new Map(part.map((row) => [row.uhriId, row.themeIds]));
    for (const row of rows) themed.push({ findingId: row.id, themeIds: themes.get(row.uhriId) ?? [] });
  }
  for (const part of chunks(updates)) {
    await tx.$executeRaw`
      UPDATE "Finding" f SET "documentId" = r."documentId", "paragraph" = r."paragraph", "text" = r."text", "stateIso3" = r."stateIso3",
        "affectedPersons" = r."affectedPersons", "sourceDocumentId" = ${sourceDocumentId}::int, "updatedAt" = now()
      FROM jsonb_to_recordset(${JSON.stringify(part)}::jsonb)
        AS r("id" int, "documentId" int, "paragraph" text, "text" text, "stateIso3" text, "affectedPersons" text[])
      WHERE f."id" = r."id"`;
    for (const row of part) themed.push({ findingId: row.id, themeIds: row.themeIds });
  }
  await writeFindingThemes(tx, themed);
}

function sameFinding(row: FindingRow, stored: StoredFinding): boolean {
  return (
    row.documentId === stored.documentId &&
    row.paragraph === stored.paragraph &&
    row.text === stored.text &&
    row.stateIso3 === stored.stateIso3 &&
    sameList(row.affectedPersons, stored.affectedPersons) &&
    sameList(row.themeIds, stored.themeIds)
  );
}

export type FindingsWritten = { outcome: FindingOutcome; sourceDocumentId: number | null };

/**
 * Imports a document's findings in the caller's transaction, under a lock so two imports of findings never interleave.
 * `sourceDocumentId` is the file's row when its reviews already recorded it. Audited once, when anything changed.
 */
export async function importFindings(tx: Tx, doc: ParsedDocument, options: { actorUserId: string | null; sourceDocumentId: number | null; themeIds?: ReadonlyMap<string, number> }): Promise<FindingsWritten> {
  const findings: readonly ParsedFinding[] = doc.findings ?? [];
  const outcome: FindingOutcome = { documents: doc.unDocuments?.length ?? 0, documentsCreated: 0, documentsUpdated: 0, created: 0, updated: 0, unchanged: 0 };
  if (findings.length === 0) return { outcome, sourceDocumentId: null };
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('upr-import:findings'))`;

  let sourceDocumentId = options.sourceDocumentId;
  const source = async (): Promise<number> => (sourceDocumentId = await ensureSourceDocument(tx, doc, sourceDocumentId));
  const documentIds = await writeDocuments(tx, doc.unDocuments ?? [], source, outcome);
  const themeIds = await upsertThemes(tx, findings.flatMap((f) => f.themes), options.themeIds);
  const stored = await storedFindings(tx, findings.map((f) => f.uhriId));

  // Compare each finding with its stored row.
  const inserts: FindingRow[] = [];
  const updates: (FindingRow & { id: number })[] = [];
  for (const finding of findings) {
    const documentId = documentIds.get(finding.symbol);
    if (documentId === undefined) throw new Error(`${finding.location}: the document ${finding.symbol} was not written`);
    const ids = [...new Set(finding.themes.map((t) => themeIds.get(themeRefKey(t))).filter((id): id is number => id !== undefined))].sort((a, b) => a - b);
    const row: FindingRow = { uhriId: finding.uhriId, documentId, paragraph: finding.paragraph, text: finding.text, stateIso3: finding.stateIso3, affectedPersons: finding.affectedPersons, themeIds: ids };
    const current = stored.get(finding.uhriId);
    if (!current) inserts.push(row);
    else if (sameFinding(row, current)) outcome.unchanged++;
    else updates.push({ ...row, id: current.id });
  }
  outcome.created = inserts.length;
  outcome.updated = updates.length;
  if (inserts.length + updates.length > 0) await writeFindingRows(tx, inserts, updates, await source());

  // A re-import that changes nothing writes nothing, not even an audit event.
  if (inserts.length + updates.length + outcome.documentsCreated + outcome.documentsUpdated > 0) {
    await recordAuditEvent(tx, {
      actorUserId: options.actorUserId,
      action: "finding.import",
      subjectType: "source-document",
      subjectId: String(sourceDocumentId),
      changes: { fileName: doc.fileName, sha256: doc.sha256, format: doc.format, ...outcome },
    });
  }
  return { outcome, sourceDocumentId };
}
