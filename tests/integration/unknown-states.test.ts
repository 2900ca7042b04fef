import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecommendingStates } from "@/components/recommendations/recommending-states";
import { GET as list } from "@/app/api/recommendations/route";
import { GET as exportCsv } from "@/app/api/recommendations.csv/route";
import { parseImportFile } from "@/lib/import";
import { recommendationListSchema } from "@/lib/schemas/recommendation-api";
import { importParsedDocument } from "@/lib/server/imports";
import { readCsv } from "../helpers/api-fixtures";
import { renderInLocale } from "../helpers/render";
import { createTestDatabase } from "../helpers/test-database";
import { uprInfoFixture } from "../helpers/upr-info-fixture";

/**
 * A recommending State the source prints as unknown ("&#40;Unknown&#41;" in UPR Info's export) is imported as an
 * explicit unknown and shown as one by the JSON API and the CSV export. The file is a fixture built from real rows.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  // The fourth row keeps its real recommending State (Singapore).
  const file = uprInfoFixture([{ from: "&#40;Unknown&#41;" }, { from: "St Lucia" }, { from: "(Unknown)", textOf: 1 }, {}]);
  const doc = await parseImportFile(file, { fileName: "upr-info-unknown-fixture.csv" });
  expect(doc.errors).toEqual([]);
  await importParsedDocument(doc);
});
afterAll(async () => {
  await database.drop();
});

describe("unknown recommending States", () => {
  it("are counted in the JSON API, beside the named States", async () => {
    const response = await list(new Request("http://localhost/api/recommendations?sur=CHN"));
    expect(response.status).toBe(200);
    const body = recommendationListSchema.parse(await response.json());
    const byStates = body.items.map((item) => [item.recommendingStates.map((s) => s.iso3), item.unknownRecommendingStates]);
    expect(byStates).toHaveLength(3);
    expect(byStates).toEqual(expect.arrayContaining([[[], 1], [["LCA"], 1], [["SGP"], 0]]));
  });

  it("are counted in the CSV export's last column", async () => {
    const { rows } = await readCsv(await exportCsv(new Request("http://localhost/api/recommendations.csv?sur=CHN")));
    const cells = rows.map((row) => [row.recommending_states_iso3, row.unknown_recommending_states]);
    expect(cells).toEqual(expect.arrayContaining([["", "1"], ["LCA", "1"], ["SGP", "0"]]));
  });

  it("are shown on the recommendation's page as the source has them, in both languages", async () => {
    const states = [{ iso3: "LCA", name: "Saint Lucia", region: "GRULAC" }];
    const en = await renderInLocale(createElement(RecommendingStates, { states, unknown: 1 }), "en");
    expect(en).toContain("Saint Lucia");
    expect(en).toContain("Unknown State (as in the source)");
    expect(await renderInLocale(createElement(RecommendingStates, { states: [], unknown: 2 }), "en")).toContain("2 unknown States (as in the source)");
    expect(await renderInLocale(createElement(RecommendingStates, { states: [], unknown: 2 }), "zh")).toContain("2 个未知国家（来源原文如此）");
    expect(await renderInLocale(createElement(RecommendingStates, { states }), "en")).not.toContain("unknown-recommending-states");
  });
});
