import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as getOne } from "@/app/api/recommendations/[id]/route";
import { GET as exportCsv } from "@/app/api/recommendations.csv/route";
import { KEY_COLUMNS } from "@/lib/csv/recommendation-columns";
import { pickRecommendationText } from "@/lib/recommendation-text";
import { recommendationItemSchema } from "@/lib/schemas/recommendation-api";
import { getDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/http-errors";
import { getRecommendationDetail, listRelatedRecommendations } from "@/lib/server/recommendation-detail";
import { addOfficialRecommendationText, getRecommendationText } from "@/lib/server/recommendation-texts";
import { getRecommendation } from "@/lib/server/recommendations";
import { readCsv } from "../helpers/api-fixtures";
import { withSeededDatabase } from "../helpers/test-database";

withSeededDatabase();

/** A stand-in for an imported official Chinese version: marked as a fixture, never a real or a generated translation. */
const ZH_FIXTURE = "【测试夹具】官方中文版本（非真实文本）";

async function idOf(cycle: number, paragraph: string): Promise<number> {
  const rec = await getDb().recommendation.findFirstOrThrow({ where: { paragraph, review: { stateUnderReviewIso3: "CHN", cycle } }, select: { id: true } });
  return rec.id;
}

describe("the language of imported texts", () => {
  it("is English for every recommendation the OHCHR lists and the UPR Info CSV gave", async () => {
    const byLanguage = await getDb().recommendation.groupBy({ by: ["textLanguage"], _count: true });
    expect(byLanguage.map((group) => group.textLanguage)).toEqual(["en"]);
    for (const format of ["OHCHR_THEMATIC_LIST", "UPR_INFO_CSV"] as const) {
      expect(await getDb().recommendation.count({ where: { textLanguage: "en", sourceDocument: { format } } }), format).toBeGreaterThan(0);
    }
  });

  it("travels with the rows of the explorer, the detail page and related recommendations", async () => {
    const id = await idOf(3, "28.10");
    expect(await getRecommendation(id)).toMatchObject({ textLanguage: "en", officialTexts: [] });
    expect((await listRelatedRecommendations(id)).items.every((item) => item.textLanguage === "en")).toBe(true);
  });
});

describe("official language versions", () => {
  it("shows an imported Chinese version in the zh interface, the English text in the en one, each with its language", async () => {
    const id = await idOf(3, "28.9");
    const published = (await getRecommendation(id))!.text;
    expect(await getRecommendationText(id, "zh")).toEqual({ text: published, language: "en", published: true });

    const stored = await addOfficialRecommendationText({ recommendationId: id, language: "zh", text: ` ${ZH_FIXTURE} ` });
    expect(stored).toEqual({ recommendationId: id, language: "zh", text: ZH_FIXTURE, sourceDocumentId: null });

    expect(await getRecommendationText(id, "zh")).toEqual({ text: ZH_FIXTURE, language: "zh", published: false });
    expect(await getRecommendationText(id, "en")).toEqual({ text: published, language: "en", published: true });
    // The row DTO carries the versions, so the explorer picks the same way without another query.
    const row = (await getRecommendationDetail(id))!.recommendation;
    expect(row.officialTexts).toEqual([{ language: "zh", text: ZH_FIXTURE }]);
    expect(pickRecommendationText(row, row.officialTexts, "zh").language).toBe("zh");
    // The published text is untouched.
    expect((await getRecommendation(id))!.text).toBe(published);

    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "recommendation-text.import" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorUserId: null, subjectType: "recommendation", subjectId: String(id) });
    expect(event.changes).toMatchObject({ language: "zh", text: [null, ZH_FIXTURE] });
  });

  it("keeps the API and the CSV on the published text and its language", async () => {
    const id = await idOf(3, "28.9");
    const response = await getOne(new Request(`http://localhost/api/recommendations/${id}`), { params: Promise.resolve({ id: String(id) }) });
    expect(response.status).toBe(200);
    const item = recommendationItemSchema.parse(await response.json());
    expect(item.textLanguage).toBe("en");
    expect(item.text).not.toBe(ZH_FIXTURE);
    const csv = await readCsv(await exportCsv(new Request("http://localhost/api/recommendations.csv?cycle=3&state=EST")));
    const row = csv.rows.find((r) => r.id === String(id));
    expect(row).toMatchObject({ text_language: "en", paragraph: "28.9" });
    expect(Object.keys(row!).slice(KEY_COLUMNS.length - 2, KEY_COLUMNS.length)).toEqual(["text_language", "unknown_recommending_states"]);
    // The Chinese file translates its labels, never the text: the published English, not the official Chinese version.
    const zh = await (await exportCsv(new Request("http://localhost/api/recommendations.csv?cycle=3&state=EST&headers=zh"))).text();
    expect(zh).not.toContain(ZH_FIXTURE);
    expect(zh).toContain(row!.text.slice(0, 40));
  });

  it("replaces a version imported again in the same language, and refuses bad input without writing", async () => {
    const id = await idOf(3, "28.9");
    await addOfficialRecommendationText({ recommendationId: id, language: "zh", text: `${ZH_FIXTURE}（二）` });
    expect(await getDb().recommendationText.count({ where: { recommendationId: id } })).toBe(1);
    expect((await getRecommendationText(id, "zh"))?.text).toBe(`${ZH_FIXTURE}（二）`);

    const before = await getDb().recommendationText.count();
    await expect(addOfficialRecommendationText({ recommendationId: id, language: "Chinese", text: ZH_FIXTURE })).rejects.toBeInstanceOf(z.ZodError);
    await expect(addOfficialRecommendationText({ recommendationId: id, language: "zh", text: "  " })).rejects.toBeInstanceOf(z.ZodError);
    await expect(addOfficialRecommendationText({ recommendationId: id, language: "en-GB", text: "Ratify" })).rejects.toThrow(/already in en/);
    await expect(addOfficialRecommendationText({ recommendationId: 2_147_483_647, language: "zh", text: ZH_FIXTURE })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDb().recommendationText.count()).toBe(before);
    expect(await getRecommendationText(2_147_483_647, "zh")).toBeNull();
  });
});
