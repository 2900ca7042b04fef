import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { getRecommendationDetail, listRelatedRecommendations } from "@/lib/server/recommendation-detail";
import { getStateProfile, listStateSummaries } from "@/lib/server/states";
import { withSeededDatabase } from "../helpers/test-database";

withSeededDatabase();

async function idOf(cycle: number, paragraph: string): Promise<number> {
  const rec = await getDb().recommendation.findFirstOrThrow({ where: { paragraph, review: { stateUnderReviewIso3: "CHN", cycle } }, select: { id: true } });
  return rec.id;
}

describe("getRecommendationDetail", () => {
  it("returns China 2018 paragraph 28.9 with its six States, its response and its review's year", async () => {
    const detail = await getRecommendationDetail(await idOf(3, "28.9"));
    expect(detail?.review).toEqual({ session: 31, reviewDate: "2018-11-06", year: 2018 });
    expect(detail?.document).toEqual({ format: "OHCHR_THEMATIC_LIST", title: "UPR of China (3rd Cycle – 31st session) Thematic list of recommendations" });
    expect(detail?.recommendation.recommendingStates.map((s) => s.iso3)).toEqual(["BEN", "EST", "GEO", "LVA", "MLT", "NAM"]);
    expect(detail?.recommendation).toMatchObject({ position: "SUPPORTED", responseWording: "supported", paragraph: "28.9" });
  });

  it("is null for an id that does not exist", async () => {
    expect(await getRecommendationDetail(2_147_483_647)).toBeNull();
  });
});

describe("listRelatedRecommendations", () => {
  it("lists the 2013 ICCPR recommendation of the Czech Republic beside its 2018 one, and nothing from 2018", async () => {
    const related = await listRelatedRecommendations(await idOf(3, "28.10"));
    const earlier = related.items.find((item) => item.paragraph === "186.4");
    expect(earlier).toMatchObject({ cycle: 2, year: 2013, position: "SUPPORTED", responseWording: "supported", recommendingStateCount: 1 });
    expect(earlier?.text).toBe("Take steps to an early ratification of the ICCPR (Czech Republic);");
    expect(earlier?.sharedStates).toEqual([{ iso3: "CZE", name: "Czechia", region: "EASTERN_EUROPEAN" }]);
    expect(related.items.every((item) => item.cycle !== 3)).toBe(true);
    expect(related.items.every((item) => item.sharedStates.some((s) => s.iso3 === "CZE"))).toBe(true);
    // The Czech Republic's 9 UPR Info rows of 2009 come after its 5 paragraphs of 2013.
    expect(related.total).toBe(14);
    expect(related.cycles).toEqual([2, 1]);
    expect(related.items.map((item) => item.cycle)).toEqual([...Array(5).fill(2), ...Array(9).fill(1)]);
  });

  it("names only the shared States of a merged paragraph, newest cycle first, in printed order", async () => {
    const related = await listRelatedRecommendations(await idOf(3, "28.9"));
    const paragraphs = related.items.filter((item) => item.cycle === 2).map((item) => item.paragraph);
    expect(paragraphs.slice(0, 3)).toEqual(["186.2", "186.5", "186.8"]);
    const speedUp = related.items.find((item) => item.paragraph === "186.2");
    // Brazil, Bulgaria, Estonia and Ghana made 186.2; only Estonia also made 28.9.
    expect(speedUp?.sharedStates.map((s) => s.iso3)).toEqual(["EST"]);
    expect(speedUp?.recommendingStateCount).toBe(4);
    expect(related.items.find((item) => item.paragraph === "186.5")?.sharedStates.map((s) => s.iso3)).toEqual(["BEN"]);
    expect(related.cycles).toEqual([2, 1]);
    expect(related.total).toBe(related.items.length);
  });

  it("caps the list and still counts every related recommendation", async () => {
    const related = await listRelatedRecommendations(await idOf(3, "28.10"), 5);
    expect(related).toMatchObject({ total: 14, limit: 5 });
    expect(related.items).toHaveLength(5);
  });

  it("is empty for an unknown id", async () => {
    expect(await listRelatedRecommendations(2_147_483_647)).toEqual({ total: 0, limit: 50, cycles: [], items: [] });
  });
});

describe("getStateProfile", () => {
  it("shows that all 3 of the United Kingdom's recommendations to China in 2018 were noted", async () => {
    const profile = await getStateProfile("GBR");
    expect(profile?.state).toMatchObject({ name: "United Kingdom of Great Britain and Northern Ireland", regionalGroup: "WEOG", unStatus: "MEMBER" });
    const cycle3 = profile?.recommended.find((group) => group.stateUnderReview.iso3 === "CHN" && group.cycle === 3);
    expect(cycle3).toEqual({
      stateUnderReview: { iso3: "CHN", name: "China" },
      cycle: 3,
      year: 2018,
      total: 3,
      supported: 0,
      supportedInPart: 0,
      noted: 3,
      noPosition: 0,
    });
    expect(profile?.recommended.map((group) => group.cycle)).toEqual([3, 2, 1]);
    expect(profile?.reviews).toEqual([]);
  });

  it("accepts a lower-case code and counts a paragraph shared with other States once for each of them", async () => {
    const estonia = await getStateProfile("est");
    expect(estonia?.state.iso3).toBe("EST");
    const cycle3 = estonia?.recommended.find((group) => group.cycle === 3);
    const direct = await getDb().recommendation.count({
      where: { review: { cycle: 3, stateUnderReviewIso3: "CHN" }, recommendingStates: { some: { countryIso3: "EST" } } },
    });
    expect(cycle3?.total).toBe(direct);
    expect(cycle3!.supported + cycle3!.supportedInPart + cycle3!.noted + cycle3!.noPosition).toBe(cycle3!.total);
  });

  it("lists China's own reviews with what is loaded, the 2024 one empty against 428 reported", async () => {
    const china = await getStateProfile("CHN");
    expect(china?.recommended).toEqual([]);
    expect(china?.reviews.map((review) => [review.cycle, review.year, review.total, review.supported, review.noted, review.reportedTotal])).toEqual([
      [4, 2024, 0, 0, 0, 428],
      [3, 2018, 346, 284, 62, 346],
      [2, 2013, 252, 204, 48, null],
      [1, 2009, 137, 55, 82, null],
    ]);
    expect(china?.reviews[0]?.reportedWordings).toEqual([
      { wording: "accepted", count: 290 },
      { wording: "partially accepted", count: 8 },
      { wording: "noted", count: 32 },
      { wording: "rejected", count: 98 },
    ]);
  });

  it("is null for a code that is no UN Member or observer State", async () => {
    expect(await getStateProfile("XXX")).toBeNull();
    expect(await getStateProfile("TWN")).toBeNull();
  });
});

describe("listStateSummaries", () => {
  it("lists every recommending State once, with its recommendations, and China as the State under review", async () => {
    const index = await listStateSummaries();
    const [distinct] = await getDb().$queryRaw<{ n: number }[]>`SELECT count(DISTINCT "countryIso3")::int AS n FROM "RecommendationState"`;
    expect(index.recommending).toHaveLength(distinct!.n);
    expect(index.recommending.find((s) => s.iso3 === "GBR")).toMatchObject({ statesReviewed: 1, regionalGroup: "WEOG" });
    expect(index.underReview.map((s) => s.iso3)).toEqual(["CHN"]);
  });
});
