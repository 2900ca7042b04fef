import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getOne } from "@/app/api/recommendations/[id]/route";
import { GET as getOpenApi } from "@/app/api/openapi.json/route";
import { GET as list } from "@/app/api/recommendations/route";
import { GET as exportCsv } from "@/app/api/recommendations.csv/route";
import { GET as stats } from "@/app/api/stats/route";
import { ORG_ROLES } from "@/lib/auth/roles";
import { ASSESSMENT_STATUSES, assessmentInputSchema, CONFIDENCES, EVIDENCE_KINDS, EVIDENCE_STANCES, VISIBILITIES } from "@/lib/schemas/assessment";
import { createNoteSchema, noteVisibilitySchema, updateNoteSchema } from "@/lib/schemas/note";
import { recommendationItemSchema, recommendationListSchema, type RecommendationItem, type RecommendationList } from "@/lib/schemas/recommendation-api";
import { apiSearchSchema, MAX_PAGE_SIZE } from "@/lib/search-params";
import { importParsedDocument } from "@/lib/server/imports";
import { formulaFixture, FORMULA_TEXT, hostileSearches, readCsv } from "../helpers/api-fixtures";
import { createSeededTestDatabase } from "../helpers/test-database";

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
beforeAll(async () => {
  database = await createSeededTestDatabase();
  // 1,250 rows for France (cycle 4), more than one export batch, the first starting with "=cmd".
  await importParsedDocument(formulaFixture(1_250));
});
afterAll(async () => {
  await database.drop();
});

async function getList(search: string): Promise<RecommendationList> {
  const response = await list(new Request(`http://localhost/api/recommendations?${search}`));
  expect(response.status, search).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return recommendationListSchema.parse(await response.json());
}

/** Every page of a filter, for assertions over the whole set. */
async function getAll(search: string): Promise<RecommendationItem[]> {
  const items: RecommendationItem[] = [];
  for (let page = 1; ; page++) {
    const body = await getList(`${search}&pageSize=${MAX_PAGE_SIZE}&page=${page}`);
    items.push(...body.items);
    if (items.length >= body.total) return items;
  }
}

const ITEM_KEYS = ["actionCategories", "actionCategory", "actionCategoryMethod", "actionCategoryRules", "cycle", "id", "paragraph", "parts", "position", "recommendingStates", "responseWording", "reviewId", "source", "stateUnderReview", "text", "textLanguage", "themes", "unknownRecommendingStates"];

describe("GET /api/recommendations on the real China data", () => {
  it("position=noted&cycle=3 gives 62, in the public shape", async () => {
    const body = await getList("position=noted&cycle=3");
    expect(body).toMatchObject({ total: 62, page: 1, pageSize: 25 });
    expect(body.items).toHaveLength(25);
    const [item] = body.items;
    expect(Object.keys(item!).sort()).toEqual(ITEM_KEYS);
    expect(item).toMatchObject({ cycle: 3, position: "noted", textLanguage: "en", stateUnderReview: { iso3: "CHN", name: "China" } });
    expect(item!.source).toMatchObject({ reportSymbol: "A/HRC/40/6", addendumSymbol: "A/HRC/40/6/Add.1" });
    expect(item!.themes[0]).toEqual({ id: expect.stringMatching(/^uhri:/), scheme: "uhri", code: expect.any(String), name: expect.any(String) });
  });

  it("state=GBR&cycle=3 gives paragraphs 28.5, 28.19 and 28.22", async () => {
    const body = await getList("state=GBR&cycle=3");
    expect(body.total).toBe(3);
    expect(body.items.map((item) => item.paragraph)).toEqual(["28.5", "28.19", "28.22"]);
    for (const item of body.items) expect(item.recommendingStates).toContainEqual({ iso3: "GBR", name: expect.any(String), region: "weog" });
  });

  it("takes comma lists and repeated keys alike", async () => {
    const [two, three, comma, repeated] = await Promise.all(["cycle=2", "cycle=3", "cycle=2,3", "cycle=2&cycle=3"].map(getList));
    expect(three!.total).toBe(346);
    expect(comma!.total).toBe(two!.total + three!.total);
    expect(repeated!.total).toBe(comma!.total);
    expect((await getList("cycle=3&position=noted,supported")).total).toBe(346);
    expect((await getList("cycle=3&state=gbr&state=FRA")).total).toBeGreaterThan(3);
  });

  it('finds a quoted phrase only where the words stand together: q="death penalty"', async () => {
    const phrase = await getAll(`q=${encodeURIComponent('"death penalty"')}`);
    expect(phrase.length).toBeGreaterThan(5);
    // Its spelling variant "capital punishment" is searched too (lib/search/variants.ts), unless variants=off.
    for (const item of phrase) expect(item.text).toMatch(/death penalt|capital punishment/i);
    const exact = await getAll(`q=${encodeURIComponent('"death penalty"')}&variants=off`);
    for (const item of exact) expect(item.text).toMatch(/death penalt/i);
    expect(exact.length).toBeLessThan(phrase.length);
    const words = await getList(`q=${encodeURIComponent("death penalty")}`);
    expect(words.total).toBeGreaterThanOrEqual(phrase.length);
  });

  it("excludes a -word", async () => {
    const all = await getAll(`q=${encodeURIComponent('"death penalty"')}`);
    const without = await getAll(`q=${encodeURIComponent('"death penalty" -abolish')}`);
    expect(all.some((item) => /abolish/i.test(item.text))).toBe(true);
    expect(without.length).toBeGreaterThan(0);
    expect(without.length).toBeLessThan(all.length);
    for (const item of without) expect(item.text).not.toMatch(/\babolish/i);
  });

  it.each(hostileSearches())("answers 400 with the issues, never 500: %s", async (_label, search) => {
    for (const handler of [list, exportCsv]) {
      const response = await handler(new Request(`http://localhost/api/recommendations?${search}`));
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body).toMatchObject({ error: "invalid_parameters", issues: [expect.objectContaining({ message: expect.any(String) })] });
    }
  });
});

