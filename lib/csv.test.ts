import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { RecommendationRow } from "@/lib/server/recommendations";
import csvTitlesZh from "@/lib/i18n/messages/zh/csv.json";
import {
  csvHeader,
  csvPreamble,
  exportFileName,
  formatCsvRecords,
  neutraliseCell,
  RECOMMENDATION_CSV_COLUMNS,
  restoreNeutralisedCell,
  takeCsvOptions,
  toCsvRecord,
  UTF8_BOM,
} from "./csv";

const row: RecommendationRow = {
  id: 7,
  reviewId: 3,
  cycle: 3,
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
  ],
  actionCategory: 4,
  actionCategorySource: "UPR Info",
  actionCategoryMethod: "SOURCE",
  actionCategoryRules: null,
  actionCategories: [4],
  partActionCategories: [4],
  source: { document: "CHN-cycle3.docx", reportSymbol: "A/HRC/40/6", addendumSymbol: "A/HRC/40/6/Add.1", positionSource: "A/HRC/40/6/Add.1 - Para. 2" },
};

describe("neutraliseCell", () => {
  it.each(["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])("prefixes %j with an apostrophe", (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it.each(["", "Ratify", "28.5", " =not first", "'already quoted", "中国"])("leaves %j alone", (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });
});

describe("restoreNeutralisedCell", () => {
  it.each(["=cmd|' /C calc'!A0", "-2+3", "'=already neutralised", "''+x", "'plain", "'", "", "中国"])("gives %j back after neutraliseCell", (value) => {
    expect(restoreNeutralisedCell(neutraliseCell(value))).toBe(value);
  });

  it("leaves an apostrophe that the export did not add", () => {
    expect(restoreNeutralisedCell("'plain")).toBe("'plain");
  });
});

describe("toCsvRecord", () => {
  it("maps every column, lists joined with '; ' and regions aligned with the States", () => {
    expect(toCsvRecord(row)).toEqual({
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
      themes: "uhri:a12 Acceptance of international norms; sdg:16 Peace, justice and strong institutions",
      affected_persons: "affected:children children",
      action_category: "4",
      action_category_source: "UPR Info",
      action_category_method: "source",
      action_category_rules: "",
      source_document: "CHN-cycle3.docx",
      text_language: "en",
      unknown_recommending_states: "0",
    });
  });

  it("counts the States the source prints as unknown in the last column, leaving the named ones as they are", () => {
    const onlyUnknown = toCsvRecord({ ...row, recommendingStates: [], unknownRecommendingStates: 2 });
    expect(onlyUnknown).toMatchObject({ recommending_states_iso3: "", recommending_states: "", recommending_regions: "", unknown_recommending_states: "2" });
    expect(RECOMMENDATION_CSV_COLUMNS.at(-1)).toBe("unknown_recommending_states");
  });

  it("marks a derived category with its rule version", () => {
    const record = toCsvRecord({ ...row, actionCategory: 5, actionCategorySource: null, actionCategoryMethod: "DERIVED", actionCategoryRules: "verb-rules/1" });
    expect(record).toMatchObject({ action_category: "5", action_category_source: "", action_category_method: "derived", action_category_rules: "verb-rules/1" });
  });

  it("writes empty cells for what the source does not have", () => {
    const record = toCsvRecord({ ...row, paragraph: null, position: null, responseWording: null, actionCategory: null, actionCategorySource: null, actionCategoryMethod: null });
    expect(record).toMatchObject({ paragraph: "", position: "", response_wording: "", action_category: "", action_category_source: "", action_category_method: "" });
  });
});

describe("formatCsvRecords", () => {
  it("writes RFC 4180: CRLF line ends, quoted commas, doubled quotes, line breaks kept inside quotes", () => {
    const text = formatCsvRecords([toCsvRecord(row)]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).toContain('"Ratify the ""ICCPR"", promptly,\nand report"');
    const [parsed] = parse(text) as string[][];
    expect(parsed).toHaveLength(RECOMMENDATION_CSV_COLUMNS.length);
    expect(parsed?.[5]).toBe(row.text);
  });

  it("quotes a cell whose only special character is a bare line feed or carriage return", () => {
    const text = formatCsvRecords([{ ...toCsvRecord(row), text: "first line\nsecond", response_wording: "one\rtwo" }]);
    expect(text).toContain('"first line\nsecond"');
    expect(text).toContain('"one\rtwo"');
  });

  it("neutralises every cell, not just the text", () => {
    const text = formatCsvRecords([{ ...toCsvRecord(row), text: "=HYPERLINK(\"http://x\")", response_wording: "+accepted", source_document: "@file" }]);
    const [parsed] = parse(text) as string[][];
    expect(parsed?.[5]).toBe("'=HYPERLINK(\"http://x\")");
    expect(parsed?.[10]).toBe("'+accepted");
    expect(parsed?.[RECOMMENDATION_CSV_COLUMNS.indexOf("source_document")]).toBe("'@file");
  });

  it("starts the file with the BOM and one header row of machine keys", () => {
    const preamble = csvPreamble();
    expect(preamble.startsWith(UTF8_BOM)).toBe(true);
    expect(preamble.slice(1)).toBe(`${RECOMMENDATION_CSV_COLUMNS.join(",")}\r\n`);
  });
});

describe("localised header", () => {
  it("keeps the machine keys by default, byte for byte", () => {
    expect(csvPreamble("keys")).toBe(csvPreamble());
    expect(csvPreamble()).toBe(`${UTF8_BOM}id,state_under_review,cycle,review_report,paragraph,text,recommending_states_iso3,recommending_states,recommending_regions,position,response_wording,position_source,themes,affected_persons,action_category,action_category_source,action_category_method,action_category_rules,source_document,text_language,unknown_recommending_states\r\n`);
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

  it("keeps the key of a column the catalogue does not title", () => {
    expect(csvHeader(["id", "not_a_column"], "zh")).toEqual(["编号", "not_a_column"]);
  });
});

describe("takeCsvOptions", () => {
  const take = (search: string) => takeCsvOptions(new URLSearchParams(search));

  it("defaults to machine keys and leaves the filters without `headers`", () => {
    const { options, filters } = take("cycle=3&headers=zh&position=noted");
    expect(options.data).toEqual({ headers: "zh" });
    expect(filters.toString()).toBe("cycle=3&position=noted");
    expect(take("cycle=3").options.data).toEqual({ headers: "keys" });
  });

  it.each(["headers=fr", "headers=", "headers=ZH-cn", "headers=zh&headers=en"])("refuses %j with an issue under headers", (search) => {
    const { options } = take(search);
    expect(options.success).toBe(false);
    expect(options.error?.issues[0]?.path[0]).toBe("headers");
  });
});

describe("exportFileName", () => {
  const date = new Date("2026-11-28T10:00:00Z");

  it("names the date alone when nothing is filtered", () => {
    expect(exportFileName("", date)).toBe("upr-recommendations-2026-11-28.csv");
  });

  it("adds the filter, ASCII only and short", () => {
    expect(exportFileName("cycle=3&position=noted", date)).toBe("upr-recommendations-cycle-3-position-noted-2026-11-28.csv");
    expect(exportFileName('q=%22death+penalty%22+%E4%B8%AD%E5%9B%BD', date)).toBe("upr-recommendations-q-death-penalty-2026-11-28.csv");
    expect(exportFileName(`q=${"x".repeat(500)}`, date).length).toBeLessThan(120);
  });
});
