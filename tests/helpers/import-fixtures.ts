import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { parseImportFile } from "@/lib/import";
import type { ParsedDocument, ParsedRecommendation } from "@/lib/import/types";
import { realDataFile } from "./data-files";

/** A real shipped file, parsed as the CLI parses it. */
export async function parseRealFile(relative: string, options: { stateUnderReview?: string; cycle?: number } = {}): Promise<ParsedDocument> {
  const file = realDataFile(relative);
  return parseImportFile(await fs.readFile(file), { fileName: path.basename(file), ...options });
}

/**
 * TEST FIXTURE, not UN data: the real texts of a parsed document, relabelled as another State's review so a test
 * has reviews the real data lacks. A recommending State equal to the new State under review becomes the original
 * one, so no State recommends to itself. `tag` makes the source keys and the file hash distinct per fixture.
 */
export function relabelledReview(doc: ParsedDocument, iso3: string, cycle: number, tag = "fixture"): ParsedDocument {
  const original = doc.recommendations[0]?.stateUnderReview ?? iso3;
  const recommendations: ParsedRecommendation[] = doc.recommendations.map((rec, i) => ({
    ...rec,
    sourceKey: `${tag}:${iso3}:c${cycle}:${i + 1}`,
    stateUnderReview: iso3,
    cycle,
    session: null,
    recommendingStates: [...new Set(rec.recommendingStates.map((state) => (state === iso3 ? original : state)))],
  }));
  return {
    ...doc,
    fileName: `${tag}-${iso3}-cycle${cycle}.docx`,
    sha256: createHash("sha256").update(`${tag}:${iso3}:${cycle}`).digest("hex"),
    title: "Test fixture (real texts relabelled)",
    reviews: [{ stateUnderReview: iso3, cycle, session: null, reportSymbol: null, addendumSymbol: null }],
    recommendations,
  };
}

/** Several fixture documents as one file (a multi-review export). */
export function joinDocuments(docs: ParsedDocument[], tag: string): ParsedDocument {
  return {
    ...docs[0]!,
    fileName: `${tag}.docx`,
    sha256: createHash("sha256").update(tag).digest("hex"),
    reviews: docs.flatMap((doc) => doc.reviews),
    recommendations: docs.flatMap((doc) => doc.recommendations),
  };
}
