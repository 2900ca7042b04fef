import { describe, expect, it } from "vitest";
import { detectFormat, parseImportFile, summarise } from "../index";
import { UHRI_COLUMNS } from "./columns";
import { buildUhriXlsx, cell, referenceRows, TREATY_BODY_ROWS, uhriRowOf, type UhriRow } from "./test-fixtures";
import { parseUhriXlsx } from "./xlsx";

// Every workbook here is a FIXTURE written in the UHRI layout from the real texts of China's 2018 list (see
// ./test-fixtures.ts); none is UHRI data.
const refs = referenceRows();
const rows = refs.map((r) => uhriRowOf(r));

describe("parseUhriXlsx on the 2018 list in the UHRI layout", async () => {
  const buffer = await buildUhriXlsx([TREATY_BODY_ROWS[0]!, ...rows, TREATY_BODY_ROWS[1]!]);
  const progress: [number, number][] = [];
  const doc = await parseUhriXlsx(buffer, { fileName: "export-full-en.xlsx", onProgress: (d, t) => progress.push([d, t]) });

  it("is detected from its content", () => {
    expect(detectFormat(buffer, "download.bin")).toBe("uhri-xlsx");
    expect(detectFormat(buffer, "mislabelled.docx")).toBe("uhri-xlsx");
  });

  it("imports every UPR row and counts the others as not UPR", () => {
    expect(doc.errors).toEqual([]);
    expect(doc.format).toBe("uhri-xlsx");
    expect(doc.notUpr).toBe(2);
    const summary = summarise(doc);
    expect(summary.positions).toEqual({ supported: 284, supportedInPart: 0, noted: 62 });
    expect(summary.recommendingStates).toBe(138);
    expect(doc.reviews).toEqual([{ stateUnderReview: "CHN", cycle: 3, session: 31, reportSymbol: "A/HRC/40/6", addendumSymbol: null }]);
    expect(progress.at(-1)).toEqual([348, 348]);
  });

  it("keeps each text exactly, with its paragraph, States and position", () => {
    expect(doc.recommendations.map((r) => r.text)).toEqual(refs.map((r) => r.recommendation_text));
    expect(doc.recommendations.map((r) => r.paragraph)).toEqual(refs.map((r) => r.paragraph));
    expect(doc.recommendations.map((r) => r.recommendingStates.join(";"))).toEqual(refs.map((r) => r.recommending_states_iso3));
    expect(doc.recommendations.map((r) => r.position)).toEqual(refs.map((r) => r.position.toUpperCase()));
  });

  it("gives stable keys, rows as a spreadsheet numbers them, and UHRI themes", () => {
    const second = doc.recommendations[1]!;
    expect(second).toMatchObject({
      sourceKey: "uhri:FIXTURE-CHN-C3-28.2",
      location: "row 4",
      textLanguage: "en",
      unknownRecommendingStates: 0,
      responseWording: "noted",
      positionSource: "A/HRC/40/6",
      actionCategoryMethod: "DERIVED",
      matrixTheme: null,
    });
    expect(second.themes).toEqual([
      { scheme: "UHRI_THEME", code: null, name: "Acceptance of international norms" },
      { scheme: "UHRI_THEME", code: null, name: "Death penalty" },
      { scheme: "UHRI_THEME", code: null, name: "Prohibition of torture and cruel, inhuman or degrading treatment" },
      { scheme: "UHRI_THEME", code: null, name: "Migrants" },
      { scheme: "AFFECTED_PERSONS", code: null, name: "general" },
      { scheme: "AFFECTED_PERSONS", code: null, name: "migrants" },
      { scheme: "SDG", code: "16", name: "Peace, justice and strong institutions" },
    ]);
  });

  it("honours the State and cycle filters", async () => {
    const china = await parseUhriXlsx(buffer, { fileName: "x.xlsx", stateUnderReview: "chn", cycle: 3 });
    expect(china.recommendations).toHaveLength(346);
    const france = await parseUhriXlsx(buffer, { fileName: "x.xlsx", stateUnderReview: "FRA" });
    expect(france.recommendations).toEqual([]);
    // The special-procedure row concerns France too: its French finding is all there is for France.
    expect(france.errors).toEqual([]);
    expect(france.findings?.map((f) => f.uhriId)).toEqual(["FIXTURE-SP-1:FRA"]);
    const cycle2 = await parseUhriXlsx(buffer, { fileName: "x.xlsx", cycle: 2 });
    // Findings have no cycle: a cycle filter leaves them all in.
    expect(cycle2.errors).toEqual([]);
    expect(cycle2.recommendations).toEqual([]);
    expect(cycle2.findings).toHaveLength(3);
    expect(cycle2.notUpr).toBe(2);
  });
});

