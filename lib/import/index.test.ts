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
    expect(detectFormat(Buffer.from("not a zip"), "export.xlsx")).toBe("uhri-xlsx");
    expect(detectFormat(Buffer.from("{}"), "export.json")).toBe("uhri-json");
  });

  it("tells a workbook from a Word document by the parts the zip holds", async () => {
    const { buildZip, stored } = await import("./test-zip");
    expect(detectFormat(buildZip([stored("xl/workbook.xml", "<workbook/>")]), "a.docx")).toBe("uhri-xlsx");
    expect(detectFormat(buildZip([stored("word/document.xml", "<w:document/>")]), "a.xlsx")).toBe("ohchr-thematic-list");
    expect(detectFormat(buildZip([stored("other.txt", "")]), "a.xlsx")).toBe("uhri-xlsx");
    expect(detectFormat(buildZip([stored("other.txt", "")]), "a.zip")).toBe("ohchr-thematic-list");
  });
});

describe("parseImportFile", () => {
  it("says what it accepts when it recognises nothing", async () => {
    const doc = await parseImportFile(Buffer.from("%PDF-1.7"), { fileName: "report.pdf" });
    expect(doc.errors).toEqual([
      {
        location: "file",
        kind: "file",
        message: "not an OHCHR thematic list (.docx), a UPR Info export (.csv) nor a Universal Human Rights Index export (.xlsx or .json)",
      },
    ]);
    expect(doc.recommendations).toEqual([]);
  });

  it("dispatches to the right parser, and a broken .docx says so", async () => {
    const broken = await parseImportFile(Buffer.from("not a zip"), { fileName: "broken.docx" });
    expect(broken.errors).toEqual([{ location: "file", message: "not a .docx file, or a damaged one (is it cut short?)" }]);
    const brokenXlsx = await parseImportFile(Buffer.from("not a zip"), { fileName: "broken.xlsx" });
    expect(brokenXlsx.errors).toEqual([
      { location: "file", kind: "file", message: "not a readable .xlsx archive (End of central directory record signature not found); is it cut short?" },
    ]);
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
