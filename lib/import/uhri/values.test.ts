import { describe, expect, it } from "vitest";
import { matchColumns, normaliseTitle, UHRI_COLUMNS } from "./columns";
import { cleanText, cycleNumber, firstNumber, htmlToText, isoDate, sdgOfLine, sessionNumber, splitValues, uhriPosition } from "./values";

describe("UHRI values", () => {
  it("splits multi-valued cells on lines, dropping the \"- \" prefix", () => {
    expect(splitValues("- Death penalty\r\n- Migrants\n\n- \u00a0Children ")).toEqual(["Death penalty", "Migrants", "Children"]);
    expect(splitValues("China")).toEqual(["China"]);
    expect(splitValues("")).toEqual([]);
  });

  it("reads Excel serial dates (1900 system) and ISO dates", () => {
    expect(isoDate(43460)).toBe("2018-12-26");
    expect(isoDate("43460")).toBe("2018-12-26");
    expect(isoDate(43460.75)).toBe("2018-12-26");
    expect(isoDate(61)).toBe("1900-03-01");
    expect(isoDate("2019-04-01T00:00:00")).toBe("2019-04-01");
    expect(isoDate(new Date(Date.UTC(2020, 0, 2)))).toBe("2020-01-02");
    expect(isoDate("1 April 2019")).toBeNull();
    expect(isoDate(null)).toBeNull();
  });

  it("reads positions, Supported/Noted being supported in part", () => {
    expect(uhriPosition(["Supported"])).toEqual({ position: "SUPPORTED", unknown: null });
    expect(uhriPosition(["Noted"])).toEqual({ position: "NOTED", unknown: null });
    expect(uhriPosition(["Supported/Noted"])).toEqual({ position: "SUPPORTED_IN_PART", unknown: null });
    expect(uhriPosition(["Supported / Noted"])).toEqual({ position: "SUPPORTED_IN_PART", unknown: null });
    expect(uhriPosition(["Supported", "Noted"])).toEqual({ position: "SUPPORTED_IN_PART", unknown: null });
    expect(uhriPosition([])).toEqual({ position: null, unknown: null });
    expect(uhriPosition(["Pending"])).toEqual({ position: null, unknown: "Pending" });
  });

  it("keeps the goal of an SDG target", () => {
    const goal16 = { scheme: "SDG", code: "16", name: "Peace, justice and strong institutions" };
    expect(sdgOfLine("16.3 - Promote the rule of law at the national and international levels and ensure equal access to justice for all")).toEqual(goal16);
    expect(sdgOfLine("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS")).toEqual(goal16);
    expect(sdgOfLine("SDG 16")).toEqual(goal16);
    expect(sdgOfLine("4.a - Build and upgrade education facilities")?.code).toBe("4");
    expect(sdgOfLine("18.1 - no such goal")).toBeNull();
    expect(sdgOfLine("Peace")).toBeNull();
  });

  it("finds session and cycle numbers in their usual spellings", () => {
    expect(firstNumber("none")).toBeNull();
    for (const session of ["31", "31st session", "Session 31", "3rd cycle - 31st session", "UPR 31"]) expect(sessionNumber(session)).toBe(31);
    for (const cycle of ["3", "Cycle 3", "3rd cycle", "Third cycle", "Cycle III"]) expect(cycleNumber(cycle)).toBe(3);
    expect(cycleNumber("none")).toBeNull();
  });

  it("turns HTML into the printed text, entities decoded, words untouched", () => {
    expect(htmlToText("<p>28.66&nbsp;Continue to &ldquo;ensure&rdquo; rights &amp; freedoms (C&ocirc;te d&#39;Ivoire);</p>")).toBe(
      "28.66 Continue to \u201censure\u201d rights & freedoms (C\u00f4te d'Ivoire);",
    );
    expect(htmlToText("<div><p>One</p><p>Two<br/>lines</p></div>")).toBe("One\nTwo\nlines");
    expect(htmlToText("plain text")).toBe("plain text");
    expect(cleanText("  a \r\n\r\n b  ")).toBe("a\nb");
  });
});

describe("UHRI columns", () => {
  it("matches titles by their normalised form, both spellings of Recommending", () => {
    expect(normaliseTitle("Reccomending Body")).toBe(normaliseTitle("Recommending Body"));
    expect(normaliseTitle("UPR Reccomending States")).toBe(normaliseTitle(" upr recommending-states "));
    const reordered = [...UHRI_COLUMNS].reverse().map((c) => c.replace("Reccomending", "Recommending").toUpperCase());
    const match = matchColumns(reordered);
    expect("columns" in match && match.columns.get("Text")).toBe(15);
  });

  it("refuses another layout with one issue listing the columns expected and found", () => {
    const match = matchColumns(["To", "Text", "From", "Response"]);
    expect(match).toEqual({
      issue: {
        location: "row 1",
        kind: "layout",
        message:
          `not the UHRI export layout: expected the columns ${UHRI_COLUMNS.join(", ")}; found To, Text, From, Response ` +
          "(missing Countries Concerned, Reccomending Body, Document Symbol, Themes, Affected Persons, Sdgs, UPR Reccomending States, UPR Position, OHCHR Annotation Id, UPR Session)",
      },
    });
  });
});
