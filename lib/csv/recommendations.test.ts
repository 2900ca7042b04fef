import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import csvTitlesZh from "@/lib/i18n/messages/zh/csv.json";
import type { RecommendationRow } from "@/lib/server/recommendations";
import { UTF8_BOM } from "./format";
import { CITATION_COLUMNS, KEY_COLUMNS } from "./recommendation-columns";
import { csvWords } from "./recommendation-words";
import { csvPreamble, formatCsvRecords, RECOMMENDATION_CSV_COLUMNS, toCsvRecord } from "./recommendations";

/** A fixture row (not a real recommendation's text). */
const row: RecommendationRow = {
  id: 7,
  reviewId: 3,
  cycle: 3,
  reviewDate: "2018-11-06",
  stateUnderReview: { iso3: "CHN", name: "China" },
  paragraph: "28.5",
  text: 'Ratify the "ICCPR", promptly,\nand report',
  textLanguage: "en",
  officialTexts: [],
  highlight: null,
  recommendingStates: [
    { iso3: "GBR", name: "United Kingdom of Great Britain and Northern Ireland", region: "WEOG" },
    { iso3: "PSE", name: "State of Palestine", region: null },
    { iso3: "CIV", name: "Côte d'Ivoire", region: "AFRICAN" },
  ],
  unknownRecommendingStates: 0,
  position: "SUPPORTED_IN_PART",
  responseWording: "accepted",
  themes: [
    { slug: "uhri:a12", scheme: "UHRI_CODED", code: "A12", name: "Acceptance of international norms", primary: true },
    { slug: "affected:children", scheme: "AFFECTED_PERSONS", code: null, name: "children", primary: false },
    { slug: "sdg:16", scheme: "SDG", code: "16", name: "Peace, justice and strong institutions", primary: false },
    { slug: "upr-info:death-penalty", scheme: "UPR_INFO_ISSUE", code: null, name: "Death penalty", primary: false },
  ],
  actionCategory: 4,
  actionCategorySource: "UPR Info",
  actionCategoryMethod: "SOURCE",
  actionCategoryRules: null,
  actionCategories: [4],
  partActionCategories: [4],
  source: { document: "CHN-cycle3.docx", reportSymbol: "A/HRC/40/6", addendumSymbol: "A/HRC/40/6/Add.1", positionSource: "A/HRC/40/6/Add.1 - Para. 2" },
};

const ORIGIN = "https://upr.example.org";
const en = csvWords("en", ORIGIN);
const zh = csvWords("zh", ORIGIN);

/** The key columns as the export has always written them, in this order: scripts read them by name and position. */
const KEY_RECORD = {
  id: "7",
  state_under_review: "CHN",
  cycle: "3",
  review_report: "A/HRC/40/6",
  paragraph: "28.5",
  text: row.text,
  recommending_states_iso3: "GBR; PSE; CIV",
  recommending_states: "United Kingdom of Great Britain and Northern Ireland; State of Palestine; Côte d'Ivoire",
  recommending_regions: "weog; none; african",
  position: "supported-in-part",
  response_wording: "accepted",
  position_source: "A/HRC/40/6/Add.1 - Para. 2",
  themes: "uhri:a12 Acceptance of international norms; sdg:16 Peace, justice and strong institutions; upr-info:death-penalty Death penalty",
  affected_persons: "affected:children children",
  action_category: "4",
  action_category_source: "UPR Info",
  action_category_method: "source",
  action_category_rules: "",
  source_document: "CHN-cycle3.docx",
  text_language: "en",
  unknown_recommending_states: "0",
};