describe("query parameters named after Object.prototype members", () => {
  // `(raw[key] ??= []).push` on a plain object read Object.prototype's `constructor` and crashed these routes with 500.
  it.each(["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__"])("are a 400 naming %s on the list, the CSV and the stats", async (name) => {
    const routes = [
      () => list(new Request(`http://localhost/api/recommendations?${name}=x`)),
      () => exportCsv(new Request(`http://localhost/api/recommendations.csv?${name}=x&${name}=y`)),
      () => stats(new Request(`http://localhost/api/stats?by=position&${name}=`)),
    ];
    for (const call of routes) {
      const response = await call();
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "invalid_parameters", issues: [expect.objectContaining({ code: "unrecognized_keys", keys: [name], message: `unknown parameter "${name}"` })] });
    }
  });
});

describe("GET /api/recommendations/{id}", () => {
  const get = (id: string): Promise<Response> => getOne(new Request(`http://localhost/api/recommendations/${id}`), { params: Promise.resolve({ id }) });

  it("returns one recommendation in the same shape as the list", async () => {
    const [listed] = (await getList("state=GBR&cycle=3")).items;
    const response = await get(String(listed!.id));
    expect(response.status).toBe(200);
    expect(recommendationItemSchema.parse(await response.json())).toEqual(listed);
  });

  it("answers 404 for an id that does not exist", async () => {
    const response = await get("2147483647");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found" });
  });

  it.each(["abc", "1.5", "-1", "0", "1e3", "99999999999", "1;DROP"])("answers 400 for the id %j", async (id) => {
    const response = await get(id);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_parameters", issues: [{ path: ["id"] }] });
  });
});

