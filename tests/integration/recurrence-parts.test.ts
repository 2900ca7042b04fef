import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ParsedDocument } from "@/lib/import/types";
import { normaliseForSimilarity, SUBJECT_THEME_SCHEMES } from "@/lib/recurrence";
import type { Recurrence } from "@/lib/schemas/recurrence";
import { getDb } from "@/lib/server/db";
import { Prisma } from "@/lib/server/generated/prisma/client";
import { applyImport } from "@/lib/server/imports";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getViewerByEmail } from "@/lib/server/permissions";
import { decideLink, getRecurrence, listRecurrenceSuggestions, rankedSuggestions, type CandidateRow } from "@/lib/server/recurrence";
import { normalisedSql, partsSql, refreshSimilarityParts } from "@/lib/server/recurrence/similarity-parts";
import { parseRealFile, relabelledReview } from "../helpers/import-fixtures";
import { PASSWORD } from "../helpers/sessions";
import { withSeededDatabase } from "../helpers/test-database";

/**
 * The across-cycles suggestions read the texts' parts precomputed in "RecommendationSimilarityPart" instead of
 * normalising every text of the State per request. The table must always equal what lib/recurrence.ts's
 * normaliseForSimilarity() makes of each text (after the seed's imports, an import, a re-import and a changed text),
 * and the suggestions must be exactly those of the live computation they replace, on the real China data.
 */
withSeededDatabase();

type PartRow = { recommendationId: number; part: number; stateUnderReviewIso3: string; normalised: string };

/** Every stored part, next to what the JavaScript twin of the rules makes of each text and its review's State. */
async function storedAndExpected(where: Prisma.Sql = Prisma.sql`TRUE`): Promise<{ stored: PartRow[]; expected: PartRow[] }> {
  const db = getDb();
  const recs = await db.$queryRaw<{ id: number; text: string; sur: string }[]>`
    SELECT r."id", r."text", v."stateUnderReviewIso3" AS "sur" FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"
    WHERE ${where} ORDER BY r."id"`;
  const stored = await db.$queryRaw<PartRow[]>`
    SELECT p."recommendationId", p."part", p."stateUnderReviewIso3", p."normalised" FROM "RecommendationSimilarityPart" p
    WHERE p."recommendationId" = ANY(${recs.map((rec) => rec.id)}::int[]) ORDER BY p."recommendationId", p."part"`;
  const expected = recs.flatMap((rec) => normaliseForSimilarity(rec.text).map((normalised, i) => ({ recommendationId: rec.id, part: i + 1, stateUnderReviewIso3: rec.sur, normalised })));
  return { stored, expected };
}

const subjectSchemes = Prisma.join(SUBJECT_THEME_SCHEMES.map((scheme) => Prisma.sql`${scheme}::"ThemeScheme"`));

/**
 * REFERENCE: the suggestions as they were computed before the parts were stored: every text of the State's other
 * reviews normalised in the query, every part compared with every part. Kept here only to prove the new path equal.
 */
