import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { parseOhchrThematicList } from "./ohchr-docx";
import type { ParsedDocument, ParsedRecommendation, ThemeRef } from "./types";
import { realDataFile } from "@/tests/helpers/data-files";

const REFERENCE = realDataFile("reference/CHN-cycle3-2018-parsed.csv");

async function parseFile(name: string): Promise<ParsedDocument> {
  return parseOhchrThematicList(readFileSync(realDataFile(`ohchr/${name}`)), { fileName: name });
}

function positions(doc: ParsedDocument): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of doc.recommendations) counts[String(r.position)] = (counts[String(r.position)] ?? 0) + 1;
  return counts;
}

/** Theme codes as the reference prints them: "A12", and SDGs back in their S-code form ("S16", "S04"). */
function referenceCode(t: ThemeRef): string {
  return t.scheme === "SDG" ? `S${t.code!.padStart(2, "0")}` : t.code!;
}

describe("China 2018 (3rd cycle)", () => {
  let doc: ParsedDocument;
  beforeAll(async () => {
    doc = await parseFile("CHN-cycle3-2018-thematic-list.docx");
  });
  const byParagraph = (p: string): ParsedRecommendation => doc.recommendations.find((r) => r.paragraph === p)!;

  it("reads the review from the page header", () => {
    expect(doc.errors).toEqual([]);
    expect(doc.format).toBe("ohchr-thematic-list");
    expect(doc.title).toBe("UPR of China (3rd Cycle – 31st session) Thematic list of recommendations");
    expect(doc.reviews).toEqual([
      { stateUnderReview: "CHN", cycle: 3, session: 31, reportSymbol: "A/HRC/40/6", addendumSymbol: "A/HRC/40/6/Add.1" },
    ]);
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("has 346 recommendations, 28.1 to 28.346 in numeric order, 284 supported and 62 noted", () => {
    expect(doc.recommendations.map((r) => r.paragraph)).toEqual(Array.from({ length: 346 }, (_, i) => `28.${i + 1}`));
    expect(new Set(doc.recommendations.map((r) => r.textLanguage))).toEqual(new Set(["en"]));
    expect(positions(doc)).toEqual({ SUPPORTED: 284, NOTED: 62 });
    expect(new Set(doc.recommendations.map((r) => r.sourceKey)).size).toBe(346);
    expect(byParagraph("28.66").sourceKey).toBe("ohchr:CHN:c3:28.66");
  });

  it("finds all States of merged paragraphs", () => {
    expect(byParagraph("28.66").recommendingStates).toEqual(["LIE", "POL", "TGO", "URY", "SYC", "MLI"]);
    expect(byParagraph("28.9").recommendingStates).toEqual(["BEN", "EST", "GEO", "LVA", "MLT", "NAM"]);
    const uk = doc.recommendations.filter((r) => r.recommendingStates.includes("GBR"));
    expect(uk.map((r) => r.paragraph)).toEqual(["28.5", "28.19", "28.22"]);
    expect(uk.every((r) => r.position === "NOTED" && r.responseWording === "noted")).toBe(true);
  });

  it("matches the reference parse on every row", () => {
    const reference = parse(readFileSync(REFERENCE), { columns: true }) as Record<string, string>[];
    expect(reference).toHaveLength(346);
    for (const row of reference) {
      const rec = byParagraph(row.paragraph!);
      const themes = rec.themes.filter((t) => t.scheme !== "AFFECTED_PERSONS");
      const matrix = rec.matrixTheme!;
      expect({
        paragraph: rec.paragraph,
        text: rec.text,
        states: rec.recommendingStates.join(";"),
        position: rec.position,
        wording: rec.responseWording,
        source: rec.positionSource,
        codes: themes.map(referenceCode).join(";"),
        coded: themes.filter((t) => t.scheme === "UHRI_CODED").map((t) => `${t.code} ${t.name}`),
        persons: rec.themes.filter((t) => t.scheme === "AFFECTED_PERSONS").map((t) => t.name).join(" | "),
        matrix: `${referenceCode(matrix)} ${matrix.name}`,
      }).toEqual({
        paragraph: row.paragraph,
        text: row.recommendation_text,
        states: row.recommending_states_iso3,
        position: row.position!.toUpperCase(),
        wording: row.response,
        source: row.source_of_position,
        codes: row.theme_codes,
        coded: row.themes!.split(" | ").filter((t) => !/^S\d/.test(t)),
        persons: row.affected_persons,
        matrix: row.matrix_theme_group,
      });
      expect(rec.themes).toContainEqual(rec.matrixTheme);
    }
  });

  it("names SDGs with one canonical name", () => {
    expect(byParagraph("28.1").themes).toContainEqual({ scheme: "SDG", code: "16", name: "Peace, justice and strong institutions" });
    expect(byParagraph("28.321").themes).toContainEqual({
      scheme: "UHRI_CODED",
      code: "S",
      name: "Sustainable Development Goal implementation",
    });
  });

  it("reports progress", async () => {
    const calls: [number, number][] = [];
    await parseOhchrThematicList(readFileSync(realDataFile("ohchr/CHN-cycle3-2018-thematic-list.docx")), {
      fileName: "x.docx",
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls.length).toBeGreaterThanOrEqual(8);
    expect(calls.at(-1)![0]).toBe(calls.at(-1)![1]);
  });
});

describe("China 2013 (2nd cycle)", () => {
  it("reads 252 recommendations with the 186.28. style numbers", async () => {
    const doc = await parseFile("CHN-cycle2-2013-thematic-list.docx");
    expect(doc.errors).toEqual([]);
    expect(doc.recommendations).toHaveLength(252);
    expect(positions(doc)).toEqual({ SUPPORTED: 204, NOTED: 48 });
    expect(doc.reviews).toEqual([
      { stateUnderReview: "CHN", cycle: 2, session: 17, reportSymbol: "A/HRC/25/5", addendumSymbol: "A/HRC/25/5/Add.1" },
    ]);
    const p28 = doc.recommendations.find((r) => r.paragraph === "186.28")!;
    expect(p28.text).toBe("Continue its efforts on the ratification of other human rights instruments and relevant protocols (Mongolia);");
    expect(p28.positionSource).toBe("A/HRC/25/5/Add.1 - Para. 186.28.");
    // The document's spacing artefacts stay as printed, and still match their State.
    const p23 = doc.recommendations.find((r) => r.paragraph === "186.23")!;
    expect(p23.text).toContain("to which the country i s not yet a party (Argentina);");
    const sierraLeone = doc.recommendations.filter((r) => r.recommendingStates.includes("SLE"));
    expect(sierraLeone.length).toBe(3);
    expect(sierraLeone.some((r) => r.text.includes("(Sierra Le one)"))).toBe(true);
  });
});

describe("Slovenia 2025 (4th cycle layout)", () => {
  it("reads 254 recommendations with named themes, groups of persons and SDGs", async () => {
    const doc = await parseFile("SVN-cycle4-2025-thematic-list.docx");
    expect(doc.errors).toEqual([]);
    expect(doc.recommendations).toHaveLength(254);
    expect(positions(doc)).toEqual({ SUPPORTED: 217, NOTED: 37 });
    expect(doc.reviews).toEqual([
      { stateUnderReview: "SVN", cycle: 4, session: 48, reportSymbol: "A/HRC/59/15", addendumSymbol: "A/HRC/59/15/Add.1" },
    ]);
    const first = doc.recommendations.find((r) => r.paragraph === "140.7")!;
    expect(first.recommendingStates).toEqual(["MDV", "PRT"]);
    expect(first.positionSource).toBe("A/HRC/59/15/Add.1 - Para.3");
    expect(first.matrixTheme).toEqual({ scheme: "UHRI_THEME", code: null, name: "Ratification of & accession to international instruments" });
    expect(first.themes).toContainEqual({ scheme: "AFFECTED_PERSONS", code: null, name: "Public officials" });
    expect(first.themes.filter((t) => t.scheme === "SDG").map((t) => t.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    for (const r of doc.recommendations) expect(r.themes).toContainEqual(r.matrixTheme);
  });
});
