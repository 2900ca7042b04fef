import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { runCli as runCliProcess } from "../helpers/run-cli";
import { runCli } from "../helpers/run-cli-in-process";
import { createTestDatabase } from "../helpers/test-database";

const LIST_2018 = path.resolve("prisma", "data", "ohchr", "CHN-cycle3-2018-thematic-list.docx");
const LIST_2013 = path.resolve("prisma", "data", "ohchr", "CHN-cycle2-2013-thematic-list.docx");
const UPR_INFO = path.resolve("prisma", "data", "upr-info", "CHN-upr-info-2009-2013.csv");

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let scratch: string;
beforeAll(async () => {
  database = await createTestDatabase();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "upr-cli-"));
});
afterAll(async () => {
  await database.drop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("npm run upr -- import", () => {
  it("--dry-run --json prints the summary and touches no database", async () => {
    const result = await runCli(["import", LIST_2018, "--dry-run", "--json"], { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      format: "ohchr-thematic-list",
      recommendations: 346,
      positions: { supported: 284, supportedInPart: 0, noted: 62 },
      reviews: [{ stateUnderReview: "CHN", cycle: 3, session: 31, found: 346, action: "import" }],
      errors: [],
      dryRun: true,
      database: { read: false },
    });
    expect(summary.recommendingStates).toBeGreaterThan(100);
  });

  it("imports in one go, and a second run changes nothing", async () => {
    // The real command, as its own process (npm run upr); the other runs call the same entry in-process.
    const first = await runCliProcess(["import", LIST_2018, "--json"], { DATABASE_URL: database.url });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).written).toMatchObject({ created: 346, updated: 0, unchanged: 0 });
    const second = await runCli(["import", LIST_2018, "--json"], { DATABASE_URL: database.url });
    expect(JSON.parse(second.stdout).written).toMatchObject({ created: 0, updated: 0, unchanged: 346 });
    expect(await getDb().recommendation.count()).toBe(346);
  });

  it("skips a review loaded from another source with one line, and switches it with --replace", async () => {
    const list = await runCli(["import", LIST_2013], { DATABASE_URL: database.url });
    expect(list).toMatchObject({ code: 0, stdout: expect.stringContaining("CHN cycle 2: 252 new") });
    const skipped = await runCli(["import", UPR_INFO], { DATABASE_URL: database.url });
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain("CHN cycle 1: 137 new\n");
    expect(skipped.stdout).toContain("CHN cycle 2: skipped — already loaded from the OHCHR thematic list (CHN-cycle2-2013-thematic-list.docx)\n");
    expect(skipped.stdout).toMatch(/Imported: 137 new, 0 updated, 0 unchanged in 1 review; 1 review skipped/);

    const plan = await runCli(["import", UPR_INFO, "--replace", "--dry-run", "--json"], { DATABASE_URL: database.url });
    expect(JSON.parse(plan.stdout)).toMatchObject({ dryRun: true, database: { read: true }, reviews: [{ cycle: 1, action: "import", loaded: 137 }, { cycle: 2, action: "replace", loaded: 252 }] });
    const replaced = await runCli(["import", UPR_INFO, "--replace"], { DATABASE_URL: database.url });
    expect(replaced.stdout).toContain("CHN cycle 1: 137 unchanged\n");
    expect(replaced.stdout).toMatch(/CHN cycle 2: 284 new; replaces the OHCHR thematic list \(CHN-cycle2-2013-thematic-list\.docx\): 252 recommendations removed/);
    expect(await getDb().auditEvent.count({ where: { action: "import.replace" } })).toBe(1);
  });

  it("filters a UPR Info export by State and cycle", async () => {
    const result = await runCli(["import", UPR_INFO, "--state", "chn", "--cycle", "1", "--dry-run", "--json"], {});
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.reviews).toEqual([expect.objectContaining({ stateUnderReview: "CHN", cycle: 1, session: 4 })]);
    expect(summary.recommendations).toBe(137);
  });

  it("rejects bad input with the file and row named, no stack trace, and nothing written", async () => {
    const before = await getDb().recommendation.count();
    const lines = fs.readFileSync(UPR_INFO, "utf8").split("\n");
    const unknown = path.join(scratch, "unknown-state.csv");
    fs.writeFileSync(unknown, [lines[0], lines[1]!.replace(",Austria,", ",Narnia,"), lines[2]].join("\n"));
    const notDocx = path.join(scratch, "minutes.docx");
    fs.writeFileSync(notDocx, "not a word document");
    const truncated = path.join(scratch, "cut.csv");
    fs.writeFileSync(truncated, fs.readFileSync(UPR_INFO).subarray(0, 5000));
    const empty = path.join(scratch, "empty.csv");
    fs.writeFileSync(empty, "");

    const cases: [string, RegExp][] = [
      [unknown, /unknown-state\.csv: row 2: unknown recommending State "Narnia"/],
      [notDocx, /minutes\.docx: not a \.docx file/],
      [truncated, /cut\.csv: row \d+: cannot be read/],
      [empty, /empty\.csv: the file is empty/],
    ];
    for (const [file, message] of cases) {
      const result = await runCli(["import", file], { DATABASE_URL: database.url });
      expect(result.code, file).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/nothing was imported/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(await getDb().recommendation.count()).toBe(before);
  });

  it("explains usage mistakes with exit code 2", async () => {
    const missing = await runCli(["import", path.join(scratch, "nope.docx")], {});
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toMatch(/nope\.docx: no such file/);
    const badCycle = await runCli(["import", LIST_2018, "--cycle", "x"], {});
    expect(badCycle.code).toBe(2);
    expect(badCycle.stderr).toMatch(/--cycle must be a cycle number/);
  });
});
