import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as csvGet } from "@/app/api/recommendations.csv/route";
import { DELETE as clearRoute, GET as categoryGet, PUT as setRoute } from "@/app/api/recommendations/[id]/action-category/route";
import { GET as listGet } from "@/app/api/recommendations/route";
import { ACTION_RULES_VERSION, classifyActionCategory } from "@/lib/action-category";
import { parseImportFile } from "@/lib/import";
import { actionCategoryViewSchema } from "@/lib/schemas/action-category";
import { recommendationListSchema } from "@/lib/schemas/recommendation-api";
import { parseApiSearch } from "@/lib/search-params";
import { fillActionCategories } from "@/lib/server/action-category-fill";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { importParsedDocument } from "@/lib/server/imports";
import { listRecommendations } from "@/lib/server/recommendations";
import { readCsv } from "../helpers/api-fixtures";
import { realDataFile } from "../helpers/data-files";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { withSeededDatabase } from "../helpers/test-database";

/**
 * Action categories on real PostgreSQL with the real China data: derived at import and kept by the source, stable
 * across re-imports and restarts, filled on older installs, and overridden, audited and cleared by editors.
 */
const OPERATOR = { kind: "operator" } as const;
type Actor = "anonymous" | "viewerA" | "editorA" | "editorB";

withSeededDatabase();
const cookies = new Map<Actor, string>();
const orgId = { A: "", B: "" };
let target: { id: number; text: string; actionCategory: number };

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  orgId.A = (await createOrganization(OPERATOR, "Category Org A")).id;
  orgId.B = (await createOrganization(OPERATOR, "Category Org B")).id;
  const people: [Exclude<Actor, "anonymous">, "A" | "B", "editor" | "viewer"][] = [
    ["viewerA", "A", "viewer"],
    ["editorA", "A", "editor"],
    ["editorB", "B", "editor"],
  ];
  for (const [actor, org, role] of people) {
    await addUser(OPERATOR, { email: `${actor.toLowerCase()}@category.example.org`, password: PASSWORD, name: actor, organization: { name: `Category Org ${org}`, role } });
    cookies.set(actor, await signIn(`${actor.toLowerCase()}@category.example.org`, `10.7.0.${cookies.size + 1}`));
  }
  // A 2018 recommendation the rule calls specific action (5), so an override to 3 is a visible change.
  const rows = await getDb().recommendation.findMany({
    where: { review: { stateUnderReviewIso3: "CHN", cycle: 3 }, actionCategory: 5 },
    select: { id: true, text: true, actionCategory: true },
    orderBy: { id: "asc" },
    take: 1,
  });
  target = { ...rows[0]!, actionCategory: rows[0]!.actionCategory! };
});

