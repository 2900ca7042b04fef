import { describe, expect, it } from "vitest";
import { normaliseSymbol, splitDocumentSymbols, unDocumentUrl } from "./links";

describe("unDocumentUrl", () => {
  it("links a symbol to docs.un.org in the reader's language", () => {
    expect(unDocumentUrl("A/HRC/40/6")).toBe("https://docs.un.org/en/A/HRC/40/6");
    expect(unDocumentUrl("A/HRC/40/6/Add.1", "zh")).toBe("https://docs.un.org/zh/A/HRC/40/6/Add.1");
    expect(unDocumentUrl("A/HRC/WG.6/31/CHN/1", "en")).toBe("https://docs.un.org/en/A/HRC/WG.6/31/CHN/1");
    expect(unDocumentUrl("A/HRC/40/6", "zh-CN")).toBe("https://docs.un.org/zh/A/HRC/40/6");
    expect(unDocumentUrl("A/HRC/40/6", "de")).toBe("https://docs.un.org/en/A/HRC/40/6");
  });

  it("keeps odd but real symbols, encoding each part", () => {
    expect(unDocumentUrl("A/RES/2758(XXVI)")).toBe("https://docs.un.org/en/A/RES/2758(XXVI)");
    expect(unDocumentUrl("A/HRC/S-17/2")).toBe("https://docs.un.org/en/A/HRC/S-17/2");
    expect(unDocumentUrl("CCPR/C/CHN-HKG/CO/4")).toBe("https://docs.un.org/en/CCPR/C/CHN-HKG/CO/4");
    expect(unDocumentUrl("a/hrc/40/6")).toBe("https://docs.un.org/en/a/hrc/40/6");
  });

  it("tidies the spacing of converted documents", () => {
    expect(normaliseSymbol(" A/HRC/40/6/Add. 1 ")).toBe("A/HRC/40/6/Add.1");
    expect(unDocumentUrl("A / HRC / 40 / 6")).toBe("https://docs.un.org/en/A/HRC/40/6");
  });

  it("refuses what is not a symbol, so nothing can change the host, the path or the query", () => {
    for (const text of ["", "A/HRC", "and/or", "n/a", "A/HRC/40/6?x=1", "A/HRC/40/6#p", "https://evil.example/A/1", "//evil.example/1", "A/../../1", "A/HRC/40 6", "A/HRC/<b>/1", `A/${"1".repeat(120)}`, "A/HRC/40/6/Add.1 - Para. 2"]) {
      expect(unDocumentUrl(text), text).toBeNull();
    }
  });
});

describe("splitDocumentSymbols", () => {
  it("links the symbol in a position source and leaves the rest as text", () => {
    expect(splitDocumentSymbols("A/HRC/40/6/Add.1 - Para. 2")).toEqual([
      { text: "A/HRC/40/6/Add.1", url: "https://docs.un.org/en/A/HRC/40/6/Add.1" },
      { text: " - Para. 2", url: null },
    ]);
  });

  it("leaves sentence punctuation and an enclosing parenthesis outside the symbol", () => {
    expect(splitDocumentSymbols("See A/HRC/40/6.").map((s) => s.text)).toEqual(["See ", "A/HRC/40/6", "."]);
    expect(splitDocumentSymbols("(A/HRC/40/6/Add.1)").map((s) => s.text)).toEqual(["(", "A/HRC/40/6/Add.1", ")"]);
    expect(splitDocumentSymbols("(A/RES/2758(XXVI))").map((s) => s.text)).toEqual(["(", "A/RES/2758(XXVI)", ")"]);
    expect(splitDocumentSymbols("A/HRC/40/6/Add.1, para. 4", "zh")[0]).toEqual({ text: "A/HRC/40/6/Add.1", url: "https://docs.un.org/zh/A/HRC/40/6/Add.1" });
  });

  it("finds several symbols and nothing in text without one", () => {
    expect(splitDocumentSymbols("A/HRC/40/6 and A/HRC/40/6/Add.1").filter((s) => s.url).map((s) => s.text)).toEqual(["A/HRC/40/6", "A/HRC/40/6/Add.1"]);
    expect(splitDocumentSymbols("UPR Info and/or OHCHR, https://example.org/A/1")).toEqual([{ text: "UPR Info and/or OHCHR, https://example.org/A/1", url: null }]);
    expect(splitDocumentSymbols("")).toEqual([]);
  });
});