describe("GET /api/recommendations.csv", () => {
  it.each(["", "position=noted&cycle=3", "state=GBR&cycle=3", `q=${encodeURIComponent('"death penalty"')}`, "cycle=2,3&region=weog", "sur=FRA", "cycle=3&page=3&pageSize=10&sort=paragraph"])(
    "has exactly `total` data rows, the same as the JSON API: %j",
    async (search) => {
      const { total } = await getList(search);
      const csv = await readCsv(await exportCsv(new Request(`http://localhost/api/recommendations.csv?${search}`)));
      expect(csv.rows).toHaveLength(total);
      expect(new Set(csv.rows.map((row) => row.id)).size).toBe(total);
    },
  );

  it("starts with a BOM and one header row, and says the filter and date in headers", async () => {
    const response = await exportCsv(new Request("http://localhost/api/recommendations.csv?position=noted&cycle=3&state=gbr"));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("x-export-filter")).toBe("cycle=3&state=GBR&position=noted");
    expect(Date.parse(response.headers.get("x-export-date") ?? "")).not.toBeNaN();
    // Named for people (filters by their names, never their slugs), with the ASCII name for older clients.
    const disposition = response.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="upr-recommendations-cycle-3-state-gbr-position-noted-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(
      /^UPR recommendations – Cycle 2018 \(3rd cycle\); Position Noted; Recommended by United Kingdom of Great Britain and Northern Ireland – \d{4}-\d{2}-\d{2}\.csv$/,
    );
    const zh = await exportCsv(new Request("http://localhost/api/recommendations.csv?position=noted&cycle=3&state=gbr&headers=zh"));
    expect(decodeURIComponent((zh.headers.get("content-disposition") ?? "").split("UTF-8''")[1]!)).toMatch(/^UPR 建议 – .*英国.* – \d{4}-\d{2}-\d{2}\.csv$/);
    await zh.body?.cancel();
    const csv = await readCsv(response);
    expect(csv.bom).toBe(true);
    expect(csv.rows.map((row) => row.paragraph).sort()).toEqual(["28.19", "28.22", "28.5"]);
    expect(csv.rows[0]).toMatchObject({ state_under_review: "CHN", cycle: "3", review_report: "A/HRC/40/6", position: "noted", text_language: "en" });
  });

  it("neutralises a cell that starts with =", async () => {
    const { rows } = await readCsv(await exportCsv(new Request("http://localhost/api/recommendations.csv?sur=FRA")));
    const formula = rows.find((row) => row.text.includes("cmd|"));
    expect(formula?.text).toBe(`'${FORMULA_TEXT}`);
    expect(rows.every((row) => !/^[=+\-@\t\r]/.test(row.text))).toBe(true);
  });
});

const METHODS = ["get", "post", "patch", "delete"] as const;
type Method = (typeof METHODS)[number];
type Parameter = { name: string; in: string };
type Operation = {
  operationId: string;
  parameters?: Parameter[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, unknown>;
};
type PathItem = Partial<Record<Method, Operation>> & { parameters?: Parameter[] };
type OpenApiDocument = {
  openapi: string;
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, JsonObject>; securitySchemes: Record<string, JsonObject> };
};
type JsonObject = { properties?: Record<string, JsonObject>; enum?: unknown[]; items?: JsonObject; required?: string[]; additionalProperties?: unknown; $ref?: string; [key: string]: unknown };

async function openApiDocument(): Promise<OpenApiDocument> {
  const response = getOpenApi();
  return JSON.parse(await response.text()) as OpenApiDocument;
}

