import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as list } from "@/app/api/recommendations/route";
import { GET as exportCsv } from "@/app/api/recommendations.csv/route";
import { CITATION_COLUMNS, KEY_COLUMNS } from "@/lib/csv/recommendation-columns";
import { recommendationListSchema } from "@/lib/schemas/recommendation-api";
import { MAX_PAGE_SIZE } from "@/lib/search-params";
import { getDb } from "@/lib/server/db";
import { importParsedDocument } from "@/lib/server/imports";
import { formulaFixture } from "../helpers/api-fixtures";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * GET /api/recommendations.csv in the order of the screen: row N of the file is row N of the JSON API's (and so the
 * explorer's) pages, for every sort, for a ranked search and in both languages, across the export's batches of 1,000;
 * and the citation columns (year, date, link, labels) of real rows.
 */

const PUBLIC_ORIGIN = "https://upr.example.org";
let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let savedOrigin: string | undefined;

beforeAll(async () => {
  savedOrigin = process.env.BETTER_AUTH_URL;
  process.env.BETTER_AUTH_URL = `${PUBLIC_ORIGIN}/`;
  database = await createSeededTestDatabase();
  // 1,250 fixture rows for France (cycle 4, one review): with the real China rows, two export batches and more, and
  // many equal ranks for a search of "fixture", so the tie-breakers decide.
  await importParsedDocument(formulaFixture(1_250));
}, 120_000);
afterAll(async () => {
  if (savedOrigin === undefined) delete process.env.BETTER_AUTH_URL;
  else process.env.BETTER_AUTH_URL = savedOrigin;
  await database.drop();
});

/** The ids of every page of the JSON API, page after page. */
async function apiIds(search: string): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const response = await list(new Request(`http://localhost/api/recommendations?${search}&pageSize=${MAX_PAGE_SIZE}&page=${page}`));
    expect(response.status, search).toBe(200);
    const body = recommendationListSchema.parse(await response.json());
    ids.push(...body.items.map((item) => item.id));
    if (ids.length >= body.total || body.items.length === 0) return ids;
  }
}

/** The file's records as arrays (the zh header has titles, not keys), without the header row. */
async function csvRecords(search: string): Promise<string[][]> {
  const response = await exportCsv(new Request(`http://localhost/api/recommendations.csv?${search}`));
  expect(response.status, search).toBe(200);
  const text = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(await response.arrayBuffer());
  const [, ...rows] = parse(text.replace(/^\uFEFF/, ""), { record_delimiter: "\r\n" }) as string[][];
  return rows;
}

const column = (key: string): number => [...KEY_COLUMNS, ...CITATION_COLUMNS].findIndex((definition) => definition.key === key);
const idsOf = (rows: string[][]): number[] => rows.map((row) => Number(row[column("id")]));

const SEARCHES = [
  "",
  "sort=cycle",
  "sort=paragraph",
  "sort=-paragraph",
  "sort=position",
  "sort=-position",
  "sort=action",
  "sort=-action",
  "sur=CHN&sort=position&position=noted,supported",
  `q=${encodeURIComponent('"death penalty"')}`,
  "q=fixture",
  "q=torture&sort=-position",
  "q=torture&sort=relevance&cycle=2,3",
];

describe("GET /api/recommendations.csv, row order", () => {
  it.each(SEARCHES.flatMap((search) => [[search, "keys"] as const, [search, "zh"] as const]))("%j (headers=%s): the JSON API's rows, in its order", async (search, headers) => {
    const expected = await apiIds(search);
    expect(expected.length).toBeGreaterThan(0);
    expect(idsOf(await csvRecords(`${search}&headers=${headers}`))).toEqual(expected);
  });

  it("exports more than one batch in order, the whole set sorted by relevance", async () => {
    const ids = idsOf(await csvRecords("q=fixture"));
    expect(ids.length).toBe(1_250);
    expect(ids).toEqual(await apiIds("q=fixture"));
  });

  it("ignores page and pageSize: the whole set, from its first row", async () => {
    expect(idsOf(await csvRecords("sort=paragraph&page=3&pageSize=10"))).toEqual(await apiIds("sort=paragraph"));
  });
});

describe("GET /api/recommendations.csv, citation columns", () => {
  /** China's 3rd-cycle paragraph 28.5, recommended by the United Kingdom (A/HRC/40/6). */
  async function row(headers: string): Promise<Record<string, string>> {
    const rows = await csvRecords(`sur=CHN&cycle=3&state=GBR&position=noted&sort=paragraph&headers=${headers}`);
    const found = rows.find((cells) => cells[column("paragraph")] === "28.5");
    expect(found).toBeDefined();
    return Object.fromEntries([...KEY_COLUMNS, ...CITATION_COLUMNS].map((definition, index) => [definition.key, found![index]!]));
  }

  it("writes the year, the review date and the recommendation's absolute link from the configured address", async () => {
    const { id } = await getDb().recommendation.findFirstOrThrow({ where: { paragraph: "28.5", review: { cycle: 3, stateUnderReviewIso3: "CHN" } }, select: { id: true } });
    expect(await row("keys")).toMatchObject({ id: String(id), year: "2018", review_date: "2018-11-06", url: `${PUBLIC_ORIGIN}/en/recommendations/${id}` });
    expect((await row("zh")).url).toBe(`${PUBLIC_ORIGIN}/zh/recommendations/${id}`);
  });

  it("writes the labels in English by default and in Chinese with headers=zh, the key columns and the text unchanged", async () => {
    const english = await row("keys");
    const chinese = await row("zh");
    expect(english).toMatchObject({ state_under_review_label: "China", position_label: "Noted" });
    expect(english.recommending_states_label).toContain("United Kingdom");
    expect(english.recommending_regions_label).toContain("Western European and Others Group (WEOG)");
    expect(chinese).toMatchObject({ state_under_review_label: "中国", position_label: "注意到" });
    expect(chinese.recommending_states_label).toContain("英国");
    expect(chinese.recommending_regions_label).toContain("西欧和其他国家组");
    for (const { key } of KEY_COLUMNS) expect(chinese[key], key).toBe(english[key]);
    expect(chinese.themes_label).toBe(english.themes_label!.replace(/Goal (\d+): /g, "目标 $1："));
  });

  it("names every action category of the real rows in both languages", async () => {
    const [english, chinese] = await Promise.all([csvRecords("sur=CHN&action=1,2,3,4,5"), csvRecords("sur=CHN&action=1,2,3,4,5&headers=zh")]);
    const labels = (rows: string[][]) => new Set(rows.map((cells) => `${cells[column("action_category")]} ${cells[column("action_category_label")]}`));
    expect([...labels(english)].sort()).toEqual(expect.arrayContaining(["5 Specific action", "4 General action"]));
    expect([...labels(chinese)].sort()).toEqual(expect.arrayContaining(["5 具体行动", "4 一般性行动"]));
  });
});