function request(actor: Actor, method: string, body?: unknown): Request {
  const headers: Record<string, string> = { "content-type": "application/json", origin: ORIGIN };
  const cookie = cookies.get(actor);
  if (cookie) headers.cookie = cookie;
  return new Request(`${ORIGIN}/api/recommendations/${target.id}/action-category`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

/** Every action-category column of every recommendation, the overrides and the audit count, as one value. */
async function snapshot(): Promise<string> {
  const [row] = await getDb().$queryRaw<{ hash: string }[]>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(concat_ws(',', r."id", r."actionCategory", r."actionCategoryMethod", r."actionCategoryRules", r."originalActionCategory", r."actionCategorySource",
        r."partActionCategories"::text, r."actionCategories"::text, r."updatedAt"), ';' ORDER BY r."id") FROM "Recommendation" r),
      (SELECT string_agg(o::text, ';' ORDER BY o."recommendationId") FROM "ActionCategoryOverride" o),
      (SELECT count(*)::text FROM "AuditEvent")
    )) AS hash`;
  return row!.hash;
}

async function effective(): Promise<{ actionCategory: number | null; actionCategoryMethod: string | null; originalActionCategory: number | null }> {
  return getDb().recommendation.findUniqueOrThrow({ where: { id: target.id }, select: { actionCategory: true, actionCategoryMethod: true, originalActionCategory: true } });
}

async function explorerIds(action: number): Promise<number[]> {
  const query = parseApiSearch(new URLSearchParams({ cycle: "3", sur: "CHN", action: String(action), pageSize: "200" }));
  if (!query.success) throw new Error("bad query");
  return (await listRecommendations(query.data)).items.map((item) => item.id);
}

describe("stored and derived categories", () => {
  it("gives every seeded 2018 recommendation a derived category with the rule version", async () => {
    const rows = await getDb().recommendation.findMany({
      where: { review: { stateUnderReviewIso3: "CHN", cycle: 3 } },
      select: { text: true, actionCategory: true, actionCategoryMethod: true, actionCategoryRules: true, originalActionCategory: true, actionCategorySource: true },
    });
    expect(rows).toHaveLength(346);
    for (const row of rows) {
      expect(row).toMatchObject({ actionCategoryMethod: "DERIVED", actionCategoryRules: ACTION_RULES_VERSION, actionCategorySource: null });
      expect(row.actionCategory).toBe(classifyActionCategory(row.text).category);
      expect(row.originalActionCategory).toBe(row.actionCategory);
    }
  });

  it("keeps UPR Info's own categories on the 2009 rows", async () => {
    const rows = await getDb().recommendation.findMany({ where: { review: { cycle: 1 } }, select: { actionCategory: true, actionCategoryMethod: true, actionCategoryRules: true } });
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.every((row) => row.actionCategory !== null && row.actionCategoryMethod === "SOURCE" && row.actionCategoryRules === null)).toBe(true);
  });

  it("shows the method and version in the API and the CSV export", async () => {
    for (const [cycle, method, rules] of [[1, "source", null], [3, "derived", ACTION_RULES_VERSION]] as const) {
      const list = recommendationListSchema.parse(await (await listGet(new Request(`${ORIGIN}/api/recommendations?cycle=${cycle}&sur=CHN&pageSize=200`))).json());
      expect(list.items.length).toBeGreaterThan(100);
      expect(list.items.every((item) => item.actionCategoryMethod === method && item.actionCategoryRules === rules)).toBe(true);
    }
    const { rows } = await readCsv(await csvGet(new Request(`${ORIGIN}/api/recommendations.csv?cycle=3&sur=CHN`)));
    expect(rows).toHaveLength(346);
    expect(rows.every((row) => row.action_category_method === "derived" && row.action_category_rules === ACTION_RULES_VERSION && /^[1-5]$/.test(row.action_category))).toBe(true);
  });

  it("changes nothing when a file is imported again or the app starts again", async () => {
    const before = await snapshot();
    const name = "CHN-cycle3-2018-thematic-list.docx";
    const doc = await parseImportFile(readFileSync(realDataFile(`ohchr/${name}`)), { fileName: name });
    expect(await importParsedDocument(doc)).toMatchObject({ created: 0, updated: 0, unchanged: 346 });
    expect(await fillActionCategories()).toEqual({ derived: 0, rederived: 0, sourced: 0, parts: 0 });
    expect(await snapshot()).toBe(before);
  });

  it("fills the categories of an older install once, at start", async () => {
    // Rows as an install from before derived categories holds them.
    await getDb().recommendation.updateMany({
      where: { review: { cycle: 2 } },
      data: { actionCategory: null, actionCategoryMethod: null, actionCategoryRules: null, originalActionCategory: null },
    });
    const outcome = await fillActionCategories();
    expect(outcome).toEqual({ derived: 252, rederived: 0, sourced: 0, parts: 252 });
    const rows = await getDb().recommendation.findMany({ where: { review: { cycle: 2 } }, select: { text: true, actionCategory: true, actionCategoryMethod: true, actionCategoryRules: true } });
    expect(rows.every((row) => row.actionCategoryMethod === "DERIVED" && row.actionCategoryRules === ACTION_RULES_VERSION && row.actionCategory === classifyActionCategory(row.text).category)).toBe(true);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "action-category.derive" }, orderBy: { id: "desc" } });
    expect(event.changes).toMatchObject({ derived: 252, rules: ACTION_RULES_VERSION });
    const before = await snapshot();
    expect(await fillActionCategories()).toEqual({ derived: 0, rederived: 0, sourced: 0, parts: 0 });
    expect(await snapshot()).toBe(before);
  });

  it("derives again the rows of an older rule version", async () => {
    const [row] = await getDb().recommendation.findMany({ where: { review: { cycle: 2 } }, select: { id: true }, take: 1 });
    await getDb().recommendation.update({ where: { id: row!.id }, data: { actionCategoryRules: "verb-rules/0" } });
    expect(await fillActionCategories()).toEqual({ derived: 0, rederived: 1, sourced: 0, parts: 1 });
    expect((await getDb().recommendation.findUniqueOrThrow({ where: { id: row!.id } })).actionCategoryRules).toBe(ACTION_RULES_VERSION);
  });
});

describe("overrides", () => {
  it("refuses a viewer, an anonymous caller and another site, and changes nothing", async () => {
    const before = await snapshot();
    const body = { category: 3, reason: "asks to study", organizationId: orgId.A };
    expect((await setRoute(request("anonymous", "PUT", body), params(target.id))).status).toBe(401);
    expect((await setRoute(request("viewerA", "PUT", body), params(target.id))).status).toBe(403);
    expect((await setRoute(request("editorB", "PUT", body), params(target.id))).status).toBe(403);
    const crossSite = new Request(`${ORIGIN}/api/recommendations/${target.id}/action-category`, {
      method: "PUT",
      headers: { "content-type": "application/json", origin: "https://evil.example", cookie: cookies.get("editorA")! },
      body: JSON.stringify(body),
    });
    expect((await setRoute(crossSite, params(target.id))).status).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it("refuses bad input with the field named, and writes nothing", async () => {
    const before = await snapshot();
    for (const [body, field] of [
      [{ category: 3 }, "reason"],
      [{ category: 3, reason: "   " }, "reason"],
      [{ category: 7, reason: "x" }, "category"],
      [{ category: "specific", reason: "x" }, "category"],
    ] as const) {
      const response = await setRoute(request("editorA", "PUT", body), params(target.id));
      expect(response.status).toBe(422);
      const answer = (await response.json()) as { issues: { path: string[] }[] };
      expect(answer.issues.map((issue) => issue.path[0])).toContain(field);
    }
    expect((await setRoute(request("editorA", "PUT", { category: 3, reason: "x" }), params(999_999_999))).status).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  it("lets an editor override: the effective value, the explorer filter and the CSV follow, and it is audited", async () => {
    expect(await explorerIds(target.actionCategory)).toContain(target.id);
    const response = await setRoute(request("editorA", "PUT", { category: 3, reason: "It asks the State to study a change, not to make it." }), params(target.id));
    expect(response.status).toBe(200);
    const view = actionCategoryViewSchema.parse(await response.json());
    expect(view).toMatchObject({
      category: 3,
      method: "override",
      original: { category: target.actionCategory, method: "derived", rules: ACTION_RULES_VERSION },
      override: { category: 3, reason: "It asks the State to study a change, not to make it.", organization: { id: orgId.A, name: "Category Org A" } },
    });
    expect(await effective()).toEqual({ actionCategory: 3, actionCategoryMethod: "OVERRIDE", originalActionCategory: target.actionCategory });

    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "action-category.override" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ organizationId: orgId.A, subjectType: "recommendation", subjectId: String(target.id) });
    expect(event.changes).toMatchObject({ actionCategory: [target.actionCategory, 3], method: ["derived", "override"], reason: [null, "It asks the State to study a change, not to make it."] });

    expect(await explorerIds(3)).toContain(target.id);
    expect(await explorerIds(target.actionCategory)).not.toContain(target.id);
    const { rows } = await readCsv(await csvGet(new Request(`${ORIGIN}/api/recommendations.csv?cycle=3&sur=CHN&action=3`)));
    expect(rows.find((row) => row.id === String(target.id))).toMatchObject({ action_category: "3", action_category_method: "override", action_category_rules: "" });
    expect(actionCategoryViewSchema.parse(await (await categoryGet(new Request(`${ORIGIN}/x`), params(target.id))).json()).method).toBe("override");
  });

  it("keeps the override through a re-import and a restart", async () => {
    const before = await snapshot();
    const name = "CHN-cycle3-2018-thematic-list.docx";
    const doc = await parseImportFile(readFileSync(realDataFile(`ohchr/${name}`)), { fileName: name });
    expect(await importParsedDocument(doc)).toMatchObject({ created: 0, updated: 0 });
    expect(await fillActionCategories()).toEqual({ derived: 0, rederived: 0, sourced: 0, parts: 0 });
    expect(await snapshot()).toBe(before);
    expect((await effective()).actionCategory).toBe(3);
  });

  it("refuses an editor of B who would replace A's correction (403, saying whose stands): A's override stays, nothing is audited", async () => {
    const before = await snapshot();
    const override = await getDb().actionCategoryOverride.findUniqueOrThrow({ where: { recommendationId: target.id } });
    for (const body of [
      { category: 1, reason: "B says minimal" },
      { category: 1, reason: "B says minimal", organizationId: orgId.B },
    ]) {
      const response = await setRoute(request("editorB", "PUT", body), params(target.id));
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: "forbidden", message: "Category Org A's correction of this action category stands: only its editors and owners may change or clear it" });
    }
    // And then clear it: refused too (the override is A's, not B's).
    expect((await clearRoute(request("editorB", "DELETE"), params(target.id))).status).toBe(403);
    expect(await getDb().actionCategoryOverride.findUniqueOrThrow({ where: { recommendationId: target.id } })).toEqual(override);
    expect((await effective()).actionCategory).toBe(3);
    expect(await snapshot()).toBe(before);
    // A's own editor may still replace A's correction.
    expect((await setRoute(request("editorA", "PUT", { category: 3, reason: override.reason, organizationId: orgId.A }), params(target.id))).status).toBe(200);
  });

  it("refuses to clear for a viewer, an anonymous caller or another organisation's editor", async () => {
    const before = await snapshot();
    expect((await clearRoute(request("anonymous", "DELETE"), params(target.id))).status).toBe(401);
    expect((await clearRoute(request("viewerA", "DELETE"), params(target.id))).status).toBe(403);
    expect((await clearRoute(request("editorB", "DELETE"), params(target.id))).status).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it("restores the derived value when the editor clears the override, audited", async () => {
    const response = await clearRoute(request("editorA", "DELETE"), params(target.id));
    expect(response.status).toBe(200);
    expect(actionCategoryViewSchema.parse(await response.json())).toMatchObject({ category: target.actionCategory, method: "derived", override: null });
    expect(await effective()).toEqual({ actionCategory: target.actionCategory, actionCategoryMethod: "DERIVED", originalActionCategory: target.actionCategory });
    expect(await getDb().actionCategoryOverride.count()).toBe(0);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "action-category.clear" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ organizationId: orgId.A, subjectId: String(target.id) });
    expect(event.changes).toMatchObject({ actionCategory: [3, target.actionCategory], method: ["override", "derived"] });
    expect(await explorerIds(target.actionCategory)).toContain(target.id);
    // Nothing left to clear.
    expect((await clearRoute(request("editorA", "DELETE"), params(target.id))).status).toBe(404);
  });
});

