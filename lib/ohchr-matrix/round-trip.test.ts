import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseOhchrThematicList } from "@/lib/import/ohchr-docx";
import { themeKey } from "@/lib/import/themes";
import type { ParsedDocument, ParsedRecommendation } from "@/lib/import/types";
import type { MatrixRow, MatrixTheme, OhchrMatrix } from "@/lib/schemas/ohchr-matrix";
import { realDataFile } from "@/tests/helpers/data-files";
import { formatOhchrMatrixDocx } from "./docx";

/**
 * Without a database: each real OHCHR list, read by the importer, written as the matrix from what the import keeps
 * (themes without their order in the cell, the "Theme:" heading as the primary theme), and read again, gives the same
 * recommendations. The 4th-cycle list has its SDGs in a column of their own; the matrix puts them among the themes, as
 * the older lists do, and the reader finds them there.
 */

function asStored(document: ParsedDocument): OhchrMatrix {
  const ids = new Map<string, number>();
  const idOf = (key: string): number => ids.get(key) ?? (ids.set(key, ids.size + 1), ids.size);
  const review = document.reviews[0]!;
  const rows = document.recommendations.map(
    (row, index): MatrixRow => ({
      id: index + 1,
      paragraph: row.paragraph,
      text: row.text,
      position: row.position,
      responseWording: row.responseWording,
      responseWordingSource: null,
      positionSource: row.positionSource,
      themes: row.themes.map((theme): MatrixTheme => ({ ...theme, id: idOf(themeKey(theme)), primary: row.matrixTheme !== null && themeKey(row.matrixTheme) === themeKey(theme) })),
      current: null,
      findings: [],
    }),
  );
  return {
    organization: { id: "fixture", name: "FIXTURE organisation", slug: "fixture" },
    review: { id: 1, stateUnderReview: { iso3: review.stateUnderReview, name: review.stateUnderReview === "SVN" ? "Slovenia" : "China" }, cycle: review.cycle, session: review.session, reviewDate: null },
    assessments: "all",
    privateAssessments: 0,
    generatedAt: "2026-12-06T00:00:00.000Z",
    rows,
  };
}

function published(row: ParsedRecommendation) {
  const { paragraph, text, recommendingStates, position, responseWording, positionSource } = row;
  return { paragraph, text, recommendingStates, position, responseWording, positionSource, themes: row.themes.map(themeKey).sort(), matrixTheme: row.matrixTheme ? themeKey(row.matrixTheme) : null };
}

describe("the matrix read back by the importer", () => {
  for (const file of ["ohchr/SVN-cycle4-2025-thematic-list.docx", "ohchr/CHN-cycle3-2018-thematic-list.docx"]) {
    it(`gives the recommendations of ${file}`, async () => {
      const original = await parseOhchrThematicList(readFileSync(realDataFile(file)), { fileName: file });
      expect(original.errors).toEqual([]);
      const bytes = Buffer.from(await formatOhchrMatrixDocx(asStored(original)));
      const again = await parseOhchrThematicList(bytes, { fileName: "matrix.docx" });
      expect(again.errors).toEqual([]);
      expect(again.reviews).toEqual(original.reviews);
      expect(again.recommendations.map(published)).toEqual(original.recommendations.map(published));
    }, 60_000);
  }
});
