import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { exportStatusSheet } from "@/lib/server/status-sheet";
import { runCli } from "../helpers/run-cli-in-process";
import { PASSWORD, readSheet, writeSheet } from "../helpers/status-sheet";
import { holdAssessmentVersion, lockWaiters } from "../helpers/held-assessment";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * `npm run upr -- status export|import` as an operator runs it, and the all-or-nothing promise under a kill -9: the
 * import of all 346 rows of the 2018 review is killed while its transaction is open, and the database must then hold
 * none of its rows (or, had it committed, all of them), never some.
 */
const OPERATOR = { kind: "operator" } as const;
const ORG = "Kestrel Watch";

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let dir: string;
let reviewId: number;
let organizationId: string;
let env: Record<string, string>;
let allChanged: string;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  reviewId = (await getDb().review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 3 } })).id;
  organizationId = (await createOrganization(OPERATOR, ORG)).id;
  await addUser(OPERATOR, { email: "kite@example.org", password: PASSWORD, name: "Red Kite", organization: { name: ORG, role: "editor" } });
  await addUser(OPERATOR, { email: "wren@example.org", password: PASSWORD, name: "Wren", organization: { name: ORG, role: "viewer" } });
  env = { DATABASE_URL: database.url, BETTER_AUTH_SECRET: "cli-tests-secret-cli-tests-secret-cli-tests" };
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "upr-status-sheet-"));

  // Every one of the 346 rows gets a new status.
  const sheet = readSheet((await exportStatusSheet(OPERATOR, { reviewId, organization: ORG })).csv);
  expect(sheet.rows).toHaveLength(346);
  allChanged = path.join(dir, "all-changed.csv");
  await fs.writeFile(allChanged, writeSheet(sheet.rows.map((row) => ({ ...row, status: "not_implemented", rationale: `Checked ${row.paragraph}` }))));
}, 120_000);
afterAll(async () => {
  await database.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

function countWritten(): Promise<[number, number, number]> {
  return Promise.all([
    getDb().assessment.count({ where: { organizationId } }),
    getDb().auditEvent.count({ where: { organizationId, action: "assessment.create" } }),
    getDb().auditEvent.count({ where: { organizationId, action: "status-sheet.import" } }),
  ]);
}

describe("npm run upr -- status export / import", () => {
  it("exports the sheet, checks an edited one row by row (exit 1), refuses usage mistakes (exit 2) and a viewer (exit 1)", async () => {
    const file = path.join(dir, "export.csv");
    const exported = await runCli(["status", "export", "--org", ORG, "--review", String(reviewId), "-o", file], env);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain(`346 rows of China, 2018 (3rd cycle) for ${ORG} written to ${file}`);
    const sheet = readSheet(await fs.readFile(file));
    expect(sheet.rows).toHaveLength(346);

    const bad = path.join(dir, "bad.csv");
    await fs.writeFile(bad, writeSheet(sheet.rows.map((row, i) => (i === 3 ? { ...row, status: "half done" } : i === 7 ? { ...row, paragraph: "28.999", recommendation_id: "" } : row))));
    const rejected = await runCli(["status", "import", bad, "--org", ORG, "--review", String(reviewId), "--as", "kite@example.org"], env);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('bad.csv: row 5, status: "half done" is not one of not_assessed,');
    expect(rejected.stderr).toContain("bad.csv: row 9, paragraph: 28.999 is not in this review");
    expect(rejected.stderr).toContain("bad.csv: 2 problem(s); nothing was imported.");
    expect(rejected.stderr).not.toMatch(/\n\s+at /);

    const noAuthor = await runCli(["status", "import", allChanged, "--org", ORG, "--review", String(reviewId)], env);
    expect(noAuthor.code).toBe(2);
    expect(noAuthor.stderr).toContain("add --as <email> (or --dry-run)");
    expect((await runCli(["status", "export", "--org", ORG, "--review", "abc"], env)).code).toBe(2);
    const viewer = await runCli(["status", "import", allChanged, "--org", ORG, "--review", String(reviewId), "--as", "wren@example.org"], env);
    expect(viewer.code).toBe(1);
    expect(viewer.stderr.trim()).toBe(`upr: wren@example.org is not an editor or owner of "${ORG}"`);

    const dryRun = await runCli(["status", "import", allChanged, "--org", ORG, "--review", String(reviewId), "--dry-run"], env);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain("346 to record, 0 unchanged");
    expect(dryRun.stdout).toContain("Dry run: nothing was written.");
    expect(await countWritten()).toEqual([0, 0, 0]);
  }, 240_000);
});

describe("kill -9 during an import", () => {
  it("leaves none of the 346 rows when the process is killed inside its transaction, and all of them when it is not", async () => {
    // Hold the key of the LAST row's new version in an open transaction of our own, so the import blocks in its last
    // batch: by then it has written every earlier batch inside its transaction, and it cannot commit before the kill.
    const last = await getDb().recommendation.findFirstOrThrow({ where: { reviewId }, orderBy: [{ ordinal: "desc" }, { id: "desc" }], select: { id: true } });
    const author = await getDb().user.findUniqueOrThrow({ where: { email: "kite@example.org" }, select: { id: true } });
    const blocker = await holdAssessmentVersion(database.url, { recommendationId: last.id, organizationId, authorUserId: author.id, version: 1, rationale: "blocker" });

    // One process (node with tsx as a loader, not the tsx wrapper, whose child would outlive a kill of the wrapper).
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/upr.ts", "status", "import", allChanged, "--org", ORG, "--review", String(reviewId), "--as", "kite@example.org"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
    const firstProgress = new Promise<void>((resolve, reject) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/Recording assessments: \d+\/346/.test(stderr)) resolve();
      });
      void exited.then(() => reject(new Error(`the import ended before any progress:\n${stdout}\n${stderr}`)));
    });
    try {
      await firstProgress;
      // Wait until its transaction is stuck on our key (a backend of this database waiting for a lock).
      expect(await lockWaiters(database.url, (count) => count > 0)).toBe(1);

      child.kill("SIGKILL");
      const { code, signal } = await exited;
      // Killed, not finished: no exit code, and it never said it had recorded anything.
      expect(signal).toBe("SIGKILL");
      expect(code).toBeNull();
      expect(stderr).toMatch(/Recording assessments: 300\/346/);
      expect(stdout).not.toContain("Recorded");
    } finally {
      child.kill("SIGKILL");
      await blocker.rollback();
    }

    // Once PostgreSQL has ended the dead client's backend, none of its writes remain.
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    const openTransactions = async () =>
      Number((await other.query(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`)).rows[0].count);
    for (let i = 0; i < 200 && (await openTransactions()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    await other.end();
    const afterKill = await countWritten();
    expect([[0, 0, 0], [346, 346, 1]]).toContainEqual(afterKill);
    expect(afterKill).toEqual([0, 0, 0]);

    // The same import, left to finish: all 346 rows, each with its audit event, and the import's own event.
    const finished = await runCli(["status", "import", allChanged, "--org", ORG, "--review", String(reviewId), "--as", "kite@example.org"], env);
    expect(finished.stderr).toContain("Recording assessments: 346/346");
    expect(finished.stdout).toContain("Recorded 346 new assessment version(s) as Red Kite <kite@example.org>.");
    expect(finished.code).toBe(0);
    expect(await countWritten()).toEqual([346, 346, 1]);
  }, 240_000);
});

describe("a save racing the import", () => {
  it("turns a version saved between the import's check and its write into a conflict, and writes none of the rows", async () => {
    // After the previous test every row is at version 1. Change them all again from a fresh export.
    const sheet = readSheet((await exportStatusSheet(OPERATOR, { reviewId, organization: ORG })).csv);
    expect(sheet.rows.every((row) => row.version === "1")).toBe(true);
    const file = path.join(dir, "all-changed-again.csv");
    await fs.writeFile(file, writeSheet(sheet.rows.map((row) => ({ ...row, status: "fully_implemented" }))));
    const before = await countWritten();

    // Another editor's save of the last row's version 2, not yet committed while the import checks and writes.
    const last = sheet.rows.at(-1)!;
    const author = await getDb().user.findUniqueOrThrow({ where: { email: "kite@example.org" }, select: { id: true } });
    const other = await holdAssessmentVersion(database.url, { recommendationId: Number(last.recommendation_id), organizationId, authorUserId: author.id, version: 2, rationale: "saved meanwhile" });
    const run = runCli(["status", "import", file, "--org", ORG, "--review", String(reviewId), "--as", "kite@example.org"], env);
    // Commit it once the import waits for it (its last batch needs the same key).
    await lockWaiters(database.url, (count) => count > 0, 30_000);
    await other.commit();

    const result = await run;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`all-changed-again.csv: row 347: paragraph ${last.paragraph} was saved by Red Kite as version 2`);
    expect(result.stderr).toContain("nothing was imported");
    const [assessments, events, imports] = await countWritten();
    // Only the other editor's save: not one of the import's 346 rows.
    expect([assessments, events, imports]).toEqual([before[0] + 1, before[1], before[2]]);
  }, 240_000);
});

