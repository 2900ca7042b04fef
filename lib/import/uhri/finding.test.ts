import { describe, expect, it } from "vitest";
import { bodyOf, documentBody } from "@/lib/findings/bodies";
import { parseImportFile } from "../index";
import { buildUhriXlsx, cell, serial, TREATY_BODY_ROWS, uhriItemOf, type UhriRow } from "./test-fixtures";

// Every workbook and JSON here is a FIXTURE in the UHRI layout (./test-fixtures.ts); none is UHRI data.

const json = (rows: UhriRow[]): Buffer => Buffer.from(JSON.stringify(rows.map((row) => uhriItemOf(row))));

describe("UHRI treaty-body and special-procedure rows as findings", () => {
  it("reads the xlsx rows as documents and findings, one per State concerned", async () => {
    const doc = await parseImportFile(await buildUhriXlsx(TREATY_BODY_ROWS), { fileName: "export-full-en.xlsx" });
    expect(doc.errors).toEqual([]);
    expect(doc.unDocuments).toEqual([
      { symbol: "CRC/C/CHN/CO/FIXTURE-1", mechanism: "TREATY_BODY", body: "CRC", date: "2013-10-29", language: "en", location: "row 2" },
      { symbol: "A/HRC/FIXTURE/SP-1", mechanism: "SPECIAL_PROCEDURE", body: "Special Procedures", date: null, language: "en", location: "row 3" },
    ]);
    expect(doc.findings).toEqual([
      {
        uhriId: "FIXTURE-CRC-1",
        symbol: "CRC/C/CHN/CO/FIXTURE-1",
        paragraph: "12",
        text: "FIXTURE treaty-body row: this text is not a finding of any UN body.",
        stateIso3: "CHN",
        themes: [{ scheme: "UHRI_THEME", code: null, name: "Right to education" }],
        affectedPersons: ["children"],
        location: "row 2",
      },
      expect.objectContaining({ uhriId: "FIXTURE-SP-1:CHN", stateIso3: "CHN", paragraph: null, themes: [], affectedPersons: [] }),
      expect.objectContaining({ uhriId: "FIXTURE-SP-1:FRA", stateIso3: "FRA" }),
    ]);
  });

  it("reads the JSON export the same way", async () => {
    const doc = await parseImportFile(json(TREATY_BODY_ROWS), { fileName: "export.json" });
    expect(doc.format).toBe("uhri-json");
    expect(doc.errors).toEqual([]);
    expect(doc.findings?.map((f) => [f.uhriId, f.symbol, f.paragraph, f.stateIso3])).toEqual([
      ["FIXTURE-CRC-1", "CRC/C/CHN/CO/FIXTURE-1", "12", "CHN"],
      ["FIXTURE-SP-1:CHN", "A/HRC/FIXTURE/SP-1", null, "CHN"],
      ["FIXTURE-SP-1:FRA", "A/HRC/FIXTURE/SP-1", null, "FRA"],
    ]);
    expect(doc.unDocuments?.map((d) => [d.symbol, d.body, d.date])).toEqual([
      ["CRC/C/CHN/CO/FIXTURE-1", "CRC", "2018-12-26"],
      ["A/HRC/FIXTURE/SP-1", "Special Procedures", "2018-12-26"],
    ]);
  });

  it("names each row's problem: no symbol, no body, a State nobody knows, a repeated id, a body changing", async () => {
    const base = TREATY_BODY_ROWS[0]!;
    const rows: UhriRow[] = [
      { ...base, "Document Symbol": null, "OHCHR Annotation Id": "FIXTURE-A" },
      { ...base, "Reccomending Body": cell(["Committee of Nobody"]), Type: null, "OHCHR Annotation Id": "FIXTURE-B" },
      { ...base, "Countries Concerned": cell(["Atlantis"]), "OHCHR Annotation Id": "FIXTURE-C" },
      { ...base, "OHCHR Annotation Id": "FIXTURE-D" },
      { ...base, "OHCHR Annotation Id": "FIXTURE-D" },
      { ...base, "Reccomending Body": cell(["CERD"]), "OHCHR Annotation Id": "FIXTURE-E", "Document Publication Date": serial("2014-01-01") },
    ];
    const doc = await parseImportFile(await buildUhriXlsx(rows), { fileName: "x.xlsx" });
    expect(doc.errors).toEqual([
      expect.objectContaining({ kind: "unknown-state", message: expect.stringContaining("Atlantis") }),
      { location: "row 2", message: "no Document Symbol (a finding is a passage of a UN document)" },
      { location: "row 3", message: 'unknown Reccomending Body "Committee of Nobody" (expected a treaty body such as CERD, or a special procedure)' },
      { location: "row 6", message: "the same OHCHR Annotation Id as row 5 (FIXTURE-D)" },
      { location: "row 7", message: "Document Symbol CRC/C/CHN/CO/FIXTURE-1 is given as CERD here and as CRC in row 5" },
    ]);
  });

  it("knows the treaty bodies by abbreviation or name, and the special procedures' mandates", () => {
    expect(bodyOf("CERD")).toEqual({ mechanism: "TREATY_BODY", body: "CERD" });
    expect(bodyOf("Committee on the Elimination of Racial Discrimination")).toEqual({ mechanism: "TREATY_BODY", body: "CERD" });
    expect(bodyOf("Human Rights Committee")).toEqual({ mechanism: "TREATY_BODY", body: "CCPR" });
    expect(bodyOf("crc-op-sc")).toEqual({ mechanism: "TREATY_BODY", body: "CRC-OP-SC" });
    expect(bodyOf("SR on torture")).toEqual({ mechanism: "SPECIAL_PROCEDURE", body: "SR on torture" });
    expect(bodyOf("UPR")).toBeNull();
    expect(documentBody(["SR on torture", "WG on Arbitrary Detention"], null)).toEqual({ mechanism: "SPECIAL_PROCEDURE", body: "SR on torture; WG on Arbitrary Detention" });
    expect(documentBody(["CERD", "Special Procedures"], null)).toEqual({ problem: "Reccomending Body mixes treaty bodies and special procedures (CERD, Special Procedures)" });
    expect(documentBody([], "Treaty Bodies")).toEqual({ mechanism: "TREATY_BODY", body: "Treaty bodies" });
  });
});
