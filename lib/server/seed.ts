import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { parseImportFile } from "@/lib/import";
import { reviewFactsFileSchema } from "@/lib/schemas/review";
import { syncCountries } from "./countries";
import { getDb } from "./db";
import { fillActionCategories } from "./action-category-fill";
import { refreshSimilarityParts } from "./recurrence/similarity-parts";
import { importParsedDocument } from "./imports";
import { upsertReviewFacts } from "./reviews";

/** The real documents the first start loads, through the same importer as `npm run upr -- import`. */
export const SEED_FILES: { file: string; stateUnderReview?: string; cycle?: number }[] = [
  { file: "upr-info/CHN-upr-info-2009-2013.csv", stateUnderReview: "CHN", cycle: 1 },
  { file: "ohchr/CHN-cycle2-2013-thematic-list.docx" },
  { file: "ohchr/CHN-cycle3-2018-thematic-list.docx" },
];

export type SeedLog = (message: string) => void;

/**
 * Loads countries, review facts and the real China documents. Each document is imported in its own
 * transaction and skipped when already imported (by content hash), so an interrupted first start
 * resumes where it stopped and a second start does nothing.
 */
export async function seedRealData(options: { dataDir?: string; log?: SeedLog } = {}): Promise<{ imported: string[] }> {
  const dataDir = options.dataDir ?? path.resolve("prisma", "data");
  const log = options.log ?? (() => {});
  const db = getDb();
  await syncCountries(db);
  // Review facts are written once: later edits by an administrator are not overwritten on restart.
  if ((await db.review.count()) === 0) {
    const facts = reviewFactsFileSchema.parse(JSON.parse(await fs.readFile(path.join(dataDir, "reviews.json"), "utf8")));
    for (const review of facts.reviews) await upsertReviewFacts(db, review);
  }

  const imported: string[] = [];
  for (const entry of SEED_FILES) {
    const buffer = await fs.readFile(path.join(dataDir, entry.file));
    const sha256 = createHash("sha256").update(buffer).digest("hex");
    if (await db.sourceDocument.findUnique({ where: { sha256 }, select: { id: true } })) continue;
    const started = Date.now();
    const doc = await parseImportFile(buffer, { fileName: path.basename(entry.file), stateUnderReview: entry.stateUnderReview, cycle: entry.cycle });
    const outcome = await importParsedDocument(doc);
    log(`Imported ${entry.file}: ${outcome.created} recommendations in ${Date.now() - started} ms`);
    imported.push(entry.file);
  }
  // Older installs hold rows imported before categories (or their parts' categories) were derived; a newer rule
  // version re-derives its rows.
  const filled = await fillActionCategories(db);
  if (filled.derived + filled.rederived + filled.sourced + filled.parts > 0) {
    log(`Action categories: ${filled.derived} derived, ${filled.rederived} derived again, ${filled.sourced} marked as the source's, ${filled.parts} split into their States' parts`);
  }
  // The importer keeps the texts' comparable parts; a row written by other means gets them here.
  const parts = await refreshSimilarityParts(db, { missing: "all" });
  if (parts > 0) log(`Across-cycles suggestions: ${parts} text parts normalised`);
  return { imported };
}
