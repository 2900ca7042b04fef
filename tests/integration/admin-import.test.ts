import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/admin/import/route";
import { GET as getOpenApi } from "@/app/api/openapi.json/route";
import { parseImportFile } from "@/lib/import";
import type { ImportEvent } from "@/lib/import/plan";
import { adminImportQuerySchema } from "@/lib/schemas/admin-import";
import { reviewFactsFileSchema } from "@/lib/schemas/review";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { syncCountries } from "@/lib/server/countries";
import { getDb } from "@/lib/server/db";
import { runImportJob, runningImportJobs } from "@/lib/server/import-jobs";
import { getViewerByEmail } from "@/lib/server/permissions";
import { upsertReviewFacts } from "@/lib/server/reviews";
import { realDataFile } from "../helpers/data-files";
import { lockWaiters } from "../helpers/held-assessment";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { createTestDatabase } from "../helpers/test-database";

/**
 * The browser import over HTTP on real PostgreSQL, with real sessions and the real child process: who may upload
 * (refused before a byte of the body is read), the limits, the preview and apply of China's 2018 list into its empty
 * review, and a kill -9 of the child while it writes that review, which must leave the review as it was.
 */
const OPERATOR = { kind: "operator" } as const;
const FILE = realDataFile("ohchr/CHN-cycle3-2018-thematic-list.docx");
const BYTES = fs.readFileSync(FILE);

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let reviewId: number;
let adminId: string;
const cookies: Record<string, string> = {};

let privateTmp: string;

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  // Uploads wait in the temporary directory: a private one, so other test files' imports do not show up in it.
  privateTmp = fs.mkdtempSync(path.join(os.tmpdir(), "upr-admin-import-test-"));
  process.env.TMPDIR = privateTmp;
  database = await createTestDatabase();
  // The reviews' facts (2018: 346 reported), none of their recommendations: the 2018 review is empty.
  await syncCountries(getDb());
  const facts = reviewFactsFileSchema.parse(JSON.parse(fs.readFileSync(path.resolve("prisma", "data", "reviews.json"), "utf8")));
  for (const review of facts.reviews) await upsertReviewFacts(getDb(), review);
  reviewId = (await getDb().review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 3 } })).id;
  await createOrganization(OPERATOR, "Import Watch");
  adminId = (await addUser(OPERATOR, { email: "admin@example.org", password: PASSWORD, name: "Admin", admin: true })).userId;
  await addUser(OPERATOR, { email: "owner@example.org", password: PASSWORD, name: "Owner", organization: { name: "Import Watch", role: "owner" } });
  cookies.admin = await signIn("admin@example.org", "10.13.0.1");
  cookies.owner = await signIn("owner@example.org", "10.13.0.2");
}, 120_000);
afterAll(async () => {
  await database.drop();
  fs.rmSync(privateTmp, { recursive: true, force: true });
});

type Upload = { who?: string | null; query?: string; origin?: string; name?: string; headers?: Record<string, string> };

function upload(body: BodyInit, options: Upload = {}): Promise<Response> {
  const headers: Record<string, string> = { origin: options.origin ?? ORIGIN, "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(options.name ?? "CHN-cycle3-2018-thematic-list.docx"), ...options.headers };
  const who = options.who === undefined ? "admin" : options.who;
  if (who) headers.cookie = cookies[who]!;
  const init: RequestInit & { duplex: "half" } = { method: "POST", headers, body, duplex: "half" };
  return importRoute(new Request(`${ORIGIN}/api/admin/import?${options.query ?? "mode=preview"}`, init));
}

/** A body that records whether anything read it: a refusal "before reading the body" leaves it untouched. */
function watchedBody(): { body: ReadableStream<Uint8Array>; read: () => boolean } {
  let pulled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulled = true;
        controller.enqueue(new Uint8Array(BYTES));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { body, read: () => pulled };
}

async function events(response: Response): Promise<ImportEvent[]> {
  expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
  const text = await response.text();
  return text.split("\n").filter(Boolean).map((line) => JSON.parse(line) as ImportEvent);
}

const loaded = (): Promise<number> => getDb().recommendation.count({ where: { reviewId } });
const tempDirs = (): string[] => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith("upr-import-"));

/**
 * Another session's insert of the list's last recommendation, held uncommitted: an import of the list blocks on its
 * key midway through the review's transaction, until `release` rolls it back.
 */
