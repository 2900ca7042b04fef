import { describe, expect, it } from "vitest";
import { documentHref, reviewDocumentInputSchema, roleOf, sortDocuments } from "./documents";

describe("reviewDocumentInputSchema", () => {
  it("takes a UN document by its symbol, tidied", () => {
    const parsed = reviewDocumentInputSchema.parse({ role: "national-report", symbol: " A/HRC/WG.6/31/CHN/1 ", date: "2018-08-20" });
    expect(parsed).toEqual({ role: "NATIONAL_REPORT", symbol: "A/HRC/WG.6/31/CHN/1", title: null, date: "2018-08-20", url: null, author: null });
  });

  it("takes an NGO's mid-term report by its address and author", () => {
    const parsed = reviewDocumentInputSchema.parse({ role: "MID_TERM_REPORT", url: "https://example.org/report.pdf", author: "Fixture NGO" });
    expect(parsed).toMatchObject({ role: "MID_TERM_REPORT", symbol: null, url: "https://example.org/report.pdf", author: "Fixture NGO" });
  });

  it("names the field of every refusal", () => {
    const paths = (input: Record<string, string>) => reviewDocumentInputSchema.safeParse(input).error?.issues.map((issue) => issue.path.join("."));
    expect(paths({ role: "speech" })).toEqual(["role"]);
    expect(paths({ role: "UN_COMPILATION" })).toEqual(["symbol"]);
    expect(paths({ role: "UN_COMPILATION", symbol: "not a symbol" })).toEqual(["symbol"]);
    expect(paths({ role: "UN_COMPILATION", symbol: "A/HRC/WG.6/31/CHN/2", date: "2018-02-30" })).toEqual(["date"]);
    expect(paths({ role: "MID_TERM_REPORT" })).toEqual(["url", "author"]);
    expect(paths({ role: "MID_TERM_REPORT", url: "javascript:alert(1)", author: "x" })).toEqual(["url"]);
  });

  it("refuses the Working Group report and the addendum: they are the review's own symbols", () => {
    const refused = reviewDocumentInputSchema.safeParse({ role: "ADDENDUM", symbol: "A/HRC/40/6/Add.1" });
    expect(refused.error?.issues[0]?.message).toMatch(/review's own report and addendum/);
  });
});

describe("roles and order", () => {
  it("reads a role written either way", () => {
    expect(roleOf("stakeholder-summary")).toBe("STAKEHOLDER_SUMMARY");
    expect(roleOf("MID_TERM_REPORT")).toBe("MID_TERM_REPORT");
    expect(roleOf("report")).toBeNull();
  });

  it("sorts by role, then date", () => {
    const sorted = sortDocuments([
      { role: "MID_TERM_REPORT", date: null, symbol: null },
      { role: "ADDENDUM", date: null, symbol: "A/HRC/40/6/Add.1" },
      { role: "NATIONAL_REPORT", date: "2018-08-20", symbol: "A/HRC/WG.6/31/CHN/1" },
      { role: "MID_TERM_REPORT", date: "2021-01-01", symbol: null },
    ] as const);
    expect(sorted.map((d) => `${d.role}:${d.date}`)).toEqual(["NATIONAL_REPORT:2018-08-20", "ADDENDUM:null", "MID_TERM_REPORT:2021-01-01", "MID_TERM_REPORT:null"]);
  });

  it("links a document to its own address or to docs.un.org", () => {
    expect(documentHref({ symbol: "A/HRC/40/6", url: null }, "zh")).toBe("https://docs.un.org/zh/A/HRC/40/6");
    expect(documentHref({ symbol: null, url: "https://example.org/r.pdf" })).toBe("https://example.org/r.pdf");
    expect(documentHref({ symbol: null, url: null })).toBeNull();
  });
});
