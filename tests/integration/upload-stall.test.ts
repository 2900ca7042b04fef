import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as meRoute } from "@/app/api/me/route";
import { POST as importRoute } from "@/app/api/status-sheet/route";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { getViewer } from "@/lib/server/permissions";
import { previewStatusSheetForViewer } from "@/lib/server/status-sheet/forms";
import { HOSTILE_SHEETS } from "../helpers/hostile-sheets";
import { steadyLongestStall } from "../helpers/event-loop-delay";
import { ORIGIN, PASSWORD, signIn } from "../helpers/status-sheet";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * No upload can stall the server: the sheets an editor could send to freeze it (0.5 MB of blank lines took 8 s, 5 MB
 * of them 80 s and 2.4 GB) go through the real upload path (the route handler with a real session, and the page's
 * form step) while unrelated requests are answered. The event loop is never held longer than 200 ms, counted in CPU
 * time (tests/helpers/event-loop-delay.ts), so an unrelated request waits less than that on a machine of its own,
 * and the test neither flakes on a busy machine nor passes a real stall. Each sheet is refused with a message naming
 * the limit, and writes nothing.
 */

const OPERATOR = { kind: "operator" } as const;
/** The contract: an unrelated request answers within this while an upload is read. */
const UNRELATED_MS = 200;

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let review: number;
let cookie: string;

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createSeededTestDatabase();
  review = (await getDb().review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 3 } })).id;
  await createOrganization(OPERATOR, "Watch Stall");
  await addUser(OPERATOR, { email: "editor-stall@example.org", password: PASSWORD, name: "Editor", organization: { name: "Watch Stall", role: "editor" } });
  cookie = await signIn("editor-stall@example.org", "10.9.0.1");
}, 120_000);
afterAll(async () => {
  await database.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Anonymous GET /api/me every 10 ms until `done`; each timed from when it was due, so a held event loop counts. */
async function unrelatedRequests(done: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (!done()) {
    const due = performance.now() + 10;
    await sleep(10);
    const response = await meRoute(new Request(`${ORIGIN}/api/me`));
    latencies.push(performance.now() - due);
    expect(response.status).toBe(401);
  }
  return latencies;
}

/** What a refused import must leave as it was. */
async function writes(): Promise<string> {
  const db = getDb();
  const counts = await Promise.all([db.assessment.count(), db.auditEvent.count(), db.recommendation.count()]);
  return counts.join(",");
}

/** `work` while unrelated requests are answered; the longest stall, and how many unrelated requests were answered. */
async function whileTimed<T>(work: () => Promise<T>): Promise<{ result: T; stallCpuMs: number; answered: number }> {
  let answered = 0;
  const run = await steadyLongestStall(async () => {
    let finished = false;
    const timing = unrelatedRequests(() => finished);
    const result = await work().finally(() => (finished = true));
    answered = (await timing).length;
    return result;
  }, UNRELATED_MS / 2);
  return { ...run, answered };
}

describe.each(Object.keys(HOSTILE_SHEETS))("an upload of %s", (name) => {
  it("is refused, or changes nothing, through POST /api/status-sheet while an unrelated request answers within 200 ms", async () => {
    const sheet = HOSTILE_SHEETS[name]!();
    const before = await writes();
    // The raw body in both modes, and the multipart field `file` a browser form sends.
    const multipart = new FormData();
    multipart.set("file", new File([sheet], "hostile.csv", { type: "text/csv" }));
    for (const [mode, sent] of [["preview", sheet], ["apply", sheet], ["preview", multipart]] as const) {
      const { result, stallCpuMs, answered } = await whileTimed(() =>
        importRoute(
          new Request(`${ORIGIN}/api/status-sheet?review=${review}&mode=${mode}`, {
            method: "POST",
            headers: { origin: ORIGIN, cookie, ...(typeof sent === "string" ? { "content-type": "text/csv" } : {}) },
            body: sent,
          }),
        ),
      );
      expect(stallCpuMs).toBeLessThan(UNRELATED_MS);
      expect(answered).toBeGreaterThan(0);
      const body = (await result.json()) as { error?: string; errors: { code: string; message: string; row?: number }[]; changes: unknown[] };
      if (result.status === 200) {
        // Blank lines under the limit are a sheet of no rows: nothing to change.
        expect(body).toMatchObject({ errors: [], changes: [] });
        continue;
      }
      expect(result.status).toBe(422);
      expect(body.error).toBe("invalid_sheet");
      expect(body.errors.length).toBeGreaterThan(0);
      expect(body.errors[0]!.message).toMatch(/^the (file|header row) /);
    }
    expect(await writes()).toBe(before);
  });

  it("is refused by the page's preview step, naming the file, while an unrelated request answers within 200 ms", async () => {
    const viewer = await getViewer(new Request(ORIGIN, { headers: { cookie } }));
    const form = new FormData();
    form.set("review", String(review));
    form.set("file", new File([HOSTILE_SHEETS[name]!()], "hostile.csv", { type: "text/csv" }));
    const before = await writes();
    const { result, stallCpuMs, answered } = await whileTimed(() => previewStatusSheetForViewer(viewer, { kind: "idle" } as never, form));
    expect(stallCpuMs).toBeLessThan(UNRELATED_MS);
    expect(answered).toBeGreaterThan(0);
    // A file problem names the file; a sheet that parses but is refused row by row is a preview with its errors.
    if (result.kind === "error") expect(result.message).toMatch(/^hostile\.csv: /);
    else expect(result).toMatchObject({ kind: "preview", fileName: "hostile.csv", sheet: null });
    expect(await writes()).toBe(before);
  });
});