async function holdLastRecommendation(): Promise<{ release: () => Promise<void> }> {
  const doc = await parseImportFile(BYTES, { fileName: "CHN-cycle3-2018-thematic-list.docx" });
  const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await blocker.connect();
  await blocker.query("BEGIN");
  const { rows } = await blocker.query<{ id: number }>(`INSERT INTO "SourceDocument" (format, "fileName", sha256) VALUES ('OHCHR_THEMATIC_LIST', 'blocker', $1) RETURNING id`, [`blocker-${Date.now()}`]);
  await blocker.query(`INSERT INTO "Recommendation" ("reviewId", text, "sourceDocumentId", "sourceKey", ordinal, "updatedAt") VALUES ($1, 'blocker', $2, $3, 0, now())`, [reviewId, rows[0]!.id, doc.recommendations.at(-1)!.sourceKey]);
  return {
    release: async () => {
      await blocker.query("ROLLBACK");
      await blocker.end();
    },
  };
}

describe("who may upload, refused before the body is read", () => {
  it("answers 401 signed out, 403 to a non-admin and to another site's origin", async () => {
    for (const [who, origin, status] of [[null, ORIGIN, 401], ["owner", ORIGIN, 403], ["admin", "https://evil.example", 403]] as const) {
      const watched = watchedBody();
      const response = await upload(watched.body, { who, origin });
      expect(response.status, `${who} from ${origin}`).toBe(status);
      expect(watched.read(), `${who} from ${origin}: body read`).toBe(false);
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("cache-control")).toBe("private, no-store");
    }
  });

  it("answers 400 for bad parameters, 415 for a multipart form", async () => {
    for (const query of ["mode=commit", "mode=preview&state=China", "mode=preview&cycle=0", "mode=preview&replace=yes", "mode=preview&review=3"]) {
      const watched = watchedBody();
      const response = await upload(watched.body, { query });
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe("invalid_parameters");
      expect(watched.read()).toBe(false);
    }
    const form = new FormData();
    form.set("file", new Blob([BYTES]), "list.docx");
    const response = await importRoute(new Request(`${ORIGIN}/api/admin/import?mode=preview`, { method: "POST", headers: { origin: ORIGIN, cookie: cookies.admin! }, body: form }));
    expect(response.status).toBe(415);
  });
});

describe("limits and kinds of file", () => {
  it("answers 413 over 100 MB: by Content-Length unread, and while streaming without reading it all", async () => {
    const declared = watchedBody();
    const response = await upload(declared.body, { headers: { "content-length": String(100 * 1024 * 1024 + 1) } });
    expect(response.status).toBe(413);
    expect(declared.read()).toBe(false);

    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({ pull: (controller) => void (sent++, controller.enqueue(chunk)) }, { highWaterMark: 0 });
    const streamed = await upload(endless, { name: "huge.csv" });
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { message: string }).message).toBe("the file may be at most 100 MB");
    expect(sent).toBeLessThan(110);
  });

  it("answers 422 for a file of the wrong kind, naming it", async () => {
    const cases: [string, Uint8Array<ArrayBuffer> | string, string][] = [
      ["report.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj", "pdf"],
      ["list.docx", "Recommendation,Position\n", "notArchive"],
      ["old.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "legacyOffice"],
      ["notes.txt", "Dear colleagues,\nplease find the list attached.\n", "unknown"],
      ["empty.csv", "", "empty"],
    ];
    for (const [name, body, code] of cases) {
      const response = await upload(typeof body === "string" ? body : new Blob([body]), { name });
      expect(response.status, name).toBe(422);
      expect(await response.json(), name).toMatchObject({ error: "unsupported_file", code });
    }
  });
});

