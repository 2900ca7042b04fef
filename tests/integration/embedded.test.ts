import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { findRunningEmbeddedServer, startEmbeddedServer, type EmbeddedServer } from "@/lib/database/embedded";
import { migrate } from "@/lib/database/postgres";
import { disconnectDb, getDb } from "@/lib/server/db";
import { filtersOf, parseExplorerSearch } from "@/lib/search-params";
import { countRecommendationFacets } from "@/lib/server/facets";
import { listRecommendations } from "@/lib/server/recommendations";
import { listReviewSummaries } from "@/lib/server/reviews";
import { seedRealData } from "@/lib/server/seed";
import { runCli } from "../helpers/run-cli";
import { realDataFile } from "../helpers/data-files";

/** The path `npm start` takes when DATABASE_URL is unset: PGlite (PostgreSQL 18) over its socket server. */
describe("the embedded database", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upr-embedded-"));
  let server: EmbeddedServer | undefined;
  const previousUrl = process.env.DATABASE_URL;

  afterAll(async () => {
    await disconnectDb();
    await server?.stop();
    process.env.DATABASE_URL = previousUrl;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("starts, migrates and loads the real China data", async () => {
    server = await startEmbeddedServer({ dataDir });
    expect(server.owned).toBe(true);
    await migrate(server.url, { quiet: true });
    process.env.DATABASE_URL = server.url;
    await disconnectDb();

    const first = await seedRealData();
    expect(first.imported).toHaveLength(3);
    const again = await seedRealData();
    expect(again.imported).toEqual([]);

    const summaries = await listReviewSummaries(getDb());
    const byCycle = Object.fromEntries(summaries.map((s) => [s.cycle, s]));
    expect(byCycle[3]).toMatchObject({ loaded: 346, loadedPositions: { supported: 284, noted: 62 }, reported: { total: 346 } });
    expect(byCycle[2]?.loaded).toBe(252);
    expect(byCycle[1]?.loaded).toBe(137);
    expect(byCycle[4]).toMatchObject({ loaded: 0, reported: { total: 428, supported: 290, supportedInPart: 8, noted: 130 } });
  });

  it("runs the explorer's SQL on PostgreSQL 18 too: filters, search arrays, full-text search and facets", async () => {
    const query = (qs: string) => parseExplorerSearch(Object.fromEntries(new URLSearchParams(qs))).query;
    expect((await listRecommendations(query("position=noted&cycle=3"))).total).toBe(62);
    expect((await listRecommendations(query("state=GBR&cycle=3"))).items.map((r) => r.paragraph)).toEqual(["28.5", "28.19", "28.22"]);
    expect((await listRecommendations(query("region=weog&theme=uhri:a12"))).total).toBeGreaterThan(0);
    const search = await listRecommendations(query(`q="death penalty" -abolish`));
    expect(search.total).toBeGreaterThan(0);
    expect(search.items[0]?.highlight?.some((s) => s.match)).toBe(true);
    const facets = await countRecommendationFacets(filtersOf(query("cycle=3")));
    expect(facets.position.find((p) => p.value === "noted")?.count).toBe(62);
    // The status filter's DISTINCT ON / NOT IN statements, in both scopes (nothing is assessed in this database).
    expect((await listRecommendations(query("status=not_assessed&cycle=3"))).total).toBe(346);
    const mine = { organizationIds: ["no-such-organisation"] };
    expect((await listRecommendations(query("status=fully_implemented&statusOf=mine"), mine)).total).toBe(0);
    expect(facets.status.find((s) => s.value === "not_assessed")?.count).toBe(346);
    const mineFacets = await countRecommendationFacets(filtersOf(query("cycle=3&statusOf=mine&status=not_assessed")), mine);
    expect(mineFacets.status.find((s) => s.value === "not_assessed")?.count).toBe(346);
  });

  it("never opens the same data directory twice: a second opener attaches to the running server", async () => {
    const again = await startEmbeddedServer({ dataDir });
    expect(again.owned).toBe(false);
    expect(again.port).toBe(server!.port);

    // Another process (the CLI while the app runs) finds the server through server.json and connects to it.
    const result = await runCli(["import", realDataFile("ohchr/SVN-cycle4-2025-thematic-list.docx"), "--json"], {
      DATABASE_URL: "",
      EMBEDDED_DB_DIR: dataDir,
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).written.created).toBe(254);

    const client = new pg.Client({ connectionString: server!.url });
    await client.connect();
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Recommendation" r JOIN "Review" v ON v.id = r."reviewId" WHERE v."stateUnderReviewIso3" = 'SVN'`);
    await client.end();
    expect(rows[0].n).toBe(254);
  });

  it("is found by other processes only while it runs", async () => {
    expect(await findRunningEmbeddedServer(dataDir)).toBeNull(); // this process is the owner, not another one
    await disconnectDb();
    await server!.stop();
    server = undefined;
    expect(fs.existsSync(path.join(dataDir, "server.json"))).toBe(false);
  });
});
