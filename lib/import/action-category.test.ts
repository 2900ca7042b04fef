import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACTION_RULES_VERSION, classifyActionCategory } from "@/lib/action-category";
import { importedActionCategory } from "./action-category";
import { parseImportFile } from "./index";
import { realDataFile } from "@/tests/helpers/data-files";

describe("importedActionCategory", () => {
  it("keeps a category the source gives, with its source and no rule version", () => {
    expect(importedActionCategory("Continue its efforts", { category: 5, source: "UPR Info" })).toEqual({
      actionCategory: 5,
      actionCategorySource: "UPR Info",
      actionCategoryMethod: "SOURCE",
      actionCategoryRules: null,
    });
  });

  it("derives one from the text otherwise, marked with the rule version", () => {
    expect(importedActionCategory("Ratify the ICCPR", null)).toEqual({
      actionCategory: 5,
      actionCategorySource: null,
      actionCategoryMethod: "DERIVED",
      actionCategoryRules: ACTION_RULES_VERSION,
    });
  });
});

describe("categories of parsed documents", () => {
  it("derives every OHCHR recommendation's category from its text, with method and version", async () => {
    const name = "CHN-cycle3-2018-thematic-list.docx";
    const doc = await parseImportFile(readFileSync(realDataFile(`ohchr/${name}`)), { fileName: name });
    expect(doc.errors).toEqual([]);
    expect(doc.recommendations.length).toBeGreaterThan(300);
    for (const rec of doc.recommendations) {
      expect(rec).toMatchObject({ actionCategoryMethod: "DERIVED", actionCategoryRules: ACTION_RULES_VERSION, actionCategorySource: null });
      expect(rec.actionCategory).toBe(classifyActionCategory(rec.text).category);
    }
    // All five categories occur in a real list.
    expect(new Set(doc.recommendations.map((rec) => rec.actionCategory))).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it("keeps UPR Info's own categories on its rows, even where the rule would say otherwise", async () => {
    const file = realDataFile("upr-info/CHN-upr-info-2009-2013.csv");
    const doc = await parseImportFile(readFileSync(file), { fileName: "china.csv", stateUnderReview: "CHN", cycle: 1 });
    expect(doc.errors).toEqual([]);
    expect(doc.recommendations.every((rec) => rec.actionCategoryMethod === "SOURCE" && rec.actionCategorySource === "UPR Info" && rec.actionCategoryRules === null)).toBe(true);
    expect(doc.recommendations.some((rec) => rec.actionCategory !== classifyActionCategory(rec.text).category)).toBe(true);
  });
});
