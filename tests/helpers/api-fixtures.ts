import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { expect } from "vitest";
import { UTF8_BOM } from "@/lib/csv/format";
import { RECOMMENDATION_CSV_COLUMNS, type CsvColumn } from "@/lib/csv/recommendations";
import type { ParsedDocument, ParsedRecommendation } from "@/lib/import/types";

/** A text as a hostile uploader could print it: Excel would run it as a formula if the export did not neutralise it. */
export const FORMULA_TEXT = "=cmd|' /C calc'!A0 Ensure the fixture is exported as text";

/**
 * A document of `count` recommendations to France in cycle 4 (a review the real data lacks), so the real China counts
 * stay as the documents print them. The first text starts with "="; the others carry commas, quotes, line breaks and
 * non-Latin characters, which the CSV must round-trip.
 */
export function formulaFixture(count: number): ParsedDocument {
  const recommendations: ParsedRecommendation[] = Array.from({ length: count }, (_, i) => ({
    sourceKey: `fixture:FRA:c4:${i + 1}`,
    stateUnderReview: "FRA",
    cycle: 4,
    session: null,
    paragraph: `9.${i + 1}`,
    text: i === 0 ? FORMULA_TEXT : `Fixture recommendation ${i + 1}, with "quotes",\r\na line break, 中文 and é`,
    textLanguage: "en",
    recommendingStates: i % 2 === 0 ? ["GBR"] : ["DEU", "CIV"],
    unknownRecommendingStates: 0,
    position: i % 3 === 0 ? "NOTED" : "SUPPORTED",
    responseWording: i % 3 === 0 ? "noted" : "supported",
    positionSource: null,
    themes: [{ scheme: "UHRI_CODED", code: "A12", name: "Acceptance of international norms" }],
    matrixTheme: null,
    actionCategory: null,
    actionCategorySource: null,
    actionCategoryMethod: null,
    actionCategoryRules: null,
    location: `paragraph 9.${i + 1}`,
  }));
  return {
    format: "ohchr-thematic-list",
    fileName: "fixture-FRA-cycle4.docx",
    sha256: createHash("sha256").update(`fixture:${count}`).digest("hex"),
    title: "Test fixture",
    reviews: [{ stateUnderReview: "FRA", cycle: 4, session: null, reportSymbol: null, addendumSymbol: null }],
    recommendations,
    errors: [],
  };
}

/** [label, search string]: parameters a careless or hostile caller sends. Each must be a 400, never a 500. */
export function hostileSearches(): [string, string][] {
  const cases: Record<string, string> = {
    "negative page": "page=-1",
    "huge page size": "pageSize=100000",
    "zero page size": "pageSize=0",
    "unknown position": "position=maybe",
    "SQL in a State code": `state=${encodeURIComponent("GBR';DROP TABLE \"Recommendation\";--")}`,
    "10,000-character q": `q=${"death ".repeat(2_000).slice(0, 10_000)}`,
    "unknown region": "region=mars",
    "non-numeric cycle": "cycle=abc",
    "cycle out of range": "cycle=0",
    "review beyond int4": "review=99999999999",
    "unknown sort": `sort=${encodeURIComponent("id;DROP TABLE x")}`,
    "unknown parameter": "cycle=3&colour=red",
    "NUL in the search": "q=%00",
    "NUL in a wording": "wording=a%00b",
    "unknown variants mode": "q=Uyghur&variants=maybe",
  };
  return Object.entries(cases);
}

export type CsvFile = { bom: boolean; rows: Record<CsvColumn, string>[] };

/** Reads an export as a spreadsheet would, checking the header and the line ends on the way. */
export async function readCsv(response: Response): Promise<CsvFile> {
  expect(response.status).toBe(200);
  // Not response.text(): the Fetch spec's UTF-8 decode silently drops a leading BOM, so read the bytes.
  const text = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(await response.arrayBuffer());
  const bom = text.startsWith(UTF8_BOM);
  const body = bom ? text.slice(1) : text;
  expect(body.slice(0, body.indexOf("\r\n"))).toBe(RECOMMENDATION_CSV_COLUMNS.join(","));
  const records = parse(body, { columns: true, record_delimiter: "\r\n" }) as Record<CsvColumn, string>[];
  return { bom, rows: records };
}