async function liveSuggestions(id: number): Promise<Pick<Recurrence, "earlier" | "later">> {
  const db = getDb();
  const [, rows, [target]] = await db.$transaction([
    // The old statement's cost estimate is huge; JIT compiling it would only slow the test down.
    db.$queryRaw`SELECT set_config('jit', 'off', true)`,
    db.$queryRaw<CandidateRow[]>`
    WITH target AS (
      SELECT r."id", r."text", v."stateUnderReviewIso3" AS "sur", v."cycle"
      FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId" WHERE r."id" = ${id}
    ),
    target_states AS (SELECT "countryIso3" FROM "RecommendationState" WHERE "recommendationId" = ${id}),
    target_themes AS (
      SELECT DISTINCT lower(t."name") AS "name" FROM "RecommendationTheme" rt JOIN "Theme" t ON t."id" = rt."themeId"
      WHERE rt."recommendationId" = ${id} AND t."scheme" IN (${subjectSchemes})
    ),
    candidates AS (
      SELECT r."id", v."cycle", v."reviewDate", r."paragraph", r."text", r."textLanguage", r."position"::text AS "position", r."responseWording", r."ordinal",
        (SELECT coalesce(json_agg(json_build_object('iso3', c."iso3", 'name', c."name") ORDER BY rs."ordinal"), '[]'::json)
          FROM "RecommendationState" rs JOIN "Country" c ON c."iso3" = rs."countryIso3"
          WHERE rs."recommendationId" = r."id" AND rs."countryIso3" IN (SELECT "countryIso3" FROM target_states)) AS "sharedStates",
        ARRAY(SELECT DISTINCT th."name" FROM "RecommendationTheme" rt JOIN "Theme" th ON th."id" = rt."themeId"
          WHERE rt."recommendationId" = r."id" AND th."scheme" IN (${subjectSchemes})
            AND lower(th."name") IN (SELECT "name" FROM target_themes)) AS "sharedThemes"
      FROM "Recommendation" r
      JOIN "Review" v ON v."id" = r."reviewId"
      JOIN target t ON v."stateUnderReviewIso3" = t."sur" AND v."cycle" <> t."cycle"
      WHERE NOT EXISTS (SELECT 1 FROM "RecommendationLink" l
        WHERE (l."earlierId" = r."id" AND l."laterId" = ${id}) OR (l."earlierId" = ${id} AND l."laterId" = r."id"))
    ),
    related AS (SELECT * FROM candidates WHERE json_array_length("sharedStates") > 0 OR cardinality("sharedThemes") > 0),
    target_parts AS MATERIALIZED (SELECT ${normalisedSql(Prisma.sql`p."piece"`)} AS "part" FROM target, ${partsSql(Prisma.sql`target."text"`)} AS p("piece", "at")),
    related_parts AS (SELECT x."id", ${normalisedSql(Prisma.sql`p."piece"`)} AS "part" FROM related x, ${partsSql(Prisma.sql`x."text"`)} AS p("piece", "at")),
    similarities AS (
      SELECT rp."id", max(similarity(rp."part", tp."part"))::float8 AS "similarity"
      FROM related_parts rp, target_parts tp WHERE rp."part" <> '' AND tp."part" <> '' GROUP BY rp."id"
    )
    SELECT x.*, s."similarity" FROM related x JOIN similarities s ON s."id" = x."id"`,
    db.$queryRaw<{ cycle: number }[]>`SELECT v."cycle" FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId" WHERE r."id" = ${id}`,
  ]);
  return target ? rankedSuggestions(target.cycle, rows) : { earlier: [], later: [] };
}

