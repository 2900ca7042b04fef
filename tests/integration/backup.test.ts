import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedServer, type EmbeddedServer } from "@/lib/database/embedded";
import { migrate } from "@/lib/database/postgres";
import { disconnectDb } from "@/lib/server/db";
import { seedRealData } from "@/lib/server/seed";
import { runCli } from "../helpers/run-cli";
import { runCli as runCliInProcess } from "../helpers/run-cli-in-process";
import { createSeededTestDatabase, createTestDatabase } from "../helpers/test-database";

/** Row counts of every table and a hash of the private notes: what a restore must give back exactly. */
type Fingerprint = { counts: Record<string, number>; notes: string };

async function fingerprint(url: string): Promise<Fingerprint> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) counts[name] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`)).rows[0]!.n;
    const notes = await client.query<{ hash: string | null }>(
      `SELECT md5(string_agg(concat_ws('|', id, "recommendationId", "organizationId", "authorUserId", body, array_to_string(tags, ','), visibility, "createdAt"), E'\\n' ORDER BY id)) AS hash FROM "Note"`,
    );
    return { counts, notes: notes.rows[0]!.hash ?? "" };
  } finally {
    await client.end();
  }
}

/** An organisation, a member and `count` private notes (with Unicode) on the first recommendation. */
async function writeNotes(url: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const suffix = Math.random().toString(36).slice(2, 8);
    await client.query(`INSERT INTO "Organization" (id, name, slug) VALUES ($1, $1, $1)`, [`org-${suffix}`]);
    await client.query(`INSERT INTO "User" (id, name, email, "updatedAt") VALUES ($1, 'Member', $2, now())`, [`user-${suffix}`, `${suffix}@example.org`]);
    const { rows } = await client.query<{ id: number }>(`SELECT min(id) AS id FROM "Recommendation"`);
    for (let i = 0; i < count; i++) {
      await client.query(
        `INSERT INTO "Note" (id, "recommendationId", "organizationId", "authorUserId", body, tags, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [`note-${suffix}-${i}`, rows[0]!.id, `org-${suffix}`, `user-${suffix}`, `私人笔记 ${i}: follow up with the ministry`, ["follow-up"]],
      );
    }
  } finally {
    await client.end();
  }
}

/**
 * Saves notes in pairs, each pair one transaction, until `work` is done: answers `work`'s result and the pairs
 * committed before it began. A consistent backup taken meanwhile holds all of those, and never half a pair.
 */
async function whileWriting<T>(url: string, work: () => Promise<T>): Promise<{ result: T; committedBefore: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ id: number }>(`SELECT min(id) AS id FROM "Recommendation"`);
  const { rows: authors } = await client.query<{ userId: string; organizationId: string }>(`SELECT "authorUserId" AS "userId", "organizationId" FROM "Note" LIMIT 1`);
  const committed: string[] = [];
  let done = false;
  const writer = (async () => {
    for (let i = 0; !done; i++) {
      await client.query("BEGIN");
      for (const half of ["a", "b"]) {
        await client.query(
          `INSERT INTO "Note" (id, "recommendationId", "organizationId", "authorUserId", body, "updatedAt") VALUES ($1, $2, $3, $4, 'pair', now())`,
          [`pair-${i}-${half}`, rows[0]!.id, authors[0]!.organizationId, authors[0]!.userId],
        );
      }
      await client.query("COMMIT");
      committed.push(`pair-${i}`);
    }
  })();
  while (committed.length < 5) await new Promise((r) => setTimeout(r, 10));
  const committedBefore = [...committed];
  try {
    return { result: await work(), committedBefore };
  } finally {
    done = true;
    await writer;
    await client.end();
  }
}

/** The pairs in a database: complete ones, and any half. */
async function pairs(url: string): Promise<{ complete: Set<string>; halves: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pair: string; n: number }>(`SELECT substring(id from '^(pair-[0-9]+)-') AS pair, count(*)::int AS n FROM "Note" WHERE id LIKE 'pair-%' GROUP BY 1`);
    return { complete: new Set(rows.filter((row) => row.n === 2).map((row) => row.pair)), halves: rows.filter((row) => row.n !== 2).length };
  } finally {
    await client.end();
  }
}

