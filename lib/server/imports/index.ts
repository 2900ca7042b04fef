import "server-only";
import { summarise } from "@/lib/import";
import type { ImportEvent, ImportPreview, ImportResult, ReviewOutcome, ReviewPlan } from "@/lib/import/plan";
import type { ParsedDocument, ParsedRecommendation, ReviewRef, ThemeRef } from "@/lib/import/types";
import { themeKey, themeSlug } from "@/lib/themes";
import { recordAuditEvent } from "../audit";
import { syncCountries } from "../countries";
import { refreshRecommendationSearchIndex } from "../recommendation-index";
import { getDb, type Db } from "../db";
import type { ActionCategoryMethod, Prisma, SourceFormat } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type ImportOutcome = {
  sourceDocumentId: number;
  created: number;
  updated: number;
  unchanged: number;
};

/** An import that must not be written; `issues` name the file and the paragraph or row. */
export class ImportRejectedError extends Error {
  constructor(readonly fileName: string, readonly issues: { location: string; message: string }[]) {
    super(`${fileName}: ${issues.length} problem(s); nothing was imported.`);
    this.name = "ImportRejectedError";
  }
}

const FORMAT = {
  "ohchr-thematic-list": "OHCHR_THEMATIC_LIST",
  "upr-info-csv": "UPR_INFO_CSV",
  "upr-info-uwazi-csv": "UPR_INFO_UWAZI_CSV",
  "uhri-xlsx": "UHRI_XLSX",
  "uhri-json": "UHRI_JSON",
} as const;


/**
 * Writes a parsed document in one transaction: all or nothing. Recommendations are matched on their
 * stable source key, so importing the same file again changes nothing, and a corrected file updates
 * the rows it changes.
 */
