import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/database/postgres";

/**
 * kill -9 of the process that holds the embedded database (PGlite behind its socket server, as `npm start` runs it)
 * while members save notes: every note whose INSERT was acknowledged is there after a restart on the same directory.
 */

type Holder = { child: ChildProcess; url: string; pid: number };

function startHolder(dataDir: string): Promise<Holder> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx's loader: the tsx command runs the script in a child process, which a SIGKILL would miss.
    const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/embedded-holder.ts", dataDir], { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ child, ...(JSON.parse(line) as { url: string; pid: number }) });
    });
    child.on("exit", (code, signal) => reject(new Error(`the holder exited (${code ?? signal}) before serving`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGKILL");
  return gone;
}

/** The least a note needs: a State, a review, a source document, a recommendation, an organisation and a member. */
async function prepare(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Country" (iso3, iso2, name, "officialName", "unStatus") VALUES ('CHN', 'CN', 'China', 'People''s Republic of China', 'MEMBER')`);
    const review = await client.query<{ id: number }>(`INSERT INTO "Review" ("stateUnderReviewIso3", cycle, "updatedAt") VALUES ('CHN', 4, now()) RETURNING id`);
    const source = await client.query<{ id: number }>(`INSERT INTO "SourceDocument" (format, "fileName", sha256) VALUES ('OHCHR_THEMATIC_LIST', 'list.docx', 'x') RETURNING id`);
    const recommendation = await client.query<{ id: number }>(
      `INSERT INTO "Recommendation" ("reviewId", text, "sourceDocumentId", "sourceKey", ordinal, "updatedAt") VALUES ($1, 'Ratify the Covenant', $2, 'k1', 1, now()) RETURNING id`,
      [review.rows[0]!.id, source.rows[0]!.id],
    );
    await client.query(`INSERT INTO "Organization" (id, name, slug) VALUES ('org', 'NGO', 'ngo')`);
    await client.query(`INSERT INTO "User" (id, name, email, "updatedAt") VALUES ('member', 'Member', 'member@example.org', now())`);
    return recommendation.rows[0]!.id;
  } finally {
    await client.end();
  }
}

describe("kill -9 of the embedded database during writes", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upr-embedded-kill-"));
  let holder: Holder | undefined;

  afterAll(async () => {
    if (holder && holder.child.exitCode === null && holder.child.signalCode === null) await killHard(holder.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged note", { timeout: 180_000 }, async () => {
    holder = await startHolder(dataDir);
    await migrate(holder.url, { quiet: true });
    const recommendationId = await prepare(holder.url);

    // Four members save notes one after another, each noting what the database acknowledged.
    const acknowledged = new Set<string>();
    const sent = new Set<string>();
    let killed = false;
    const writer = async (n: number): Promise<void> => {
      const client = new pg.Client({ connectionString: holder!.url });
      client.on("error", () => {});
      await client.connect();
      for (let i = 0; !killed; i++) {
        const id = `note-${n}-${i}`;
        sent.add(id);
        try {
          await client.query(
            `INSERT INTO "Note" (id, "recommendationId", "organizationId", "authorUserId", body, "updatedAt") VALUES ($1, $2, 'org', 'member', $3, now())`,
            [id, recommendationId, `笔记 ${n}/${i}`],
          );
          acknowledged.add(id);
        } catch {
          break; // the connection went with the process
        }
      }
      await client.end().catch(() => {});
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.size < 200) await new Promise((r) => setTimeout(r, 20));
    await killHard(holder.child);
    killed = true;
    await Promise.all(writers);

    // A new process on the same directory: the dead one's server.json is stale, and the database recovers.
    const killedPid = holder.pid;
    holder = await startHolder(dataDir);
    expect(holder.pid).not.toBe(killedPid);
    const client = new pg.Client({ connectionString: holder.url });
    await client.connect();
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Note"`);
    await client.end();
    const present = new Set(rows.map((row) => row.id));
    const lost = [...acknowledged].filter((id) => !present.has(id));
    expect(lost).toEqual([]);
    expect(acknowledged.size).toBeGreaterThanOrEqual(200);
    // Nothing appears that was never sent.
    expect([...present].every((id) => sent.has(id))).toBe(true);
  });
});