describe("backup and restore of a PostgreSQL server", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upr-backup-"));
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("round-trips every table and the private notes, and refuses a non-empty target without --force", async () => {
    const source = await createSeededTestDatabase();
    drops.push(source.drop);
    await writeNotes(source.url, 25);
    const before = await fingerprint(source.url);
    expect(before.counts.Recommendation).toBeGreaterThan(0);
    expect(before.counts.Note).toBe(25);

    const file = path.join(dir, "server.dump");
    const backup = await runCliInProcess(["backup", file], { DATABASE_URL: source.url });
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("PGDMP");

    // Into a database that does not exist yet: restore creates it.
    const target = await createTestDatabase();
    await target.drop();
    drops.push(target.drop);
    const restored = await runCliInProcess(["restore", file], { DATABASE_URL: target.url });
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    expect(await fingerprint(target.url)).toEqual(before);

    // Again into the now non-empty database: refused, and nothing changes.
    await writeNotes(target.url, 2);
    const changed = await fingerprint(target.url);
    const refused = await runCliInProcess(["restore", file], { DATABASE_URL: target.url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not empty.*--force/);
    expect(await fingerprint(target.url)).toEqual(changed);

    const forced = await runCliInProcess(["restore", file, "--force"], { DATABASE_URL: target.url });
    expect(forced.stderr).toBe("");
    expect(forced.code).toBe(0);
    expect(await fingerprint(target.url)).toEqual(before);
  });

  it("backs up consistently while notes are being saved", async () => {
    const source = await createSeededTestDatabase();
    drops.push(source.drop);
    await writeNotes(source.url, 1);
    const file = path.join(dir, "busy.dump");
    const { result, committedBefore } = await whileWriting(source.url, () => runCliInProcess(["backup", file], { DATABASE_URL: source.url }));
    expect(result.code).toBe(0);
    const target = await createTestDatabase();
    await target.drop();
    drops.push(target.drop);
    expect((await runCliInProcess(["restore", file], { DATABASE_URL: target.url })).code).toBe(0);
    const restored = await pairs(target.url);
    expect(restored.halves).toBe(0);
    expect(committedBefore.filter((pair) => !restored.complete.has(pair))).toEqual([]);
  });

  it("refuses an embedded backup for a server, and a file that is no backup", async () => {
    const other = path.join(dir, "not-a-backup.txt");
    fs.writeFileSync(other, "hello");
    const result = await runCliInProcess(["restore", other], { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not a backup/);
  });
});

describe("backup and restore of the embedded database", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "upr-backup-embedded-"));
  const appDir = path.join(root, "app");
  const restoreDir = path.join(root, "restored");
  let app: EmbeddedServer | undefined;
  let restored: EmbeddedServer | undefined;
  const previousUrl = process.env.DATABASE_URL;

  afterAll(async () => {
    await disconnectDb();
    await app?.stop();
    await restored?.stop();
    process.env.DATABASE_URL = previousUrl;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("backs up while the app holds the data directory, and restores into an empty one only", { timeout: 480_000 }, async () => {
    // This process plays the running app: it holds the data directory; the CLI runs as a process of its own.
    app = await startEmbeddedServer({ dataDir: appDir });
    await migrate(app.url, { quiet: true });
    process.env.DATABASE_URL = app.url;
    await disconnectDb();
    await seedRealData();
    await disconnectDb();
    await writeNotes(app.url, 25);
    fs.writeFileSync(path.join(appDir, "auth-secret"), "a-generated-secret-of-at-least-32-characters\n", { mode: 0o600 });
    const before = await fingerprint(app.url);
    expect(before.counts.Note).toBe(25);

    const file = path.join(root, "embedded.backup");
    const backup = await runCli(["backup", file], { DATABASE_URL: "", EMBEDDED_DB_DIR: appDir });
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);

    // Restoring onto the running app's directory is refused.
    const busy = await runCli(["restore", file, "--force"], { DATABASE_URL: "", EMBEDDED_DB_DIR: appDir });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/running/);

    const first = await runCli(["restore", file], { DATABASE_URL: "", EMBEDDED_DB_DIR: restoreDir });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(fs.readFileSync(path.join(restoreDir, "auth-secret"), "utf8")).toBe("a-generated-secret-of-at-least-32-characters\n");

    const again = await runCli(["restore", file], { DATABASE_URL: "", EMBEDDED_DB_DIR: restoreDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds a database.*--force/);
    const forced = await runCli(["restore", file, "--force"], { DATABASE_URL: "", EMBEDDED_DB_DIR: restoreDir });
    expect(forced.stderr).toBe("");
    expect(forced.code).toBe(0);

    restored = await startEmbeddedServer({ dataDir: restoreDir });
    expect(await fingerprint(restored.url)).toEqual(before);
    await restored.stop();
    restored = undefined;
  });

  it("backs up consistently while notes are being saved through the running app", { timeout: 240_000 }, async () => {
    const file = path.join(root, "busy.backup");
    const { result, committedBefore } = await whileWriting(app!.url, () => runCli(["backup", file], { DATABASE_URL: "", EMBEDDED_DB_DIR: appDir }));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const busyDir = path.join(root, "busy");
    expect((await runCli(["restore", file], { DATABASE_URL: "", EMBEDDED_DB_DIR: busyDir })).code).toBe(0);
    restored = await startEmbeddedServer({ dataDir: busyDir });
    const found = await pairs(restored.url);
    expect(found.halves).toBe(0);
    expect(committedBefore.filter((pair) => !found.complete.has(pair))).toEqual([]);
  });
});
