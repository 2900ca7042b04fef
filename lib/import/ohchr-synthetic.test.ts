import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { parseOhchrThematicList } from "./ohchr-docx";
import { buildDocx, NEW_HEADER, OLD_HEADER, oldRow } from "./test-fixtures";

const CHINA = ["UPR of ", "China", " (", "3", "rd", " Cycle – ", "31", "st", " session)"];

describe("files that are not thematic lists", () => {
  it("says a non-zip buffer is not a .docx file, without throwing", async () => {
    const doc = await parseOhchrThematicList(Buffer.from("To,Text,From\n"), { fileName: "export.csv" });
    expect(doc.errors).toEqual([{ location: "file", message: "not a .docx file, or a damaged one (is it cut short?)" }]);
    expect(doc.recommendations).toEqual([]);
  });

  it("says a zip that is not a Word document is not a .docx file", async () => {
    const zip = new JSZip();
    zip.file("hello.txt", "hello");
    const doc = await parseOhchrThematicList(await zip.generateAsync({ type: "nodebuffer" }), { fileName: "a.docx" });
    expect(doc.errors).toEqual([{ location: "file", message: "not a .docx file, or a damaged one (is it cut short?)" }]);
  });

  it("rejects a truncated .docx", async () => {
    const full = await buildDocx({ rows: [OLD_HEADER.map((h) => [h])], headerRuns: CHINA });
    const doc = await parseOhchrThematicList(full.subarray(0, full.length / 2), { fileName: "cut.docx" });
    expect(doc.errors).toEqual([{ location: "file", message: "not a .docx file, or a damaged one (is it cut short?)" }]);
  });

  it("says when the table has other columns", async () => {
    const buffer = await buildDocx({
      headerRuns: CHINA,
      rows: [
        [["Name"], ["Amount"], ["Date"]],
        [["Alice"], ["12"], ["2020"]],
      ],
    });
    const doc = await parseOhchrThematicList(buffer, { fileName: "budget.docx" });
    expect(doc.errors).toEqual([
      {
        location: "file",
        message: "no thematic list table found (expected columns Recommendation, Position, themes)",
      },
    ]);
  });

  it("says when the table has no rows", async () => {
    const buffer = await buildDocx({ headerRuns: CHINA, rows: [OLD_HEADER.map((h) => [h])] });
    const doc = await parseOhchrThematicList(buffer, { fileName: "empty.docx" });
    expect(doc.errors).toEqual([{ location: "file", message: "the thematic list table has no recommendations" }]);
  });
});

describe("a small 3rd-cycle list", () => {
  it("reads rows under their matrix theme, in paragraph order", async () => {
    const buffer = await buildDocx({
      headerRuns: CHINA,
      rows: [
        OLD_HEADER.map((h) => [h]),
        { span: 4, text: "Theme: A12 Acceptance of international norms" },
        oldRow("28.10 Ratify the ICCPR (Austria, France);", "Supported in part"),
        oldRow("28.2 Ratify the CAT (Iran (Islamic Republic of));", "Noted", ["D25 Prohibition of torture", "S16 SDG 16 - peace"]),
      ],
    });
    const doc = await parseOhchrThematicList(buffer, { fileName: "small.docx" });
    expect(doc.errors).toEqual([]);
    expect(doc.recommendations.map((r) => [r.paragraph, r.recommendingStates, r.position, r.responseWording])).toEqual([
      ["28.2", ["IRN"], "NOTED", "noted"],
      ["28.10", ["AUT", "FRA"], "SUPPORTED_IN_PART", "supported in part"],
    ]);
    const second = doc.recommendations[0]!;
    expect(second.matrixTheme).toEqual({ scheme: "UHRI_CODED", code: "A12", name: "Acceptance of international norms" });
    expect(second.themes).toEqual([
      { scheme: "UHRI_CODED", code: "D25", name: "Prohibition of torture" },
      { scheme: "SDG", code: "16", name: "Peace, justice and strong institutions" },
      { scheme: "AFFECTED_PERSONS", code: null, name: "general" },
      { scheme: "UHRI_CODED", code: "A12", name: "Acceptance of international norms" },
    ]);
  });

  it("collects every problem, naming the paragraph", async () => {
    const buffer = await buildDocx({
      headerRuns: CHINA,
      rows: [
        OLD_HEADER.map((h) => [h]),
        oldRow("28.66 Establish an NHRI (Poland); Speed it up (Narnia);", "Noted"),
        oldRow("28.7 Ratify the ICCPR (Chile);", ""),
        oldRow("28.8 Ratify the ICCPR;", "Supported"),
        oldRow("28.9 Ratify the ICCPR (Chile);", "Maybe"),
        oldRow("28.9 Ratify the CAT (Chile);", "Supported"),
        oldRow("Ratify without a number (Chile);", "Supported"),
      ],
    });
    const doc = await parseOhchrThematicList(buffer, { fileName: "bad.docx" });
    expect(doc.errors).toEqual([
      { location: "paragraph 28.66", message: 'unknown recommending State "Narnia" (1 paragraph)', kind: "unknown-state" },
      { location: "paragraph 28.7", message: "no position (expected Supported or Noted)" },
      { location: "paragraph 28.8", message: 'no recommending State found (expected e.g. "(France);" at the end)' },
      { location: "paragraph 28.9", message: 'unknown position "maybe"' },
      { location: "table row 7", message: 'recommendation without a paragraph number: "Ratify without a number (Chile);"' },
      { location: "paragraph 28.9", message: "the paragraph number appears twice with different text or position" },
    ]);
    expect(doc.errors.every((e) => !/\n\s+at /.test(e.message))).toBe(true);
  });
});

