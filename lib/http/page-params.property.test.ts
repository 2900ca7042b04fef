import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAuditSearch } from "@/lib/audit/kinds";
import { signInQuerySchema } from "@/lib/auth/sign-in-steps";
import { parsePer } from "@/lib/charts/units";
import { runs } from "@/lib/import/test-runs";
import { parseMidTermReportParams } from "@/lib/schemas/mid-term-report";
import { statePageParamsSchema } from "@/lib/schemas/state-page";
import { apiSearchSchema, FILTER_KEYS, parseApiSearch, parseExplorerSearch } from "@/lib/search-params";
import { parseStatsSearch } from "@/lib/stats";
import { queryLists } from "./params";

/**
 * The parsers of a page's or an API's query string, as Next hands it to a page (a record of strings and lists) and as
 * a route reads it (URLSearchParams): whatever the keys (Object.prototype's names among them) and values, a page's
 * parser answers with defaults and the API's with a 400's issues, never a throw; an unknown key is always named.
 */

const PROTOTYPE_NAMES = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "isPrototypeOf", "toLocaleString"];
const key = fc.oneof(fc.constantFrom(...FILTER_KEYS, "sort", "page", "pageSize", "by", "format", "kind", "per", "review", "error", "wait", "next"), fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ unit: "grapheme", maxLength: 10 }));
const value = fc.oneof(fc.string({ unit: "grapheme", maxLength: 20 }), fc.string({ unit: "binary", maxLength: 20 }), fc.constantFrom("", "\u0000", "1e309", "-1", "2147483648", "x".repeat(20_000)));
const entries = fc.array(fc.tuple(key, value), { maxLength: 10 });

/** As Next gives `searchParams` to a page: one string per key, a list for a repeated one; every key an own one. */
function pageRecord(list: [string, string][]): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(queryLists(new URLSearchParams(list))).map(([k, values]) => [k, values.length === 1 ? values[0]! : values]));
}

describe("the parsers of query strings", () => {
  it("answer any page query with a value, never a throw", () => {
    fc.assert(
      fc.property(entries, (list) => {
        const raw = pageRecord(list);
        expect(parseExplorerSearch(raw).query.page).toBeGreaterThanOrEqual(1);
        expect(parseAuditSearch(raw)).toBeTypeOf("object");
        expect(statePageParamsSchema.parse(raw).page).toBeGreaterThanOrEqual(1);
        expect(signInQuerySchema.parse(raw)).toBeTypeOf("object");
        expect(parsePer(raw.per)).not.toBeUndefined();
        expect(parseMidTermReportParams(raw)).toHaveProperty("success");
      }),
      runs(300),
    );
  });

  it("answer any API query with data or issues, naming every unknown key", () => {
    const known = new Set(Object.keys(apiSearchSchema.in.shape));
    fc.assert(
      fc.property(entries, (list) => {
        const params = new URLSearchParams(list);
        const parsed = parseApiSearch(params);
        expect(parseStatsSearch(params)).toHaveProperty("success");
        expect(parseMidTermReportParams(params)).toHaveProperty("success");
        const unknown = [...new Set(list.map(([k]) => k).filter((k) => !known.has(k)))];
        if (unknown.length === 0) return;
        expect(parsed.success).toBe(false);
        const named = parsed.error!.issues.flatMap((issue) => (issue.code === "unrecognized_keys" ? issue.keys : []));
        expect(named.sort()).toEqual(unknown.sort());
      }),
      runs(300),
    );
  });
});
