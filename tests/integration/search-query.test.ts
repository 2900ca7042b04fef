import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as list } from "@/app/api/recommendations/route";
import { compileSearch } from "@/lib/search";
import { parseExplorerSearch } from "@/lib/search-params";
import { getDb } from "@/lib/server/db";
import { listRecommendations } from "@/lib/server/recommendations";
import { createTestDatabase } from "../helpers/test-database";

/**
 * The search's tsquery against real PostgreSQL: the same reading as websearch_to_tsquery for everything the old search
 * understood, no input that makes PostgreSQL fail, and a query the GIN index serves. No data is needed.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const asText = async (sql: string, value: string): Promise<string> => (await getDb().$queryRawUnsafe<{ q: string }[]>(sql, value))[0]?.q ?? "";

/** Text made of what websearch syntax reacts to, words that stem, stop words and punctuation; no `*`, no Chinese. */
const websearchText = fc
  .array(fc.constantFrom("tibet", "Rights", "defenders", "the", "of", "or", "OR", "Or", "-", '"', " ", "  ", "(", ")", "!", "&", "|", "<", ":", "'", "\\", ",", ".", "_", "é", "ratified", "non-discrimination", "28.179", "\t"), {
    maxLength: 30,
  })
  .map((parts) => parts.join(""));

describe("the compiled search in PostgreSQL", () => {
  it("reads every query exactly as websearch_to_tsquery does, with variants off (property, against PostgreSQL)", async () => {
    await fc.assert(
      fc.asyncProperty(websearchText, async (q) => {
        const ours = await asText(`SELECT to_tsquery('english', $1)::text AS q`, compileSearch(q, "off").tsquery);
        const theirs = await asText(`SELECT websearch_to_tsquery('english', $1)::text AS q`, q);
        expect(ours, JSON.stringify(q)).toBe(theirs);
      }),
      { numRuns: 300 },
    );
  });

  it("never fails on hostile input, with variants on or off: to_tsquery, the list and the API (property, against PostgreSQL)", async () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 500, unit: "binary" }),
      fc.array(fc.constantFrom("新疆", "死刑", "某", "*", "'", "''", "\\", '"', "-", "or", ":*", "!", "(", ")", "<->", "uyghur*", "hong kong", " "), { maxLength: 60 }).map((p) => p.join("")),
    );
    await fc.assert(
      fc.asyncProperty(
        hostile.filter((q) => !q.includes("\u0000")),
        fc.constantFrom("on" as const, "off" as const),
        async (q, variants) => {
          await asText(`SELECT to_tsquery('english', $1)::text AS q`, compileSearch(q, variants).tsquery);
          const query = parseExplorerSearch({ q: q.slice(0, 500), variants }).query;
          await listRecommendations(query);
        },
      ),
      { numRuns: 200 },
    );
    // 40 dashes: websearch_to_tsquery itself fails on them ("tsquery stack too small"); the old search answered 500.
    const odd = ["'; DROP TABLE \"Recommendation\"; --", "\\'", "''''", "tibet:*A & !", "(((((", "新疆*", "-*", "or or or", "a".repeat(500), `${"-".repeat(40)}foo`, `${"-".repeat(499)}x`];
    for (const q of odd) {
      const response = await list(new Request(`http://localhost/api/recommendations?q=${encodeURIComponent(q)}`));
      expect(response.status, q).toBe(200);
    }
  });

  it("gives PostgreSQL one constant tsquery that the GIN index on searchVector serves", async () => {
    const db = getDb();
    const tsquery = compileSearch("Uyghur OR tibet* -\"death penalty\"").tsquery;
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN SELECT r."id" FROM "Recommendation" r WHERE r."searchVector" @@ to_tsquery('english', ${tsquery})`;
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("Recommendation_searchVector_idx");
    expect(text).not.toContain("to_tsquery");
  });
});