describe("the heading", () => {
  const rows = [OLD_HEADER.map((h) => [h]), oldRow("28.1 Ratify the ICCPR (Chile);", "Supported")];

  it("falls back to the import options, and to a title printed in the body", async () => {
    const plain = await buildDocx({ rows });
    const withOptions = await parseOhchrThematicList(plain, { fileName: "x.docx", stateUnderReview: "CHN", cycle: 3 });
    expect(withOptions.errors).toEqual([]);
    expect(withOptions.reviews).toEqual([
      { stateUnderReview: "CHN", cycle: 3, session: null, reportSymbol: "A/HRC/40/6", addendumSymbol: "A/HRC/40/6/Add.1" },
    ]);
    const inBody = await buildDocx({ rows, paragraphs: ["UPR of Chile (2nd Cycle – 18th session) Thematic list of recommendations"] });
    expect((await parseOhchrThematicList(inBody, { fileName: "x.docx" })).reviews[0]).toMatchObject({ stateUnderReview: "CHL", cycle: 2, session: 18 });
  });

  it("is an error when neither heading nor options say, or when they disagree", async () => {
    const silent = await parseOhchrThematicList(await buildDocx({ rows }), { fileName: "x.docx" });
    expect(silent.errors.map((e) => e.location)).toEqual(["heading", "heading"]);
    expect(silent.recommendations).toEqual([]);
    const disagree = await parseOhchrThematicList(await buildDocx({ rows, headerRuns: CHINA }), { fileName: "x.docx", stateUnderReview: "SVN" });
    expect(disagree.errors).toEqual([{ location: "heading", message: "the heading names China (CHN) but the import says SVN" }]);
  });
});

describe("a small 4th-cycle list", () => {
  it("reads named and numbered themes, groups of persons and the SDG column", async () => {
    const buffer = await buildDocx({
      headerRuns: ["UPR of Slovenia (4th Cycle - 4", "8", "th Session)", "Thematic list of recommendations*"],
      rows: [
        NEW_HEADER.map((h) => [h]),
        { span: 4, text: "Theme: 2.1 Ratification of & accession to international instruments" },
        [
          ["140.7 Ratify the OP-ICESCR (Maldives) (Portugal);", "Source of Position: A/HRC/59/15/Add.1 - Para.3"],
          ["Supported"],
          ["- 2.1 Ratification of & accession to international instruments", "- Children", "Groups of Persons: ", "- Public officials"],
          ["- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", "- 4 - QUALITY EDUCATION"],
        ],
      ],
    });
    const doc = await parseOhchrThematicList(buffer, { fileName: "svn.docx" });
    expect(doc.errors).toEqual([]);
    expect(doc.title).toBe("UPR of Slovenia (4th Cycle - 48th Session) Thematic list of recommendations");
    const rec = doc.recommendations[0]!;
    expect(rec).toMatchObject({ sourceKey: "ohchr:SVN:c4:140.7", cycle: 4, session: 48, recommendingStates: ["MDV", "PRT"] });
    expect(rec.matrixTheme).toEqual({ scheme: "UHRI_THEME", code: "2.1", name: "Ratification of & accession to international instruments" });
    expect(rec.themes).toEqual([
      { scheme: "UHRI_THEME", code: "2.1", name: "Ratification of & accession to international instruments" },
      { scheme: "UHRI_THEME", code: null, name: "Children" },
      { scheme: "AFFECTED_PERSONS", code: null, name: "Public officials" },
      { scheme: "SDG", code: "16", name: "Peace, justice and strong institutions" },
      { scheme: "SDG", code: "4", name: "Quality education" },
    ]);
  });
});
