import "server-only";
import { pickRecommendationText, sameLanguage, type ShownText } from "@/lib/recommendation-text";
import { officialRecommendationTextSchema } from "@/lib/schemas/recommendation-text";
import { recordAuditEvent } from "./audit";
import { getDb, type Db } from "./db";
import { Prisma } from "./generated/prisma/client";
import { NotFoundError } from "./http-errors";

/**
 * The SQL of a recommendation's other official language versions as a JSON array of { language, text }, for the
 * row queries (one indexed lookup per row, no N+1). `alias` is the alias of the "Recommendation" table.
 */
export function officialTextsSql(alias: string): Prisma.Sql {
  const id = Prisma.raw(`${alias}."id"`);
  return Prisma.sql`COALESCE((SELECT json_agg(json_build_object('language', ot."language", 'text', ot."text") ORDER BY ot."language")
    FROM "RecommendationText" ot WHERE ot."recommendationId" = ${id}), '[]')`;
}

/**
 * The text of one recommendation to show in the interface language `locale`: the official version in that language
 * when one was imported, else the text as published, always with its language. Null when there is no such
 * recommendation. Public data: no viewer needed.
 */
export async function getRecommendationText(recommendationId: number, locale: string, db: Db = getDb()): Promise<ShownText | null> {
  const row = await db.recommendation.findUnique({
    where: { id: recommendationId },
    select: { text: true, textLanguage: true, officialTexts: { select: { language: true, text: true }, orderBy: { language: "asc" } } },
  });
  return row ? pickRecommendationText(row, row.officialTexts, locale) : null;
}

export type StoredOfficialText = { recommendationId: number; language: string; text: string; sourceDocumentId: number | null };

/**
 * Stores an official language version of a recommendation's text, as an importer read it from a UN document (e.g. the
 * Chinese edition of a Working Group report). It never replaces the published text, and a version in the published
 * text's own language is refused. Importing the same language again replaces that version. Operator-only, like
 * `importParsedDocument`: no route or action calls it, the CLI and importers do, and the write is audited.
 */
export async function addOfficialRecommendationText(
  input: unknown,
  options: { actorUserId?: string | null; db?: Db } = {},
): Promise<StoredOfficialText> {
  // Validate the input: a language tag, a text, an optional source document.
  const data = officialRecommendationTextSchema.parse(input);
  const db = options.db ?? getDb();
  return db.$transaction(async (tx) => {
    // The recommendation must exist, and the version must be in another language than the published text.
    const recommendation = await tx.recommendation.findUnique({ where: { id: data.recommendationId }, select: { textLanguage: true } });
    if (!recommendation) throw new NotFoundError(`recommendation ${data.recommendationId}`);
    if (sameLanguage(recommendation.textLanguage, data.language)) {
      throw new Error(`language: the published text of recommendation ${data.recommendationId} is already in ${recommendation.textLanguage}`);
    }
    const before = await tx.recommendationText.findUnique({
      where: { recommendationId_language: { recommendationId: data.recommendationId, language: data.language } },
      select: { text: true },
    });
    const stored = await tx.recommendationText.upsert({
      where: { recommendationId_language: { recommendationId: data.recommendationId, language: data.language } },
      create: data,
      update: { text: data.text, sourceDocumentId: data.sourceDocumentId },
      select: { recommendationId: true, language: true, text: true, sourceDocumentId: true },
    });
    await recordAuditEvent(tx, {
      actorUserId: options.actorUserId ?? null,
      action: "recommendation-text.import",
      subjectType: "recommendation",
      subjectId: String(data.recommendationId),
      changes: { language: data.language, text: [before?.text ?? null, data.text], sourceDocumentId: data.sourceDocumentId },
    });
    return stored;
  });
}