describe("the column table", () => {
  it("keeps the key columns first, in their original order, and adds the new ones after them", () => {
    expect(KEY_COLUMNS.map((column) => column.key)).toEqual(Object.keys(KEY_RECORD));
    expect(RECOMMENDATION_CSV_COLUMNS.slice(0, KEY_COLUMNS.length)).toEqual(Object.keys(KEY_RECORD));
    expect(RECOMMENDATION_CSV_COLUMNS.slice(KEY_COLUMNS.length)).toEqual(CITATION_COLUMNS.map((column) => column.key));
    expect(CITATION_COLUMNS.slice(0, 3).map((column) => column.key)).toEqual(["year", "review_date", "url"]);
  });

  it("has one key per column and a description for each", () => {
    expect(new Set(RECOMMENDATION_CSV_COLUMNS).size).toBe(RECOMMENDATION_CSV_COLUMNS.length);
    for (const column of [...KEY_COLUMNS, ...CITATION_COLUMNS]) expect(column.description.length, column.key).toBeGreaterThan(10);
  });
});

describe("the README's column table", () => {
  it("lists every column, in file order, each with its kind", () => {
    const readme = readFileSync("README.md", "utf8");
    const section = readme.slice(readme.indexOf("## The CSV export's columns"));
    const rows = section.slice(0, section.indexOf("\n## ")).split("\n").filter((line) => line.startsWith("| `"));
    const kinds = (columns: readonly { key: string }[], kind: string) => columns.map((column) => `${column.key} ${kind}`);
    expect(rows.map((line) => line.split("|").slice(1, 3).map((cell) => cell.trim().replace(/`/g, "")).join(" "))).toEqual([
      ...kinds(KEY_COLUMNS, "key"),
      ...kinds(CITATION_COLUMNS, "citation"),
    ]);
  });
});

describe("toCsvRecord", () => {
  it("writes the key columns exactly as before, in every language", () => {
    expect(toCsvRecord(row, en)).toMatchObject(KEY_RECORD);
    expect(toCsvRecord(row, zh)).toMatchObject(KEY_RECORD);
  });

  it("adds the year, the review date and the recommendation's absolute link", () => {
    expect(toCsvRecord(row, en)).toMatchObject({ year: "2018", review_date: "2018-11-06", url: "https://upr.example.org/en/recommendations/7" });
    expect(toCsvRecord(row, zh).url).toBe("https://upr.example.org/zh/recommendations/7");
  });

  it("leaves the year and date empty where the review date is not recorded", () => {
    expect(toCsvRecord({ ...row, reviewDate: null }, en)).toMatchObject({ year: "", review_date: "" });
  });

  it("writes each key in English words, aligned with its key column", () => {
    expect(toCsvRecord(row, en)).toMatchObject({
      state_under_review_label: "China",
      recommending_states_label: "United Kingdom of Great Britain and Northern Ireland; State of Palestine; Côte d’Ivoire",
      recommending_regions_label: "Western European and Others Group (WEOG); No regional group (observer State); African Group",
      position_label: "Supported in part",
      themes_label: "A12 Acceptance of international norms; Goal 16: Peace, justice and strong institutions; Death penalty",
      affected_persons_label: "Children",
      action_category_label: "General action",
      action_category_method_label: "From the source",
      action_categories: "4",
    });
  });

  it("writes the labels in Chinese, keeping the texts and the sources' theme names as published", () => {
    const record = toCsvRecord(row, zh);
    expect(record).toMatchObject({
      state_under_review_label: "中国",
      recommending_states_label: "英国; 巴勒斯坦国; 科特迪瓦",
      recommending_regions_label: "西欧和其他国家组; 不属于任何区域组（观察员国）; 非洲国家组",
      position_label: "部分支持",
      themes_label: "A12 Acceptance of international norms; 目标 16：Peace, justice and strong institutions; Death penalty",
      affected_persons_label: "Children",
      action_category_label: "一般性行动",
      action_category_method_label: "来自原始资料",
    });
    expect(record.text).toBe(row.text);
  });

  it("leaves a label empty where its key is", () => {
    const record = toCsvRecord({ ...row, position: null, actionCategory: null, actionCategoryMethod: null, themes: [], recommendingStates: [] }, zh);
    expect(record).toMatchObject({ position_label: "", action_category_label: "", action_category_method_label: "", themes_label: "", recommending_states_label: "" });
  });

  it("counts the States the source prints as unknown, leaving the named ones as they are", () => {
    const onlyUnknown = toCsvRecord({ ...row, recommendingStates: [], unknownRecommendingStates: 2 }, en);
    expect(onlyUnknown).toMatchObject({ recommending_states_iso3: "", recommending_states: "", recommending_regions: "", unknown_recommending_states: "2" });
  });

  it("marks a derived category with its rule version", () => {
    const record = toCsvRecord({ ...row, actionCategory: 5, actionCategorySource: null, actionCategoryMethod: "DERIVED", actionCategoryRules: "verb-rules/1" }, en);
    expect(record).toMatchObject({ action_category: "5", action_category_source: "", action_category_method: "derived", action_category_rules: "verb-rules/1" });
    expect(record).toMatchObject({ action_category_label: "Specific action", action_category_method_label: "Derived" });
  });

  it("writes empty cells for what the source does not have", () => {
    const record = toCsvRecord({ ...row, paragraph: null, position: null, responseWording: null, actionCategory: null, actionCategorySource: null, actionCategoryMethod: null }, en);
    expect(record).toMatchObject({ paragraph: "", position: "", response_wording: "", action_category: "", action_category_source: "", action_category_method: "" });
  });
});

describe("formatCsvRecords", () => {
  it("writes RFC 4180: CRLF line ends, quoted commas, doubled quotes, line breaks kept inside quotes", () => {
    const text = formatCsvRecords([toCsvRecord(row, en)]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).toContain('"Ratify the ""ICCPR"", promptly,\nand report"');
    const [parsed] = parse(text) as string[][];
    expect(parsed).toHaveLength(RECOMMENDATION_CSV_COLUMNS.length);
    expect(parsed?.[5]).toBe(row.text);
  });

  it("quotes a cell whose only special character is a bare line feed or carriage return", () => {
    const text = formatCsvRecords([{ ...toCsvRecord(row, en), text: "first line\nsecond", response_wording: "one\rtwo" }]);
    expect(text).toContain('"first line\nsecond"');
    expect(text).toContain('"one\rtwo"');
  });

  it("neutralises every cell, not just the text", () => {
    const text = formatCsvRecords([{ ...toCsvRecord(row, en), text: "=HYPERLINK(\"http://x\")", response_wording: "+accepted", source_document: "@file", themes_label: "-x" }]);
    const [parsed] = parse(text) as string[][];
    expect(parsed?.[5]).toBe("'=HYPERLINK(\"http://x\")");
    expect(parsed?.[10]).toBe("'+accepted");
    expect(parsed?.[RECOMMENDATION_CSV_COLUMNS.indexOf("source_document")]).toBe("'@file");
    expect(parsed?.[RECOMMENDATION_CSV_COLUMNS.indexOf("themes_label")]).toBe("'-x");
  });
});

describe("csvPreamble", () => {
  it("starts the file with the BOM and one header row of machine keys, the old ones first, byte for byte", () => {
    expect(csvPreamble("keys")).toBe(csvPreamble());
    expect(csvPreamble()).toBe(
      `${UTF8_BOM}id,state_under_review,cycle,review_report,paragraph,text,recommending_states_iso3,recommending_states,recommending_regions,position,response_wording,position_source,themes,affected_persons,action_category,action_category_source,action_category_method,action_category_rules,source_document,text_language,unknown_recommending_states,` +
        "year,review_date,url,state_under_review_label,recommending_states_label,recommending_regions_label,position_label,themes_label,affected_persons_label,action_category_label,action_category_method_label,action_categories\r\n",
    );
  });

  it("writes the Chinese column titles in column order, one per column", () => {
    const preamble = csvPreamble("zh");
    expect(preamble.startsWith(UTF8_BOM)).toBe(true);
    const [header] = parse(preamble.slice(1)) as string[][];
    expect(header).toEqual(RECOMMENDATION_CSV_COLUMNS.map((column) => csvTitlesZh[column]));
    expect(header?.slice(0, 3)).toEqual(["编号", "受审议国", "轮次"]);
  });

  it("writes the English column titles", () => {
    const [header] = parse(csvPreamble("en").slice(1)) as string[][];
    expect(header?.[RECOMMENDATION_CSV_COLUMNS.indexOf("response_wording")]).toBe("The State's own wording");
  });
});