export async function importParsedDocument(
  doc: ParsedDocument,
  options: { onProgress?: (done: number, total: number) => void; db?: Db; actorUserId?: string | null } = {},
): Promise<ImportOutcome> {
  if (doc.errors.length > 0) throw new ImportRejectedError(doc.fileName, doc.errors);
  if (doc.recommendations.length === 0) {
    throw new ImportRejectedError(doc.fileName, [{ location: "file", message: "no recommendations to import" }]);
  }
  const db = options.db ?? getDb();
  return db.$transaction(
    async (tx) => {
      await syncCountries(tx);
      const format = FORMAT[doc.format];
      const source = await tx.sourceDocument.upsert({
        where: { sha256: doc.sha256 },
        create: { format, fileName: doc.fileName, sha256: doc.sha256, title: doc.title },
        update: {},
      });
      const reviewIds = await upsertReviews(tx, doc.reviews);
      await refuseMixedSources(tx, doc, [...reviewIds.values()], format);
      const themeIds = await upsertThemes(tx, doc.recommendations.flatMap((rec) => rec.themes));
      const outcome = await writeRecommendations(tx, doc.recommendations, { reviewIds, themeIds, sourceId: source.id }, options.onProgress);
      await refreshRecommendationSearchIndex(tx, { sourceDocumentId: source.id });
      // A re-import that changes nothing writes nothing, not even an audit event.
      if (outcome.created + outcome.updated > 0) {
        await recordAuditEvent(tx, {
          actorUserId: options.actorUserId ?? null,
          action: "import",
          subjectType: "sourceDocument",
          subjectId: String(source.id),
          changes: { fileName: doc.fileName, sha256: doc.sha256, format: doc.format, ...outcome },
        });
      }
      return { sourceDocumentId: source.id, ...outcome };
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}

function reviewKey(iso3: string, cycle: number): string {
  return `${iso3}:${cycle}`;
}

async function upsertReviews(tx: Tx, reviews: ReviewRef[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const ref of reviews) {
    const where = { stateUnderReviewIso3_cycle: { stateUnderReviewIso3: ref.stateUnderReview, cycle: ref.cycle } };
    const current = await tx.review.findUnique({ where });
    // Curated facts (prisma/data/reviews.json) win; the document fills what is still unknown.
    const fill = {
      session: current?.session ?? ref.session,
      reportSymbol: current?.reportSymbol ?? ref.reportSymbol,
      addendumSymbol: current?.addendumSymbol ?? ref.addendumSymbol,
    };
    const review = current
      ? fill.session === current.session && fill.reportSymbol === current.reportSymbol && fill.addendumSymbol === current.addendumSymbol
        ? current
        : await tx.review.update({ where: { id: current.id }, data: fill })
      : await tx.review.create({ data: { stateUnderReviewIso3: ref.stateUnderReview, cycle: ref.cycle, ...fill } });
    ids.set(reviewKey(ref.stateUnderReview, ref.cycle), review.id);
  }
  return ids;
}

/** The same review loaded from two kinds of source would count every recommendation twice. */
async function refuseMixedSources(tx: Tx, doc: ParsedDocument, reviewIds: number[], format: SourceFormat): Promise<void> {
  const other = await tx.recommendation.groupBy({
    by: ["reviewId"],
    where: { reviewId: { in: reviewIds }, sourceDocument: { format: { not: format } } },
    _count: true,
  });
  if (other.length === 0) return;
  const reviews = await tx.review.findMany({ where: { id: { in: other.map((row) => row.reviewId) } } });
  throw new ImportRejectedError(
    doc.fileName,
    reviews.map((review) => ({
      location: `review ${review.stateUnderReviewIso3} cycle ${review.cycle}`,
      message: "already holds recommendations from another kind of source; importing this file would count them twice",
    })),
  );
}

async function upsertThemes(tx: Tx, themes: ThemeRef[]): Promise<Map<string, number>> {
  const distinct = new Map<string, ThemeRef>();
  for (const theme of themes) distinct.set(`${theme.scheme}:${themeKey(theme)}`, theme);
  await tx.theme.createMany({
    data: [...distinct.values()].map((theme) => ({
      scheme: theme.scheme,
      code: theme.code,
      name: theme.name,
      key: themeKey(theme),
      slug: themeSlug(theme),
    })),
    skipDuplicates: true,
  });
  const rows = await tx.theme.findMany({
    where: { OR: [...distinct.values()].map((theme) => ({ scheme: theme.scheme, key: themeKey(theme) })) },
    select: { id: true, scheme: true, key: true },
  });
  const ids = new Map(rows.map((row) => [`${row.scheme}:${row.key}`, row.id]));
  for (const [key, theme] of distinct) {
    // Two names that differ only in punctuation share a slug; say so rather than drop the link.
    if (!ids.has(key)) throw new Error(`theme "${theme.name}" clashes with an existing theme of the same public identifier ${themeSlug(theme)}`);
  }
  return ids;
}

type Links = { reviewIds: Map<string, number>; themeIds: Map<string, number>; sourceId: number };

function fieldsOf(rec: ParsedRecommendation, ordinal: number, links: Links): {
  reviewId: number;
  paragraph: string | null;
  ordinal: number;
  text: string;
  textLanguage: string;
  sourceDocumentId: number;
  position: ParsedRecommendation["position"];
  responseWording: string | null;
  unknownRecommendingStates: number;
  positionSource: string | null;
  actionCategory: number | null;
  actionCategorySource: string | null;
  actionCategoryMethod: ActionCategoryMethod | null;
  actionCategoryRules: string | null;
  originalActionCategory: number | null;
} {
  const reviewId = links.reviewIds.get(reviewKey(rec.stateUnderReview, rec.cycle));
  if (reviewId === undefined) throw new Error(`${rec.location}: review ${rec.stateUnderReview} cycle ${rec.cycle} missing from the document's reviews`);
  return {
    reviewId,
    paragraph: rec.paragraph,
    ordinal,
    text: rec.text,
    textLanguage: rec.textLanguage,
    sourceDocumentId: links.sourceId,
    position: rec.position,
    responseWording: rec.responseWording,
    unknownRecommendingStates: rec.unknownRecommendingStates,
    positionSource: rec.positionSource,
    actionCategory: rec.actionCategory,
    actionCategorySource: rec.actionCategorySource,
    actionCategoryMethod: rec.actionCategoryMethod,
    actionCategoryRules: rec.actionCategoryRules,
    originalActionCategory: rec.actionCategory,
  };
}

type Fields = ReturnType<typeof fieldsOf>;

/** An organisation's override outlives a re-import: the file updates the original category, the override stays in effect. */
function keepOverride(fields: Fields, current: { actionCategory: number | null; actionCategoryMethod: ActionCategoryMethod | null } | undefined): Fields {
  if (current?.actionCategoryMethod !== "OVERRIDE") return fields;
  return { ...fields, actionCategory: current.actionCategory, actionCategoryMethod: "OVERRIDE" };
}

function themeLinks(rec: ParsedRecommendation, links: Links): { themeId: number; primary: boolean }[] {
  const primaryKey = rec.matrixTheme ? `${rec.matrixTheme.scheme}:${themeKey(rec.matrixTheme)}` : null;
  const byId = new Map<number, boolean>();
  for (const theme of rec.themes) {
    const key = `${theme.scheme}:${themeKey(theme)}`;
    const id = links.themeIds.get(key);
    if (id !== undefined) byId.set(id, (byId.get(id) ?? false) || key === primaryKey);
  }
  return [...byId].map(([themeId, primary]) => ({ themeId, primary })).sort((a, b) => a.themeId - b.themeId);
}

async function writeRecommendations(
  tx: Tx,
  recs: ParsedRecommendation[],
  links: Links,
  onProgress?: (done: number, total: number) => void,
): Promise<Omit<ImportOutcome, "sourceDocumentId">> {
  const existing = await tx.recommendation.findMany({
    where: { sourceKey: { in: recs.map((rec) => rec.sourceKey) } },
    include: { recommendingStates: { orderBy: { ordinal: "asc" } }, themes: { orderBy: { themeId: "asc" } } },
  });
  const bySourceKey = new Map(existing.map((row) => [row.sourceKey, row]));
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const [index, rec] of recs.entries()) {
    const current = bySourceKey.get(rec.sourceKey);
    const fields = keepOverride(fieldsOf(rec, index, links), current);
    const states = rec.recommendingStates.map((countryIso3, ordinal) => ({ countryIso3, ordinal }));
    const themes = themeLinks(rec, links);
    if (!current) {
      await tx.recommendation.create({
        data: { ...fields, sourceKey: rec.sourceKey, recommendingStates: { create: states }, themes: { create: themes } },
      });
      created++;
    } else {
      const sameFields = Object.entries(fields).every(([key, value]) => current[key as keyof typeof fields] === value);
      const sameStates = JSON.stringify(current.recommendingStates.map((s) => s.countryIso3)) === JSON.stringify(rec.recommendingStates);
      const sameThemes = JSON.stringify(current.themes.map((t) => [t.themeId, t.primary])) === JSON.stringify(themes.map((t) => [t.themeId, t.primary]));
      if (sameFields && sameStates && sameThemes) unchanged++;
      else {
        await tx.recommendation.update({
          where: { id: current.id },
          data: {
            ...fields,
            ...(sameStates ? {} : { recommendingStates: { deleteMany: {}, create: states } }),
            ...(sameThemes ? {} : { themes: { deleteMany: {}, create: themes } }),
          },
        });
        updated++;
      }
    }
    if (onProgress && (index % 100 === 99 || index === recs.length - 1)) onProgress(index + 1, recs.length);
  }
  return { created, updated, unchanged };
}

/**
 * The plan of an import, review by review, without writing anything: what the CLI's --dry-run and the browser
 * import's preview show. (First version: every review is "import"; the writer's precedence rules fill this in.)
 */
export async function previewImport(doc: ParsedDocument, options: { replace?: boolean; db?: Db } = {}): Promise<ImportPreview> {
  const db = options.db ?? getDb();
  void options.replace;
  const summary = summarise(doc);
  const reviews: ReviewPlan[] = [];
  for (const group of summary.groups) {
    const review = await db.review.findUnique({
      where: { stateUnderReviewIso3_cycle: { stateUnderReviewIso3: group.stateUnderReview, cycle: group.cycle } },
      select: { reportedTotal: true, _count: { select: { recommendations: true } } },
    });
    const unknown = doc.recommendations.filter((r) => r.stateUnderReview === group.stateUnderReview && r.cycle === group.cycle && r.unknownRecommendingStates > 0).length;
    reviews.push({
      stateUnderReview: group.stateUnderReview,
      cycle: group.cycle,
      session: group.session,
      found: group.recommendations,
      positions: group.positions,
      unknownRecommendingStates: unknown,
      reported: review?.reportedTotal ?? null,
      loaded: review?._count.recommendations ?? 0,
      action: "import",
      existingFamily: null,
      note: null,
    });
  }
  return {
    format: doc.format,
    fileName: doc.fileName,
    sha256: doc.sha256,
    recommendations: summary.recommendations,
    positions: summary.positions,
    recommendingStates: summary.recommendingStates,
    unknownRecommendingStates: doc.recommendations.filter((r) => r.unknownRecommendingStates > 0).length,
    notUpr: doc.notUpr ?? 0,
    reviews,
    errors: doc.errors,
  };
}

/**
 * Applies an import: one transaction per review, events as it goes (the CLI prints them, the browser import streams
 * them). Rejected files (errors) write nothing. (First version: one transaction for the whole file.)
 */
export async function applyImport(
  doc: ParsedDocument,
  options: { replace?: boolean; actorUserId?: string | null; onEvent?: (event: ImportEvent) => void; db?: Db } = {},
): Promise<ImportResult> {
  const preview = await previewImport(doc, options);
  if (doc.errors.length > 0) throw new ImportRejectedError(doc.fileName, doc.errors);
  const written = await importParsedDocument(doc, { db: options.db, actorUserId: options.actorUserId });
  const outcomes: ReviewOutcome[] = preview.reviews.map((r, index) => {
    const outcome = { stateUnderReview: r.stateUnderReview, cycle: r.cycle, action: r.action, created: 0, updated: 0, unchanged: 0, removed: 0 };
    options.onEvent?.({ type: "review", index, of: preview.reviews.length, stateUnderReview: r.stateUnderReview, cycle: r.cycle, phase: "done", outcome });
    return outcome;
  });
  const result: ImportResult = { ...preview, sourceDocumentId: written.sourceDocumentId, outcomes };
  options.onEvent?.({ type: "result", result });
  return result;
}