describe("GET /api/openapi.json", () => {
  it("describes the read endpoints and every parameter of the strict schema", async () => {
    const doc = await openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/recommendations", "/api/recommendations/{id}", "/api/recommendations.csv"]));
    const strictKeys = Object.keys(apiSearchSchema.in.shape).sort();
    // The CSV export adds its own `headers=` option (the language of the header row).
    for (const [path, own] of [["/api/recommendations", []], ["/api/recommendations.csv", ["headers"]]] as const) {
      const names = doc.paths[path]!.get!.parameters!.map((parameter) => parameter.name);
      expect(names.sort()).toEqual([...strictKeys, ...own].sort());
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((match) => match[1]!);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref);
    expect(doc.components.schemas.Recommendation!.properties!.textLanguage).toMatchObject({ type: "string" });
    expect(doc.components.schemas.Recommendation!.properties!.position!.anyOf).toContainEqual(expect.objectContaining({ enum: ["supported", "supported-in-part", "noted"] }));
  });

  it("describes sign-in, /api/me, assessments and notes with the session cookie and every answer the handlers give", async () => {
    const doc = await openApiDocument();
    const answers = (path: string, method: Method): string[] => Object.keys(doc.paths[path]?.[method]?.responses ?? {}).sort();
    expect(answers("/api/auth/sign-in/email", "post")).toEqual(["200", "400", "401", "403", "429"]);
    expect(answers("/api/me", "get")).toEqual(["200", "401", "500"]);
    expect(answers("/api/recommendations/{id}/assessments", "get")).toEqual(["200", "400", "404", "500"]);
    expect(answers("/api/recommendations/{id}/assessments", "post")).toEqual(["201", "400", "401", "403", "404", "409", "422", "500"]);
    expect(answers("/api/recommendations/{id}/notes", "get")).toEqual(["200", "400", "500"]);
    expect(answers("/api/recommendations/{id}/notes", "post")).toEqual(["201", "400", "401", "403", "404", "422", "500"]);
    expect(answers("/api/notes/{id}", "patch")).toEqual(["200", "401", "403", "404", "422", "500"]);
    expect(answers("/api/notes/{id}", "delete")).toEqual(["204", "401", "403", "404", "500"]);

    // The cookie scheme: writes and /api/me need it, reads of assessments and notes take it optionally, sign-in none.
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie", name: "better-auth.session_token" });
    const session = [{ sessionCookie: [] }];
    for (const [path, method] of [["/api/me", "get"], ["/api/recommendations/{id}/assessments", "post"], ["/api/recommendations/{id}/notes", "post"], ["/api/notes/{id}", "patch"], ["/api/notes/{id}", "delete"]] as const) {
      expect(doc.paths[path]![method]!.security, `${method} ${path}`).toEqual(session);
    }
    expect(doc.paths["/api/recommendations/{id}/notes"]!.get!.security).toEqual([{}, ...session]);
    expect(doc.paths["/api/auth/sign-in/email"]!.post!.security).toEqual([]);

    // Every operation has its own id, and every path template's parameter is declared.
    const operationIds = Object.values(doc.paths).flatMap((item) => METHODS.flatMap((method) => (item[method] ? [item[method]!.operationId] : [])));
    expect(new Set(operationIds).size).toBe(operationIds.length);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const name of path.match(/(?<=\{)\w+(?=\})/g) ?? []) {
        const declared = [...(item.parameters ?? []), ...METHODS.flatMap((method) => item[method]?.parameters ?? [])];
        expect(declared.some((parameter) => parameter.name === name && parameter.in === "path"), `${name} of ${path}`).toBe(true);
      }
    }
  });

  it("takes the request bodies from the zod schemas the handlers parse, with the same enums", async () => {
    const doc = await openApiDocument();
    const schemas = doc.components.schemas;
    const body = (path: string, method: Method) => doc.paths[path]![method]!.requestBody!.content["application/json"]!.schema;
    expect(body("/api/recommendations/{id}/assessments", "post")).toEqual({ $ref: "#/components/schemas/AssessmentInput" });
    expect(body("/api/recommendations/{id}/notes", "post")).toEqual({ $ref: "#/components/schemas/NoteInput" });
    expect(body("/api/notes/{id}", "patch")).toEqual({ $ref: "#/components/schemas/NotePatch" });
    expect(body("/api/auth/sign-in/email", "post")).toEqual({ $ref: "#/components/schemas/SignInRequest" });

    const assessment = schemas.AssessmentInput!;
    expect(Object.keys(assessment.properties!).sort()).toEqual(Object.keys(assessmentInputSchema.shape).sort());
    expect(assessment.properties!.status!.enum).toEqual([...ASSESSMENT_STATUSES]);
    expect(assessment.properties!.confidence!.enum).toEqual([...CONFIDENCES]);
    expect(assessment.properties!.visibility!.enum).toEqual([...VISIBILITIES]);
    // Fields with a default may be left out by callers.
    expect(assessment.required!.sort()).toEqual(["assessedOn", "confidence", "rationale", "status"]);
    expect(assessment.properties!.evidence!.items).toEqual({ $ref: "#/components/schemas/EvidenceInput" });
    expect(schemas.EvidenceInput!.properties!.kind!.enum).toEqual([...EVIDENCE_KINDS]);
    expect(schemas.EvidenceInput!.properties!.stance!.enum).toEqual([...EVIDENCE_STANCES]);

    expect(Object.keys(schemas.NoteInput!.properties!).sort()).toEqual(Object.keys(createNoteSchema.shape).sort());
    expect(schemas.NoteInput!.properties!.visibility!.enum).toEqual(noteVisibilitySchema.options);
    expect(schemas.NoteInput!.required).toEqual(["body"]);
    expect(Object.keys(schemas.NotePatch!.properties!).sort()).toEqual(Object.keys(updateNoteSchema.shape).sort());
    expect(schemas.NotePatch!.additionalProperties).toBe(false);
    expect(schemas.NotePatch!.required).toBeUndefined();

    // And the answers use the same words.
    expect(schemas.Assessment!.properties!.status!.enum).toEqual([...ASSESSMENT_STATUSES]);
    expect(schemas.Note!.properties!.visibility!.enum).toEqual(noteVisibilitySchema.options);
    expect(schemas.Me!.properties!.organizations!.items!.properties!.role!.enum).toEqual([...ORG_ROLES]);
  });
});
