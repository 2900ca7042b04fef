import { describe, expect, it } from "vitest";
import { documentSymbolSchema, findingInputSchema, listFieldSchema, unDocumentInputSchema } from "./schemas";

describe("the findings' schemas", () => {
  it("normalises a symbol as docs.un.org wants it, and refuses an empty or multi-line one", () => {
    expect(documentSymbolSchema.parse(" CERD / C/CHN/CO/14-17 ")).toBe("CERD/C/CHN/CO/14-17");
    expect(documentSymbolSchema.parse("A/HRC/40/6/Add. 1")).toBe("A/HRC/40/6/Add.1");
    expect(documentSymbolSchema.safeParse("  ").success).toBe(false);
    expect(documentSymbolSchema.safeParse("A/HRC\n40").success).toBe(false);
  });

  it("reads themes and affected persons one a line, keeping commas inside a name", () => {
    expect(listFieldSchema.parse("Prohibition of torture and cruel, inhuman or degrading treatment\n\n Right to health ; children\nRight to health")).toEqual([
      "Prohibition of torture and cruel, inhuman or degrading treatment",
      "Right to health",
      "children",
    ]);
    expect(listFieldSchema.parse(undefined)).toEqual([]);
  });

  it("takes a document's optional fields as null when left empty, and only http(s) links", () => {
    const base = { symbol: "CAT/C/CHN/CO/5", mechanism: "TREATY_BODY", body: "CAT" };
    expect(unDocumentInputSchema.parse({ ...base, title: "", date: "", url: "" })).toEqual({ ...base, title: null, date: null, url: null, language: "en" });
    expect(unDocumentInputSchema.safeParse({ ...base, url: "javascript:alert(1)" }).success).toBe(false);
    expect(unDocumentInputSchema.safeParse({ ...base, date: "2023-02-30x" }).success).toBe(false);
    expect(unDocumentInputSchema.safeParse({ ...base, mechanism: "NGO" }).success).toBe(false);
  });

  it("takes a finding's State in any case, and requires its passage", () => {
    expect(findingInputSchema.parse({ symbol: "CAT/C/CHN/CO/5", text: " The passage. ", stateIso3: "chn" })).toMatchObject({ stateIso3: "CHN", text: "The passage.", paragraph: null, themes: [] });
    expect(findingInputSchema.safeParse({ symbol: "CAT/C/CHN/CO/5", text: "  ", stateIso3: "CHN" }).success).toBe(false);
    expect(findingInputSchema.safeParse({ symbol: "CAT/C/CHN/CO/5", text: "x", stateIso3: "China" }).success).toBe(false);
  });
});
