import { describe, expect, it } from "vitest";
import { parseReviewTitle } from "@/lib/import/ohchr-title";
import { parseThemeCell } from "@/lib/import/themes";
import type { MatrixRow, MatrixTheme } from "@/lib/schemas/ohchr-matrix";
import { contentDisposition as attachmentDisposition } from "@/lib/http/content-disposition";
import { matrixHref, matrixSections, matrixTitle, ordinal, positionCell, recommendationCell, themesCell } from "./layout";

/** The cells of OHCHR's layout, written from stored data and read by the importer's own parsers. Themes are FIXTURES. */
const theme = (id: number, scheme: MatrixTheme["scheme"], code: string | null, name: string, primary = false): MatrixTheme => ({ id, scheme, code, name, primary });
const row = (id: number, paragraph: string, themes: MatrixTheme[]): MatrixRow => ({
  id,
  paragraph,
  text: "FIXTURE text (France);",
  position: "SUPPORTED",
  responseWording: "supported",
  responseWordingSource: null,
  positionSource: "A/HRC/40/6/Add.1 - Para. 2",
  themes,
  current: null,
  findings: [],
});

describe("the OHCHR matrix's cells", () => {
  it("titles the list as OHCHR's page header does, and the importer reads it back", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 31, 48].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "31st", "48th"]);
    const review = { id: 1, stateUnderReview: { iso3: "CHN", name: "China" }, cycle: 3, session: 31, reviewDate: "2018-11-06" };
    expect(matrixTitle(review)).toBe("UPR of China (3rd Cycle – 31st session) Thematic list of recommendations");
    expect(parseReviewTitle(matrixTitle(review))).toMatchObject({ stateUnderReview: "CHN", cycle: 3, session: 31 });
    expect(parseReviewTitle(matrixTitle({ ...review, session: null }))).toMatchObject({ stateUnderReview: "CHN", cycle: 3, session: null });
  });

  it("writes the number before the text and the source of position after it", () => {
    expect(recommendationCell(row(1, "28.4", []))).toEqual(["28.4 FIXTURE text (France);", "Source of position: A/HRC/40/6/Add.1 - Para. 2"]);
  });

  it("prints the list's own position word, and the position's once a wording sheet gave the State's words", () => {
    expect(positionCell(row(1, "28.4", []))).toBe("Supported");
    expect(positionCell({ position: "SUPPORTED", responseWording: "accepted and already implemented", responseWordingSource: "A/HRC/40/6/Add.1, para. 4" })).toBe("Supported");
    expect(positionCell({ position: "NOTED", responseWording: null, responseWordingSource: null })).toBe("Noted");
  });

  it("lists coded themes and SDGs in code order, then the affected persons, as the importer reads them", () => {
    const themes = [theme(5, "AFFECTED_PERSONS", null, "general"), theme(4, "SDG", "16", "Peace, justice and strong institutions"), theme(2, "UHRI_CODED", "A41", "Constitutional and legislative framework"), theme(1, "UHRI_CODED", "A12", "Acceptance of international norms", true)];
    const lines = themesCell(themes);
    expect(lines).toEqual(["A12 Acceptance of international norms", "A41 Constitutional and legislative framework", "S16 SDG 16 - peace, justice and strong institutions", "Affected persons:", "- general"]);
    expect(parseThemeCell(lines, true)).toEqual({
      themes: [
        { scheme: "UHRI_CODED", code: "A12", name: "Acceptance of international norms" },
        { scheme: "UHRI_CODED", code: "A41", name: "Constitutional and legislative framework" },
        { scheme: "SDG", code: "16", name: "Peace, justice and strong institutions" },
        { scheme: "AFFECTED_PERSONS", code: null, name: "general" },
      ],
      unrecognised: [],
    });
    expect(parseThemeCell(themesCell([theme(9, "UHRI_THEME", null, "Migrants")]), true).themes).toEqual([{ scheme: "UHRI_THEME", code: null, name: "Migrants" }]);
  });

  it("files each recommendation once under its primary theme, headings in OHCHR's code order, unfiled rows first", () => {
    const a3 = theme(3, "UHRI_CODED", "A3", "Inter-State cooperation & development assistance", true);
    const a12 = theme(1, "UHRI_CODED", "A12", "Acceptance of international norms", true);
    const sections = matrixSections([row(1, "28.1", [a3]), row(2, "28.2", [a12]), row(3, "28.3", []), row(4, "28.4", [{ ...a3 }])]);
    expect(sections.map((s) => [s.heading, s.rows.map((r) => r.paragraph)])).toEqual([
      [null, ["28.3"]],
      ["Theme: A12 Acceptance of international norms", ["28.2"]],
      ["Theme: A3 Inter-State cooperation & development assistance", ["28.1", "28.4"]],
    ]);
  });

  it("names the file for people and links to it with the report's choices", () => {
    expect(attachmentDisposition("中国，2018 – OHCHR.docx")).toBe(`attachment; filename=",2018 - OHCHR.docx"; filename*=UTF-8''${encodeURIComponent("中国，2018 – OHCHR.docx")}`);
    expect(attachmentDisposition('a "b"\\c.docx')).toContain('filename="a bc.docx"');
    expect(matrixHref({ review: 7, organization: "heron", assessments: "public", lang: "zh" })).toBe("/api/reports/matrix?review=7&organization=heron&assessments=public&lang=zh&format=docx");
  });
});