describe("China's 2018 list into its empty review", () => {
  it("previews it: 346 recommendations, 284 supported and 62 noted, all to import; the upload is audited", async () => {
    const all = await events(await upload(new Blob([BYTES])));
    expect(all.some((event) => event.type === "parse")).toBe(true);
    const last = all.at(-1)!;
    if (last.type !== "preview") throw new Error(`expected a preview, got ${JSON.stringify(last).slice(0, 500)}`);
    expect(last.preview).toMatchObject({ format: "ohchr-thematic-list", recommendations: 346, positions: { supported: 284, supportedInPart: 0, noted: 62 }, errors: [] });
    expect(last.preview.reviews).toEqual([expect.objectContaining({ stateUnderReview: "CHN", cycle: 3, found: 346, reported: 346, loaded: 0, action: "import" })]);
    expect(await loaded()).toBe(0);
    const sha256 = createHash("sha256").update(BYTES).digest("hex");
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "import.upload" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorUserId: adminId, subjectId: sha256, changes: expect.objectContaining({ mode: "preview", bytes: BYTES.length, fileName: "CHN-cycle3-2018-thematic-list.docx" }) });
  });

  it("the browser leaving midway (the answer cancelled) kills the child; the review stays as it was", async () => {
    const url = process.env.DATABASE_URL!;
    const before = await loaded();
    const blocker = await holdLastRecommendation();
    try {
      const response = await upload(new Blob([BYTES]), { query: "mode=apply" });
      expect(await lockWaiters(url, (count) => count > 0, 60_000)).toBeGreaterThan(0);
      const [job] = runningImportJobs();
      await response.body!.cancel();
      await expect.poll(() => runningImportJobs(), { timeout: 10_000 }).toEqual([]);
      expect(() => process.kill(job!.pid!, 0)).toThrow();
      await expect.poll(tempDirs).toEqual([]);
    } finally {
      await blocker.release();
    }
    expect(await loaded()).toBe(before);
  });

  it("kill -9 of the child while it writes the review leaves the review as it was; the same import again loads it all", async () => {
    const url = process.env.DATABASE_URL!;
    const before = await loaded();

    const blocker = await holdLastRecommendation();
    try {
      const response = await upload(new Blob([BYTES]), { query: "mode=apply" });
      expect(response.status).toBe(200);
      const reading = events(response);
      expect(await lockWaiters(url, (count) => count > 0, 60_000)).toBeGreaterThan(0);
      const [job] = runningImportJobs();
      expect(job).toMatchObject({ mode: "apply", userId: adminId, fileName: "CHN-cycle3-2018-thematic-list.docx" });
      // The upload waits in a private file while the child reads it.
      const [dir] = tempDirs();
      expect(fs.statSync(path.join(os.tmpdir(), dir!, "upload")).mode & 0o777).toBe(0o600);

      process.kill(job!.pid!, "SIGKILL");
      const all = await reading;
      const last = all.at(-1)!;
      expect(last.type).toBe("error");
      expect(last.type === "error" && last.message).toMatch(/stopped unexpectedly \(signal SIGKILL\)/);
      expect(all.some((event) => event.type === "result")).toBe(false);
    } finally {
      await blocker.release();
    }
    expect(await loaded()).toBe(before);
    expect(runningImportJobs()).toEqual([]);
    await expect.poll(tempDirs).toEqual([]);

    const again = await events(await upload(new Blob([BYTES]), { query: "mode=apply" }));
    const last = again.at(-1)!;
    if (last.type !== "result") throw new Error(`expected a result, got ${JSON.stringify(last).slice(0, 500)}`);
    expect(last.result.recommendations).toBe(346);
    expect(again.some((event) => event.type === "review" && event.phase === "done" && event.stateUnderReview === "CHN" && event.cycle === 3)).toBe(true);
    expect(await loaded()).toBe(346);
    const imported = await getDb().auditEvent.findFirstOrThrow({ where: { action: "import" }, orderBy: { id: "desc" } });
    expect(imported.actorUserId).toBe(adminId);
  });
});

describe("the time limit", () => {
  it("stops an import that runs too long, says so, and removes the upload (and one a killed server left behind)", async () => {
    const stale = path.join(os.tmpdir(), "upr-import-left-by-a-killed-server");
    fs.mkdirSync(stale);
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(stale, hourAgo, hourAgo);
    const request = new Request(`${ORIGIN}/api/admin/import?mode=preview`, { method: "POST", headers: { "x-file-name": "list.docx" }, body: new Blob([BYTES]) });
    const stream = await runImportJob(await getViewerByEmail("admin@example.org"), request, { query: adminImportQuerySchema.parse({ mode: "preview" }), timeoutMs: 200 });
    const lines = (await new Response(stream).text()).split("\n").filter(Boolean).map((line) => JSON.parse(line) as ImportEvent);
    expect(lines.at(-1)).toEqual({ type: "error", message: expect.stringMatching(/^The import took longer than .* and was stopped\. Nothing was written\.$/) });
    await expect.poll(tempDirs).toEqual([]);
    expect(runningImportJobs()).toEqual([]);
  });
});

describe("the OpenAPI description", () => {
  it("describes the route with its parameters, every answer, the raw body and the event stream", async () => {
    type Operation = { parameters: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, unknown> }>; requestBody: { content: Record<string, unknown> } };
    const doc = (await getOpenApi().json()) as { paths: Record<string, { post: Operation }>; components: { schemas: Record<string, { oneOf?: unknown[] }> } };
    const post = doc.paths["/api/admin/import"]!.post;
    expect(post.parameters.filter((p) => p.in === "query").map((p) => p.name).sort()).toEqual(Object.keys(adminImportQuerySchema.shape).sort());
    expect(post.parameters).toContainEqual(expect.objectContaining({ name: "x-file-name", in: "header" }));
    expect(Object.keys(post.responses).sort()).toEqual(["200", "400", "401", "403", "413", "415", "422", "429", "500"]);
    expect(Object.keys(post.requestBody.content)).toEqual(["application/octet-stream"]);
    expect(post.responses["200"]!.content).toHaveProperty("application/x-ndjson");
    expect(doc.components.schemas.ImportEvent!.oneOf).toHaveLength(5);
  });
});
