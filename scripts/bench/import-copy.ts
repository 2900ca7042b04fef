import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";

/**
 * PostgreSQL's own bulk load of the rows an import wrote, for comparison: the rows are copied out (untimed), the
 * tables emptied, then loaded back with psql's `\copy … FROM` (timed): the same rows, the same indexes, the same
 * generated full-text column.
 */
const TABLES = ["Recommendation", "RecommendationState", "RecommendationTheme"] as const;

function psql(url: string, commands: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("psql", [url, "-X", "-q", "-v", "ON_ERROR_STOP=1", ...commands.flatMap((command) => ["-c", command])], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => reject(new Error(`Cannot run psql: ${error.message}`)));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`psql failed (${code}): ${stderr.trim()}`))));
  });
}

async function writableColumns(client: pg.Client, table: string): Promise<string> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => `"${row.column_name}"`).join(", ");
}

export type CopyRun = { ms: number; recommendations: number };

/** Copies out, empties and COPYs back the three tables an import fills; the time is the load alone. */
export async function copyBaseline(url: string, dir: string): Promise<CopyRun> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = new Map<string, string>();
    for (const table of TABLES) columns.set(table, await writableColumns(client, table));
    const file = (table: string): string => path.join(dir, `copy-${table}.csv`).replaceAll("'", "''");
    await psql(url, TABLES.map((table) => `\\copy (SELECT ${columns.get(table)} FROM "${table}") TO '${file(table)}' WITH (FORMAT csv)`));
    const before = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Recommendation"`)).rows[0]!.n;
    await client.query(`TRUNCATE "Recommendation" CASCADE`);
    await client.query("CHECKPOINT").catch(() => {});
    const started = performance.now();
    await psql(url, TABLES.map((table) => `\\copy "${table}" (${columns.get(table)}) FROM '${file(table)}' WITH (FORMAT csv)`));
    const ms = performance.now() - started;
    const after = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Recommendation"`)).rows[0]!.n;
    if (after !== before) throw new Error(`COPY loaded ${after} recommendations, the import wrote ${before}.`);
    return { ms, recommendations: after };
  } finally {
    await client.end();
  }
}
