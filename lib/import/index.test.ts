import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFormat, parseImportFile, summarise } from "./index";
import { realDataFile } from "@/tests/helpers/data-files";

const read = (file: string): Buffer => readFileSync(realDataFile(file));

describe("detectFormat", () => {
  it("knows a .docx by its zip signature and a UPR Info export by its header", () => {
    expect(detectFormat(read("ohchr/SVN-cycle4-2025-thematic-list.docx"), "whatever.bin")).toBe("ohchr-thematic-list");
    expect(detectFormat(read("upr-info/CHN-upr-info-2009-2013.csv"), "export.txt")).toBe("upr-info-csv");
    expect(detectFormat(Buffer.from('\uFEFF"To";"Text";"From";"Response"\n'), "x")).toBe("upr-info-csv");
  });

  it("falls back on the extension, and otherwise gives up", () => {
    expect(detectFormat(Buffer.from("a,b\n"), "broken.csv")).toBe("upr-info-csv");
    expect(detectFormat(Buffer.from("not a zip"), "broken.docx")).toBe("ohchr-thematic-list");
    expect(detectFormat(Buffer.from("%PDF-1.7"), "report.pdf")).toBeNull();
  });
});

describe("parseImportFile", () => {
  it("says what it accepts when it recognises nothing", async () => {
    const doc = await parseImportFile(Buffer.from("%PDF-1.7"), { fileName: "report.pdf" });
    expect(doc.errors).toEqual([
      { location: "file", message: "not an OHCHR thematic list (.docx) nor a UPR Info export (.csv)" },
    ]);
    expect(doc.recommendations).toEqual([]);
  });

  it("dispatches to the right parser, and a broken .docx says so", async () => {
    const broken = await parseImportFile(Buffer.from("not a zip"), { fileName: "broken.docx" });
    expect(broken.errors).toEqual([{ location: "file", message: "not a .docx file, or a damaged one (is it cut short?)" }]);
    const csv = await parseImportFile(read("upr-info/CHN-upr-info-2009-2013.csv"), { fileName: "c.csv", cycle: 1 });
    expect(csv.format).toBe("upr-info-csv");
    expect(csv.recommendations).toHaveLength(137);
  });
});

describe("summarise", () => {
  it("counts what the CLI prints for the 2018 list", async () => {
    const doc = await parseImportFile(read("ohchr/CHN-cycle3-2018-thematic-list.docx"), { fileName: "chn.docx" });
    const positions = { supported: 284, supportedInPart: 0, noted: 62 };
    const summary = summarise(doc);
    expect(summary).toEqual({
      format: "ohchr-thematic-list",
      recommendations: 346,
      positions,
      // 138 distinct States, as in the reference parse of the same document.
      recommendingStates: 138,
      groups: [{ stateUnderReview: "CHN", cycle: 3, session: 31, recommendations: 346, positions }],
      errors: [],
    });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it("groups a multi-session export by review", async () => {
    const summary = summarise(await parseImportFile(read("upr-info/CHN-upr-info-2009-2013.csv"), { fileName: "c.csv" }));
    expect(summary.groups.map((g) => [g.cycle, g.session, g.recommendations])).toEqual([
      [1, 4, 137],
      [2, 17, 284],
    ]);
    expect(summary.positions.supported + summary.positions.noted).toBe(421);
  });
});