async function idsOf(iso3: string, cycle?: number): Promise<number[]> {
  const rows = await getDb().recommendation.findMany({ where: { review: { stateUnderReviewIso3: iso3, ...(cycle ? { cycle } : {}) } }, select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((row) => row.id);
}

/** A fixture file with one text changed (a new part added, one word replaced) and its own hash. */
function withChangedText(doc: ParsedDocument, index: number, text: string): ParsedDocument {
  const recommendations = doc.recommendations.map((rec, i) => (i === index ? { ...rec, text } : rec));
  return { ...doc, sha256: createHash("sha256").update(`parts:${index}:${text}`).digest("hex"), fileName: `parts-${index}.docx`, recommendations };
}

let france2013: ParsedDocument;
let france2018: ParsedDocument;

beforeAll(async () => {
  france2013 = relabelledReview(await parseRealFile("ohchr/CHN-cycle2-2013-thematic-list.docx"), "FRA", 2, "parts");
  france2018 = relabelledReview(await parseRealFile("ohchr/CHN-cycle3-2018-thematic-list.docx"), "FRA", 3, "parts");
}, 120_000);

describe("the precomputed parts of the texts", () => {
  it("hold every seeded recommendation's parts as normaliseForSimilarity() computes them", async () => {
    const { stored, expected } = await storedAndExpected();
    expect(expected.length).toBeGreaterThan(700);
    expect(stored).toEqual(expected);
  });

  it("follow an import, a re-import and a changed text, and the start-up fill finds nothing to do", async () => {
    const fra = Prisma.sql`v."stateUnderReviewIso3" = 'FRA'`;
    await applyImport(france2013);
    await applyImport(france2018);
    const imported = await storedAndExpected(fra);
    expect(imported.stored.length).toBeGreaterThan(600);
    expect(imported.stored).toEqual(imported.expected);

    // The same file again writes nothing, and the parts stay as they were.
    expect((await applyImport(france2018)).outcomes).toMatchObject([{ created: 0, updated: 0, removed: 0 }]);
    expect((await storedAndExpected(fra)).stored).toEqual(imported.stored);

    // A corrected text: the row's parts are those of its new text, the other rows' untouched.
    const [first] = await idsOf("FRA", 3);
    const text = "Ratify the International Covenant on Civil and Political Rights (Fixtureland); Abolish capital punishment (Fixtureland)";
    const corrected = withChangedText(france2018, 0, text);
    expect((await applyImport(corrected)).outcomes).toMatchObject([{ action: "import", updated: 1 }]);
    const after = await storedAndExpected(fra);
    expect(after.stored).toEqual(after.expected);
    expect(after.stored.filter((part) => part.recommendationId === first)).toEqual([
      { recommendationId: first, part: 1, stateUnderReviewIso3: "FRA", normalised: "ratify iccpr" },
      { recommendationId: first, part: 2, stateUnderReviewIso3: "FRA", normalised: "abolish death penalty" },
    ]);

    expect(await refreshSimilarityParts(getDb(), { missing: "all" })).toBe(0);
  });

  it("come back for rows written without them", async () => {
    const [id] = await idsOf("FRA", 2);
    await getDb().$executeRaw`DELETE FROM "RecommendationSimilarityPart" WHERE "recommendationId" = ${id}`;
    expect(await refreshSimilarityParts(getDb(), { missing: "all" })).toBeGreaterThan(0);
    const { stored, expected } = await storedAndExpected();
    expect(stored).toEqual(expected);
  });
});

describe("suggestions from the precomputed parts", () => {
  it("are exactly the live computation's, same order and same numbers, for China's recommendations", async () => {
    // Every fourth of the 735 (all three cycles, single and merged paragraphs): the live path takes a second each.
    const ids = (await idsOf("CHN")).filter((_, i) => i % 4 === 0);
    expect(ids.length).toBeGreaterThan(180);
    let suggested = 0;
    for (const id of ids) {
      const [stored, live] = await Promise.all([listRecurrenceSuggestions(id), liveSuggestions(id)]);
      expect(stored, `recommendation ${id}`).toEqual(live);
      suggested += stored.earlier.length + stored.later.length;
    }
    // Not an empty comparison: most recommendations have counterparts.
    expect(suggested).toBeGreaterThan(ids.length);
  }, 600_000);

  it("are the live computation's for the fixture State too, after its imports and a changed text", async () => {
    for (const id of [...(await idsOf("FRA", 2)).slice(0, 20), ...(await idsOf("FRA", 3)).slice(0, 20)]) {
      expect(await listRecurrenceSuggestions(id), `recommendation ${id}`).toEqual(await liveSuggestions(id));
    }
  }, 300_000);
});

describe("the readers' shared copy of the suggestions (the detail page)", () => {
  it("is forgotten on both sides of a decided pair", async () => {
    process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
    const operator = { kind: "operator" } as const;
    await createOrganization(operator, "Parts Watch");
    await addUser(operator, { email: "parts-editor@example.org", password: PASSWORD, name: "Parts editor", organization: { name: "Parts Watch", role: "editor" } });
    const editor = (await getViewerByEmail("parts-editor@example.org"))!;
    const shared = async (id: number) => (await getRecurrence(id, undefined, { shared: true }))!;

    let id = 0;
    for (const candidate of await idsOf("FRA", 3)) {
      if ((await shared(candidate)).earlier.length > 0) {
        id = candidate;
        break;
      }
    }
    const other = (await shared(id)).earlier[0]!.id;
    expect((await shared(other)).later.map((s) => s.id)).toContain(id);

    await decideLink(editor, id, { otherId: other, decision: "rejected" });
    expect((await shared(id)).earlier.map((s) => s.id)).not.toContain(other);
    expect((await shared(other)).later.map((s) => s.id)).not.toContain(id);
    expect(await shared(id)).toEqual(await getRecurrence(id));
  });
});