/** A one-review workbook of the first rows of the list, each changed by `edit`. */
async function parsed(edits: ((row: UhriRow) => UhriRow)[], header?: readonly string[]) {
  const buffer = await buildUhriXlsx(edits.map((edit, i) => edit({ ...rows[i]! })), header);
  return parseImportFile(buffer, { fileName: "export-full-en.xlsx" });
}

describe("parseUhriXlsx encoding", () => {
  it("reads Supported/Noted, multi-valued cells, an SDG target and the other spelling of Recommending", async () => {
    const header = UHRI_COLUMNS.map((c) => c.replace("Reccomending", "Recommending"));
    const doc = await parsed(
      [
        (r) => ({ ...r, "UPR Position": "Supported/Noted", Sdgs: cell(["16.3 - Promote the rule of law at the national and international levels and ensure equal access to justice for all"]) }),
        (r) => ({ ...r, "UPR Reccomending States": cell(["Honduras", "(Unknown)", "Honduras", "Kenya"]) }),
      ],
      header,
    );
    expect(doc.errors).toEqual([]);
    const [first, second] = doc.recommendations;
    expect(first).toMatchObject({ position: "SUPPORTED_IN_PART", responseWording: "supported/noted" });
    expect(first!.themes.filter((t) => t.scheme === "SDG")).toEqual([{ scheme: "SDG", code: "16", name: "Peace, justice and strong institutions" }]);
    expect(second).toMatchObject({ recommendingStates: ["HND", "KEN"], unknownRecommendingStates: 1 });
  });

  it("reports an unknown State once, with its row count and first rows", async () => {
    const narnia = (r: UhriRow): UhriRow => ({ ...r, "UPR Reccomending States": cell(["Narnia"]) });
    const doc = await parsed([narnia, (r) => r, narnia, narnia]);
    expect(doc.errors).toEqual([{ location: "rows 2, 4, 5", message: 'unknown recommending State "Narnia" (3 rows)', kind: "unknown-state" }]);
    expect(doc.recommendations.map((r) => r.paragraph)).toEqual(["28.2"]);
  });

  it("names the row of each other problem", async () => {
    const doc = await parsed([
      (r) => ({ ...r, "UPR Position": "Pending" }),
      (r) => ({ ...r, "OHCHR Annotation Id": "FIXTURE-CHN-C3-28.1" }),
      (r) => ({ ...r, "OHCHR Annotation Id": null }),
      (r) => ({ ...r, "UPR Session": "44", Text: String(r.Text).replace(/^28\.4 /, "") }),
      (r) => ({ ...r, "Countries Concerned": cell(["China", "India"]) }),
    ]);
    expect(doc.errors).toEqual([
      { location: "row 2", message: 'unknown UPR Position "Pending" (expected Supported, Noted or Supported/Noted)' },
      { location: "row 3", message: "the same OHCHR Annotation Id as row 2 (FIXTURE-CHN-C3-28.1)" },
      { location: "row 4", message: "no OHCHR Annotation Id (the stable key of a UHRI record)" },
      { location: "row 6", message: "several Countries Concerned (China, India); a UPR recommendation concerns one State" },
    ]);
    // A text without a paragraph number keeps it null; session 44 is in the 4th cycle.
    expect(doc.recommendations).toHaveLength(1);
    expect(doc.recommendations[0]).toMatchObject({ paragraph: null, cycle: 4, session: 44, location: "row 5" });
    expect(doc.recommendations[0]!.text).toBe(refs[3]!.recommendation_text);
  });

  it("refuses another layout with the columns expected and found", async () => {
    const doc = await parsed([(r) => r], ["To", "From", "Text", "Response", "Session"]);
    expect(doc.recommendations).toEqual([]);
    expect(doc.errors).toHaveLength(1);
    expect(doc.errors[0]).toMatchObject({ location: "row 1", kind: "layout" });
    expect(doc.errors[0]!.message).toMatch(
      /^not the UHRI export layout: expected the columns Text, Countries Concerned, Reccomending Body, .*, Date of publication on UHRI; found To, From, Text, Response, Session \(missing Countries Concerned, /,
    );
  });

  it("reads a file of treaty-body and special-procedure rows alone as findings", async () => {
    const doc = await parseImportFile(await buildUhriXlsx(TREATY_BODY_ROWS), { fileName: "x.xlsx" });
    expect(doc.notUpr).toBe(2);
    expect(doc.errors).toEqual([]);
    expect(doc.recommendations).toEqual([]);
    expect(doc.findings).toHaveLength(3);
  });

  it("says when a file holds no rows for the State asked", async () => {
    const doc = await parseImportFile(await buildUhriXlsx(TREATY_BODY_ROWS), { fileName: "x.xlsx", stateUnderReview: "DEU" });
    expect(doc.errors).toEqual([{ location: "file", kind: "file", message: "no UPR recommendations nor treaty-body or special-procedure findings for DEU" }]);
  });
});
